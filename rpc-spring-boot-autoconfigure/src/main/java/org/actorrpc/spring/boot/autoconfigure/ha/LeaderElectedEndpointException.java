package org.actorrpc.spring.boot.autoconfigure.ha;

import org.springframework.beans.factory.BeanCreationException;

/**
 * An {@code @RpcEndpointComponent(leaderElected = true)} bean cannot be leader-elected. Reported at
 * startup by {@link LeaderElectedEndpointFailureAnalyzer} with what is wrong and how to fix it.
 */
public class LeaderElectedEndpointException extends BeanCreationException {

	private static final long serialVersionUID = 1L;

	private final String description;

	private final String action;

	/**
	 * Creates the exception.
	 * @param beanName the endpoint bean
	 * @param description what is wrong
	 * @param action how to fix it
	 */
	public LeaderElectedEndpointException(String beanName, String description, String action) {
		super(beanName, description + " " + action);
		this.description = description;
		this.action = action;
	}

	/**
	 * Returns what is wrong.
	 * @return the description
	 */
	public String getDescription() {
		return this.description;
	}

	/**
	 * Returns how to fix it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
