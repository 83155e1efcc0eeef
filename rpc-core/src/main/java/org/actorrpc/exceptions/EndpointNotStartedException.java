package org.actorrpc.exceptions;

/**
 * A message reached an endpoint that is not started (before {@code start()}, or after {@code stop()}); it was discarded.
 */
public class EndpointNotStartedException extends RpcException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what went wrong and what to do about it
	 */
	public EndpointNotStartedException(String message) {
		super(message);
	}

	/**
	 * Creates the exception with a cause.
	 * @param message what went wrong and what to do about it
	 * @param cause the underlying failure
	 */
	public EndpointNotStartedException(String message, Throwable cause) {
		super(message, cause);
	}

}
