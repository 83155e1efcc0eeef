package org.actorrpc.exceptions;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * A call did not complete within its timeout. The message names the gateway, the method, the
 * recipient's address, the timeout used and which setting raises it. It is a
 * {@link TimeoutException}, so code written for Flink's RPC keeps catching it.
 */
public class RpcTimeoutException extends TimeoutException {

	private static final long serialVersionUID = 1L;

	private final Duration timeout;

	/**
	 * Creates the exception.
	 * @param message full description of what timed out
	 * @param timeout the timeout that expired
	 */
	public RpcTimeoutException(String message, Duration timeout) {
		super(message);
		this.timeout = timeout;
	}

	/**
	 * Returns the timeout that expired.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

}
