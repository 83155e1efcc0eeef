package org.actorrpc.spring.boot.autoconfigure.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcService;
import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.spring.boot.autoconfigure.ha.LeadershipDetails;
import org.actorrpc.spring.boot.autoconfigure.ha.RpcLeadership;
import org.apache.pekko.actor.ActorSystem;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of this node's RPC service: DOWN when the actor system or the RPC service has
 * terminated, or when an endpoint terminated unexpectedly (state {@code FAILED}); UP otherwise.
 * Remote nodes are never contacted: their reachability is not this node's health, and must not
 * feed liveness. With high availability, the {@code leadership} detail shows each leader-elected
 * endpoint's state ({@code LEADER}, {@code STANDBY}, ...) and each followed leader (its address,
 * or none); it never makes the node DOWN: a standby, or a client whose leader is being elected,
 * is healthy.
 *
 * <p>Thread-safe; reads O(1) snapshots.
 */
public class ActorRpcHealthIndicator extends AbstractHealthIndicator {

	private final RpcService rpcService;

	private final RpcLeadership leadership;

	/**
	 * Creates the indicator.
	 * @param rpcService the RPC service; for a {@link PekkoRpcService} its actor system is checked
	 * too
	 */
	public ActorRpcHealthIndicator(RpcService rpcService) {
		this(rpcService, null);
	}

	/**
	 * Creates the indicator with leadership details.
	 * @param rpcService the RPC service; for a {@link PekkoRpcService} its actor system is checked
	 * too
	 * @param leadership the application's leadership state, or {@code null} for none
	 */
	public ActorRpcHealthIndicator(RpcService rpcService, RpcLeadership leadership) {
		super("actorrpc health check failed");
		this.rpcService = rpcService;
		this.leadership = leadership;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Map<String, String> endpoints = new LinkedHashMap<>();
		List<String> failed = new ArrayList<>();
		for (RpcEndpointView view : this.rpcService.getEndpointViews()) {
			endpoints.put(view.getEndpointId(), view.getState().name());
			if (view.getState() == RpcEndpointView.State.FAILED) {
				failed.add(view.getEndpointId());
			}
		}
		ActorSystem actorSystem = (this.rpcService instanceof PekkoRpcService pekko) ? pekko.getActorSystem() : null;
		boolean systemTerminated = actorSystem != null && actorSystem.whenTerminated().isCompleted();
		boolean serviceTerminated = this.rpcService.getTerminationFuture().isDone();
		if (systemTerminated || serviceTerminated || !failed.isEmpty()) {
			builder.down();
		}
		else {
			builder.up();
		}
		if (systemTerminated) {
			builder.withDetail("actorSystem", "TERMINATED");
		}
		if (serviceTerminated) {
			builder.withDetail("rpcService", "TERMINATED");
		}
		if (!failed.isEmpty()) {
			builder.withDetail("failedEndpoints", failed);
		}
		builder.withDetail("endpoints", endpoints);
		if (this.leadership != null) {
			Map<String, Object> leadership = LeadershipDetails.of(this.leadership.snapshot());
			if (!leadership.isEmpty()) {
				builder.withDetail("leadership", leadership);
			}
		}
	}

}
