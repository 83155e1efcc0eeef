package org.actorrpc.spring.boot.autoconfigure.ha;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.actorrpc.RpcGateway;
import org.actorrpc.RpcObserver;
import org.actorrpc.RpcService;
import org.actorrpc.client.ClientSettings;
import org.actorrpc.client.RpcClientView;
import org.actorrpc.ha.HighAvailabilityServices;
import org.actorrpc.ha.LeaderFollowingGateway;
import org.actorrpc.ha.LeaderInformation;
import org.actorrpc.ha.LeaderRetrievalListener;
import org.actorrpc.spring.LeaderChangedEvent;
import org.actorrpc.spring.boot.autoconfigure.InvalidActorRpcPropertyException;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Creates and owns the {@code @RpcClient} gateways configured with
 * {@code actorrpc.clients.<name>.follow-leader}: one {@link LeaderFollowingGateway} per client
 * name and gateway type, following the leader of the configured endpoint id through the
 * {@link HighAvailabilityServices} bean. Each publishes a {@link LeaderChangedEvent} on every
 * leader change. {@link #close()} (when the context closes) stops following and closes the
 * clients.
 *
 * <p>Clients are created, and start following, while the context is being refreshed (when they
 * are injected); their events are held back until every singleton exists, and only the latest one
 * per client is then published, so that no listener bean is looked up from a retrieval thread
 * while the context is still creating beans.
 *
 * <p>Thread-safe. Events are published one at a time, under a private lock.
 */
public final class LeaderFollowingClients implements AutoCloseable, SmartInitializingSingleton {

	private final RpcService rpcService;

	private final HighAvailabilityServices highAvailabilityServices;

	private final RpcObserver observer;

	private final ApplicationEventPublisher events;

	private final RpcLeadership leadership;

	private final Map<Key, LeaderFollowingGateway<?>> clients = new ConcurrentHashMap<>();

	private final Object eventLock = new Object();

	/** Whether events are published at once. @GuardedBy("eventLock") */
	private boolean ready;

	/** The latest event per client until {@link #ready}. @GuardedBy("eventLock") */
	private final Map<Key, LeaderChangedEvent> heldBack = new LinkedHashMap<>();

	/**
	 * Creates the registry.
	 * @param rpcService the service the clients connect through
	 * @param highAvailabilityServices where the leaders are retrieved
	 * @param observer told about the calls the clients fail themselves
	 * @param events where {@link LeaderChangedEvent}s are published
	 * @param leadership where the clients are registered for monitoring
	 */
	public LeaderFollowingClients(RpcService rpcService, HighAvailabilityServices highAvailabilityServices,
			RpcObserver observer, ApplicationEventPublisher events, RpcLeadership leadership) {
		this.rpcService = rpcService;
		this.highAvailabilityServices = highAvailabilityServices;
		this.observer = observer;
		this.events = events;
		this.leadership = leadership;
	}

	/**
	 * Returns the gateway of a client that follows a leader, creating and starting it on first
	 * use.
	 * @param name the client name
	 * @param componentId the followed endpoint id
	 * @param gatewayType the gateway interface, a {@code FencedRpcGateway<UUID>}
	 * @param settings the client's timeout and back-off
	 * @param <C> the gateway type
	 * @return the gateway
	 * @throws InvalidActorRpcPropertyException if the gateway cannot follow a leader
	 */
	public <C extends RpcGateway> C client(String name, String componentId, Class<C> gatewayType,
			ClientSettings settings) {
		LeaderFollowingGateway<?> client = this.clients.computeIfAbsent(new Key(name, gatewayType),
				(key) -> create(name, componentId, gatewayType, settings));
		return gatewayType.cast(client.gateway());
	}

	private <C extends RpcGateway> LeaderFollowingGateway<C> create(String name, String componentId,
			Class<C> gatewayType, ClientSettings settings) {
		LeaderFollowingGateway.Builder<C> builder;
		try {
			builder = LeaderFollowingGateway.builder(this.rpcService, gatewayType, componentId,
					this.highAvailabilityServices.createLeaderRetrievalService(componentId));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidActorRpcPropertyException("actorrpc.clients." + name + ".follow-leader", componentId,
					"@RpcClient(\"" + name + "\") of " + gatewayType.getName() + " cannot follow a leader: "
							+ ex.getMessage(),
					"Declare the injection point with a gateway extending FencedRpcGateway<UUID>, or set "
							+ "actorrpc.clients." + name + ".address instead of follow-leader.",
					ex);
		}
		AtomicReference<Object> source = new AtomicReference<>();
		LeaderFollowingGateway<C> client = builder.settings(settings)
			.observer(this.observer)
			.listener(new EventPublishingListener(new Key(name, gatewayType), componentId, source::get))
			.build();
		source.set(client.gateway());
		this.leadership.register(client);
		client.start();
		return client;
	}

	/**
	 * Returns the connection views of the clients (their current leader's client, or a failed
	 * view saying there is no leader).
	 * @return one view per client
	 */
	public List<RpcClientView> getClientViews() {
		return this.clients.values().stream().map(LeaderFollowingGateway::view).toList();
	}

	@Override
	public void afterSingletonsInstantiated() {
		synchronized (this.eventLock) {
			this.ready = true;
			this.heldBack.values().forEach(this.events::publishEvent);
			this.heldBack.clear();
		}
	}

	private void publish(Key key, LeaderChangedEvent event) {
		synchronized (this.eventLock) {
			if (this.ready) {
				this.events.publishEvent(event);
			}
			else {
				this.heldBack.put(key, event);
			}
		}
	}

	/**
	 * Stops following and closes every client. Idempotent.
	 */
	@Override
	public void close() {
		this.clients.values().forEach(LeaderFollowingGateway::close);
	}

	private record Key(String name, Class<?> gatewayType) {
	}

	/** Publishes a {@link LeaderChangedEvent} per change, on the retrieval's thread. */
	private final class EventPublishingListener implements LeaderRetrievalListener {

		private final Key key;

		private final String componentId;

		private final Supplier<Object> source;

		EventPublishingListener(Key key, String componentId, Supplier<Object> source) {
			this.key = key;
			this.componentId = componentId;
			this.source = source;
		}

		@Override
		public void notifyLeaderAddress(LeaderInformation leader) {
			publish(leader);
		}

		@Override
		public void notifyNoLeader() {
			publish(null);
		}

		@Override
		public void handleError(Throwable error) {
			// the client already reported "no leader", which published the event
		}

		private void publish(LeaderInformation leader) {
			LeaderFollowingClients.this.publish(this.key,
					new LeaderChangedEvent(this.source.get(), this.key.name(), this.componentId, leader));
		}

	}

}
