package org.actorrpc.client;

import java.time.Instant;

/**
 * A snapshot of one {@link ReconnectingGateway}, for monitoring (the Spring Boot starter's
 * Actuator endpoint shows these). Immutable and thread-safe.
 *
 * @param name the client name
 * @param gateway fully qualified name of the gateway interface
 * @param address the address the client connects to: the configured one, or the one it was last
 * re-targeted to ({@link ReconnectingGateway#retarget}); without a target, the placeholder given to
 * {@link ReconnectingGateway#clearTarget}
 * @param state the connection state
 * @param connectedAddress the address of the endpoint the client is connected to (a
 * {@code local:} address resolved), or {@code null} while not connected
 * @param failedAttempts connect attempts that failed in a row; 0 once a connect succeeded
 * @param lastFailure message of the failure behind the current state (the last connect or connection
 * failure), or {@code null} while connected: a client that reconnected does not present its old
 * failure as current
 * @param lastFailureTime when it happened, or {@code null} while connected
 */
public record RpcClientView(String name, String gateway, String address, State state, String connectedAddress,
		int failedAttempts, String lastFailure, Instant lastFailureTime) {

	/** Connection state of a client. */
	public enum State {

		/** No call was made yet, or a new fencing token dropped the connection; the next call connects. */
		NOT_CONNECTED,
		/** A connect attempt is in flight. */
		CONNECTING,
		/** Connected; calls go straight to the endpoint. */
		CONNECTED,
		/**
		 * The last connect attempt failed; calls fail at once while reconnect attempts run in the
		 * background with back-off. Also shown while the client has no target
		 * ({@link ReconnectingGateway#clearTarget}): calls fail at once, and nothing is attempted
		 * until it is re-targeted.
		 */
		FAILED,
		/** The client was closed; calls fail at once. */
		CLOSED

	}

}
