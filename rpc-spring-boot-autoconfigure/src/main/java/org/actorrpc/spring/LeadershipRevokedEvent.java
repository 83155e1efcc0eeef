package org.actorrpc.spring;

import java.util.UUID;

import org.actorrpc.FencedRpcEndpoint;

import org.springframework.context.ApplicationEvent;

/**
 * Published when a leader-elected {@link RpcEndpointComponent @RpcEndpointComponent} stops
 * leading: it already refuses every call (its fencing token is cleared). Published on the
 * endpoint's main thread, after its own
 * {@link org.actorrpc.ha.LeadershipListener#onLeadershipRevoked}; {@code @EventListener} methods
 * run there too, so they delay the endpoint's messages and must not block. Immutable.
 */
public class LeadershipRevokedEvent extends ApplicationEvent {

	private static final long serialVersionUID = 1L;

	private final String endpointId;

	private final UUID leaderSessionId;

	/**
	 * Creates the event.
	 * @param endpoint the endpoint that no longer leads
	 * @param leaderSessionId the session id it led under
	 */
	public LeadershipRevokedEvent(FencedRpcEndpoint<UUID> endpoint, UUID leaderSessionId) {
		super(endpoint);
		this.endpointId = endpoint.getEndpointId();
		this.leaderSessionId = leaderSessionId;
	}

	/**
	 * Returns the endpoint that no longer leads.
	 * @return the endpoint
	 */
	@SuppressWarnings("unchecked")
	public FencedRpcEndpoint<UUID> getEndpoint() {
		return (FencedRpcEndpoint<UUID>) getSource();
	}

	/**
	 * Returns the endpoint id (the election's component id).
	 * @return the endpoint id
	 */
	public String getEndpointId() {
		return this.endpointId;
	}

	/**
	 * Returns the session id the endpoint led under (now refused).
	 * @return the revoked leader session id
	 */
	public UUID getLeaderSessionId() {
		return this.leaderSessionId;
	}

}
