package org.actorrpc.spring.boot.autoconfigure;

/**
 * An {@link org.actorrpc.spring.RpcEndpointComponent @RpcEndpointComponent} bean's endpoint id
 * breaks the id rule: its annotation value and the id its constructor passed differ, or it passed
 * none. Reported at startup by {@link RpcEndpointIdFailureAnalyzer}. Immutable.
 */
final class RpcEndpointIdException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String description;

	private final String action;

	RpcEndpointIdException(String description, String action) {
		super(description + " " + action);
		this.description = description;
		this.action = action;
	}

	String getDescription() {
		return this.description;
	}

	String getAction() {
		return this.action;
	}

}
