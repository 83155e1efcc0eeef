package org.actorrpc.spring.boot.autoconfigure;

import java.time.Instant;

/**
 * A snapshot of one {@code @RpcClient} proxy, for the Actuator endpoint.
 *
 * @param name the client name
 * @param gateway fully qualified name of the gateway interface
 * @param address the configured address
 * @param state the connection state
 * @param lastFailure message of the last connect or connection failure, or {@code null}
 * @param lastFailureTime when it happened, or {@code null}
 */
public record RpcClientView(String name, String gateway, String address, State state, String lastFailure,
		Instant lastFailureTime) {

	/** Connection state of a client. */
	public enum State {

		/** No call was made yet, or the last connection was dropped; the next call connects. */
		NOT_CONNECTED,
		/** A connect handshake is in flight. */
		CONNECTING,
		/** Connected; calls go straight to the endpoint. */
		CONNECTED,
		/** The last connect attempt failed; the next call tries again. */
		FAILED

	}

}
