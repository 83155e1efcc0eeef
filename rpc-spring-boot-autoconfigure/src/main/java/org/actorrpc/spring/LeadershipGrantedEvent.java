package org.actorrpc.spring;

import java.util.UUID;

import org.actorrpc.FencedRpcEndpoint;

/**
 * Published when a leader-elected {@link RpcEndpointComponent @RpcEndpointComponent} starts
 * leading: its fencing token is already the new session id, {@link #getLeaderSessionId()}.
 * Published on the endpoint's main thread, after its own
 * {@link org.actorrpc.ha.LeadershipListener#onLeadershipGranted} and before the leadership is
 * confirmed to followers; {@code @EventListener} methods run there too, so they delay the
 * endpoint's messages and must not block. Immutable.
 */
public class LeadershipGrantedEvent extends LeadershipEvent {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the event.
	 * @param endpoint the endpoint that leads
	 * @param leaderSessionId the session id it leads under
	 */
	public LeadershipGrantedEvent(FencedRpcEndpoint<UUID> endpoint, UUID leaderSessionId) {
		super(endpoint, leaderSessionId);
	}

}
