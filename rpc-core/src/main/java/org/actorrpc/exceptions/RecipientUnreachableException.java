package org.actorrpc.exceptions;

/**
 * The recipient could not be reached: the endpoint has terminated, or the remote RPC service is down or unreachable. Raised at once, not after the call's timeout.
 */
public class RecipientUnreachableException extends RpcException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what went wrong and what to do about it
	 */
	public RecipientUnreachableException(String message) {
		super(message);
	}

	/**
	 * Creates the exception with a cause.
	 * @param message what went wrong and what to do about it
	 * @param cause the underlying failure
	 */
	public RecipientUnreachableException(String message, Throwable cause) {
		super(message, cause);
	}

}
