package org.actorrpc.exceptions;

/**
 * Connecting to an endpoint failed: the address could not be resolved, nothing answers there, or the connect handshake was refused.
 */
public class RpcConnectionException extends RpcException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what went wrong and what to do about it
	 */
	public RpcConnectionException(String message) {
		super(message);
	}

	/**
	 * Creates the exception with a cause.
	 * @param message what went wrong and what to do about it
	 * @param cause the underlying failure
	 */
	public RpcConnectionException(String message, Throwable cause) {
		super(message, cause);
	}

}
