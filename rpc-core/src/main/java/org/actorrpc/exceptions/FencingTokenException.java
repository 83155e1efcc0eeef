package org.actorrpc.exceptions;

/**
 * A message carried a fencing token different from the endpoint's own, or none; it was discarded.
 */
public class FencingTokenException extends RpcException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what went wrong and what to do about it
	 */
	public FencingTokenException(String message) {
		super(message);
	}

	/**
	 * Creates the exception with a cause.
	 * @param message what went wrong and what to do about it
	 * @param cause the underlying failure
	 */
	public FencingTokenException(String message, Throwable cause) {
		super(message, cause);
	}

}
