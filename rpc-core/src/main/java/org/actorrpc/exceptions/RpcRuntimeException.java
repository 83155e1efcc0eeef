package org.actorrpc.exceptions;

/**
 * Base of the unchecked RPC failures, for example a failing synchronous call whose gateway method declares no matching checked exception.
 */
public class RpcRuntimeException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what went wrong and what to do about it
	 */
	public RpcRuntimeException(String message) {
		super(message);
	}

	/**
	 * Creates the exception with a cause.
	 * @param message what went wrong and what to do about it
	 * @param cause the underlying failure
	 */
	public RpcRuntimeException(String message, Throwable cause) {
		super(message, cause);
	}

}
