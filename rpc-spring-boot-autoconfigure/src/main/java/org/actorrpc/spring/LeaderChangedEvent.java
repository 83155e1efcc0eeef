package org.actorrpc.spring;

import org.actorrpc.ha.LeaderInformation;

import org.springframework.context.ApplicationEvent;

/**
 * Published when an {@link RpcClient @RpcClient} configured with
 * {@code actorrpc.clients.<name>.follow-leader} learns of a new leader of the component it
 * follows, or that there is none; the client already calls the new leader (or fails fast). Use it
 * to re-register with a new leader. Published on the leader retrieval's thread:
 * {@code @EventListener} methods must return quickly (hand work to an endpoint with
 * {@code runAsync}). Immutable.
 */
public class LeaderChangedEvent extends ApplicationEvent {

	private static final long serialVersionUID = 1L;

	private final String clientName;

	private final String componentId;

	private final transient LeaderInformation leader;

	/**
	 * Creates the event.
	 * @param source the client's gateway proxy
	 * @param clientName the client name
	 * @param componentId the followed component (endpoint id)
	 * @param leader the new leader, or {@code null} when there is none
	 */
	public LeaderChangedEvent(Object source, String clientName, String componentId, LeaderInformation leader) {
		super(source);
		this.clientName = clientName;
		this.componentId = componentId;
		this.leader = leader;
	}

	/**
	 * Returns the client name.
	 * @return the name under {@code actorrpc.clients}
	 */
	public String getClientName() {
		return this.clientName;
	}

	/**
	 * Returns the followed component.
	 * @return the endpoint id of the leader-elected endpoint
	 */
	public String getComponentId() {
		return this.componentId;
	}

	/**
	 * Returns the new leader.
	 * @return its address and session id, or {@code null} when the component has no leader
	 */
	public LeaderInformation getLeader() {
		return this.leader;
	}

}
