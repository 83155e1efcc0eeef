package org.actorrpc.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.actorrpc.RpcGateway;
import org.actorrpc.RpcObserver;
import org.actorrpc.RpcService;
import org.actorrpc.client.ReconnectingGateway;
import org.actorrpc.client.RpcClientView;
import org.actorrpc.spring.boot.autoconfigure.ha.LeaderFollowingClients;

/**
 * Creates the {@code @RpcClient} gateways, one {@link ReconnectingGateway} per client name and
 * gateway type, from {@code actorrpc.clients.*}, and lists them for the Actuator endpoint. Every
 * client configured under {@code actorrpc.clients} is checked when this bean is created, so a
 * malformed address stops startup even before the first call. {@link #close()} (called when the
 * context closes) stops the clients' background reconnects. Clients configured with
 * {@code follow-leader} are created by {@link LeaderFollowingClients}, which owns them.
 *
 * <p>Thread-safe.
 */
public final class RpcClients implements AutoCloseable {

	private final ActorRpcProperties properties;

	private final RpcService rpcService;

	private final RpcObserver observer;

	private final Map<Key, ReconnectingGateway<?>> clients = new ConcurrentHashMap<>();

	/** Creates the clients configured with follow-leader; {@code null} without high availability. */
	private final LeaderFollowingClients followers;

	/**
	 * Creates the registry and checks every configured client.
	 * @param properties the bound properties
	 * @param rpcService the service the clients connect through
	 * @param observer told about the calls the clients fail themselves (while not connected)
	 * @throws InvalidActorRpcPropertyException naming the first invalid client property
	 */
	public RpcClients(ActorRpcProperties properties, RpcService rpcService, RpcObserver observer) {
		this(properties, rpcService, observer, null);
	}

	/**
	 * Creates the registry and checks every configured client.
	 * @param properties the bound properties
	 * @param rpcService the service the clients connect through
	 * @param observer told about the calls the clients fail themselves (while not connected)
	 * @param followers creates the clients that follow a leader
	 * ({@code actorrpc.clients.<name>.follow-leader}), or {@code null} when high availability is
	 * not configured
	 * @throws InvalidActorRpcPropertyException naming the first invalid client property
	 */
	public RpcClients(ActorRpcProperties properties, RpcService rpcService, RpcObserver observer,
			LeaderFollowingClients followers) {
		this.properties = properties;
		this.rpcService = rpcService;
		this.observer = observer;
		this.followers = followers;
		properties.getClients().forEach(RpcClientSettings::validateEntry);
	}

	/**
	 * Returns the gateway for the given client name and gateway type, creating it on first use.
	 * @param name the client name
	 * @param gatewayType the gateway interface
	 * @param <C> the gateway type
	 * @return the gateway, never {@code null}
	 * @throws InvalidActorRpcPropertyException if the client's settings are missing or malformed
	 */
	public <C extends RpcGateway> C client(String name, Class<C> gatewayType) {
		String followed = RpcClientSettings.followedLeader(this.properties, name);
		if (followed != null) {
			if (this.followers == null) {
				throw new InvalidActorRpcPropertyException("actorrpc.clients." + name + ".follow-leader", followed,
						"leader retrieval is not available: the high-availability auto-configuration is excluded",
						"Include RpcHighAvailabilityAutoConfiguration, or set actorrpc.clients." + name
								+ ".address instead.");
			}
			return this.followers.client(name, followed, gatewayType,
					RpcClientSettings.resolveFollowing(this.properties, name));
		}
		ReconnectingGateway<?> client = this.clients.computeIfAbsent(new Key(name, gatewayType),
				(key) -> ReconnectingGateway.builder(this.rpcService, gatewayType)
					.settings(RpcClientSettings.resolve(this.properties, name))
					.observer(this.observer)
					.build());
		return gatewayType.cast(client.gateway());
	}

	/**
	 * Returns snapshots of the clients created so far.
	 * @return one view per client name and gateway type
	 */
	public List<RpcClientView> getClientViews() {
		List<RpcClientView> views = new ArrayList<>();
		this.clients.values().forEach((client) -> views.add(client.view()));
		if (this.followers != null) {
			views.addAll(this.followers.getClientViews());
		}
		return views;
	}

	/**
	 * Closes every client: background reconnects stop and later calls fail at once.
	 */
	@Override
	public void close() {
		this.clients.values().forEach(ReconnectingGateway::close);
	}

	private record Key(String name, Class<?> gatewayType) {
	}

}
