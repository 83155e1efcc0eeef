package org.actorrpc.pekko.flow;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcGateway;
import org.actorrpc.RpcTimeout;

/**
 * The gateway of {@link SteppedEndpoint}: sequenced messages that the endpoint takes one per step
 * the test allows, and the order in which they arrived.
 */
interface SteppedGateway extends RpcGateway {

	/**
	 * A fire-and-forget message, processed when the test allows one more step.
	 * @param sender the sending thread's number
	 * @param sequence its sequence number
	 */
	void send(int sender, long sequence);

	/**
	 * A call, processed when the test allows one more step.
	 * @param sender the sending thread's number
	 * @param sequence its sequence number
	 * @param timeout the call's timeout
	 * @return the sequence number
	 */
	CompletableFuture<Long> ask(int sender, long sequence, @RpcTimeout Duration timeout);

	/** When the test allows one more step, fails the endpoint with a fatal error, which terminates it. */
	void crash();

	/** @return the messages processed so far, as {@code sender:sequence}, comma-separated, in order */
	CompletableFuture<String> arrivals();

}
