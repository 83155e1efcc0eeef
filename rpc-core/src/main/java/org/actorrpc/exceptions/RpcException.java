package org.actorrpc.exceptions;

/**
 * Base of the checked RPC failures: a call that could not be delivered, answered or (de)serialized.
 */
public class RpcException extends Exception {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what went wrong and what to do about it
	 */
	public RpcException(String message) {
		super(message);
	}

	/**
	 * Creates the exception with a cause.
	 * @param message what went wrong and what to do about it
	 * @param cause the underlying failure
	 */
	public RpcException(String message, Throwable cause) {
		super(message, cause);
	}

}
