package org.actorrpc.spring;

import java.util.UUID;

import org.actorrpc.FencedRpcEndpoint;

import org.springframework.context.ApplicationEvent;

/**
 * A change of leadership of a leader-elected
 * {@link RpcEndpointComponent @RpcEndpointComponent}: {@link LeadershipGrantedEvent} when it
 * starts leading, {@link LeadershipRevokedEvent} when it stops. Listen to this type to receive
 * both, in the order they happened. Published on the endpoint's main thread, after the endpoint's
 * own {@link org.actorrpc.ha.LeadershipListener} callback; {@code @EventListener} methods run
 * there too, so they delay the endpoint's messages and must not block. Immutable.
 */
public abstract class LeadershipEvent extends ApplicationEvent {

	private static final long serialVersionUID = 1L;

	private final String endpointId;

	private final UUID leaderSessionId;

	/**
	 * Creates the event.
	 * @param endpoint the endpoint whose leadership changed
	 * @param leaderSessionId the session the change concerns: the one granted, or the one revoked
	 */
	protected LeadershipEvent(FencedRpcEndpoint<UUID> endpoint, UUID leaderSessionId) {
		super(endpoint);
		this.endpointId = endpoint.getEndpointId();
		this.leaderSessionId = leaderSessionId;
	}

	/**
	 * Returns the endpoint whose leadership changed.
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
	 * Returns the session the change concerns: for a grant, the session id the endpoint now leads
	 * under (its fencing token); for a revocation, the session id it led under, now refused.
	 * @return the leader session id
	 */
	public UUID getLeaderSessionId() {
		return this.leaderSessionId;
	}

}
