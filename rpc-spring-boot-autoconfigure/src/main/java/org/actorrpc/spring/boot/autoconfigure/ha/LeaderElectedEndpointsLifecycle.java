package org.actorrpc.spring.boot.autoconfigure.ha;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.actorrpc.FencedRpcEndpoint;
import org.actorrpc.RpcEndpoint;
import org.actorrpc.ha.EndpointLeaderContender;
import org.actorrpc.ha.HighAvailabilityServices;
import org.actorrpc.spring.boot.autoconfigure.RpcEndpointLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Makes the started {@code @RpcEndpointComponent(leaderElected = true)} endpoints contend for the
 * leadership of their endpoint ids, each through an {@link EndpointLeaderContender}, and withdraws
 * them when the context closes. Runs in phase {@link #PHASE}, just after
 * {@link RpcEndpointLifecycle}: an endpoint contends only once it runs, and it withdraws before it
 * stops, so that a standby takes over at once instead of after a session timeout.
 *
 * <p>Called by the context's lifecycle processor, one thread at a time.
 */
public final class LeaderElectedEndpointsLifecycle implements SmartLifecycle {

	/** Lifecycle phase: started after and stopped before the endpoints. */
	public static final int PHASE = RpcEndpointLifecycle.PHASE + 1;

	private static final Logger logger = LoggerFactory.getLogger(LeaderElectedEndpointsLifecycle.class);

	private final RpcEndpointLifecycle endpoints;

	private final HighAvailabilityServices highAvailabilityServices;

	private final ApplicationEventPublisher events;

	private final RpcLeadership leadership;

	private final List<EndpointLeaderContender> contenders = new ArrayList<>();

	private volatile boolean running;

	/**
	 * Creates the lifecycle.
	 * @param endpoints the lifecycle that started the endpoints
	 * @param highAvailabilityServices where the elections run
	 * @param events where the leadership events are published
	 * @param leadership where the contenders are registered for monitoring
	 */
	public LeaderElectedEndpointsLifecycle(RpcEndpointLifecycle endpoints,
			HighAvailabilityServices highAvailabilityServices, ApplicationEventPublisher events,
			RpcLeadership leadership) {
		this.endpoints = endpoints;
		this.highAvailabilityServices = highAvailabilityServices;
		this.events = events;
		this.leadership = leadership;
	}

	@Override
	@SuppressWarnings("unchecked")
	public void start() {
		for (RpcEndpoint endpoint : this.endpoints.getStartedEndpoints()) {
			if (!LeaderElectedEndpointChecker.isLeaderElected(AopUtils.getTargetClass(endpoint))
					|| this.contenders.stream().anyMatch((contender) -> contender.endpoint() == endpoint)) {
				continue;
			}
			// the checker refused every leader-elected endpoint that is not a FencedRpcEndpoint<UUID>
			FencedRpcEndpoint<UUID> fenced = (FencedRpcEndpoint<UUID>) endpoint;
			EndpointLeaderContender contender = new EndpointLeaderContender(fenced,
					this.highAvailabilityServices.createLeaderElection(endpoint.getEndpointId()),
					List.of(new LeadershipEventPublisher(fenced, this.events)));
			this.contenders.add(contender);
			this.leadership.register(contender);
			contender.start();
			logger.debug("RPC endpoint '{}' contends for leadership", endpoint.getEndpointId());
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		for (int i = this.contenders.size() - 1; i >= 0; i--) {
			EndpointLeaderContender contender = this.contenders.get(i);
			try {
				contender.close();
			}
			catch (RuntimeException ex) {
				logger.warn("RPC endpoint '{}' could not withdraw from its leader election",
						contender.endpoint().getEndpointId(), ex);
			}
			this.leadership.unregister(contender);
		}
		this.contenders.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
