package org.actorrpc.spring;

import java.util.UUID;

import org.actorrpc.FencedRpcEndpoint;

/**
 * Published when a leader-elected {@link RpcEndpointComponent @RpcEndpointComponent} stops
 * leading: it already refuses every call (its fencing token is cleared), and
 * {@link #getLeaderSessionId()} is the session it led under. Published on the endpoint's main
 * thread, after its own {@link org.actorrpc.ha.LeadershipListener#onLeadershipRevoked};
 * {@code @EventListener} methods run there too, so they delay the endpoint's messages and must
 * not block. Immutable.
 */
public class LeadershipRevokedEvent extends LeadershipEvent {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the event.
	 * @param endpoint the endpoint that no longer leads
	 * @param leaderSessionId the session id it led under
	 */
	public LeadershipRevokedEvent(FencedRpcEndpoint<UUID> endpoint, UUID leaderSessionId) {
		super(endpoint, leaderSessionId);
	}

}
