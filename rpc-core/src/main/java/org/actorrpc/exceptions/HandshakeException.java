package org.actorrpc.exceptions;

/**
 * The connect handshake was refused: the endpoint does not implement the requested gateway, the protocol versions differ, or the two sides derive different serialization registries for the gateway (the message names the differing classes).
 */
public class HandshakeException extends RpcConnectionException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what went wrong and what to do about it
	 */
	public HandshakeException(String message) {
		super(message);
	}

	/**
	 * Creates the exception with a cause.
	 * @param message what went wrong and what to do about it
	 * @param cause the underlying failure
	 */
	public HandshakeException(String message, Throwable cause) {
		super(message, cause);
	}

}
