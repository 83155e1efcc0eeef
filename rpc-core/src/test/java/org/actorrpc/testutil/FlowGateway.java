package org.actorrpc.testutil;

import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcGateway;

/**
 * The gateway of {@link FlowEndpoint}: sequenced fire-and-forget messages whose arrival the
 * endpoint checks for loss, duplicates and order per sender, with optional work per message.
 */
public interface FlowGateway extends RpcGateway {

	/**
	 * A sequenced fire-and-forget message.
	 * @param sender the sending thread's number
	 * @param sequence its sequence number, starting at 0 per sender
	 * @param payload bytes carried along (may be empty)
	 */
	void record(int sender, long sequence, byte[] payload);

	/**
	 * A sequenced call, checked like {@link #record}.
	 * @param sender the sending thread's number
	 * @param sequence its sequence number
	 * @return the sequence number
	 */
	CompletableFuture<Long> call(int sender, long sequence);

	/** @return how many sequenced messages and calls arrived */
	CompletableFuture<Long> received();

	/** @return {@code "ok"}, or the first violation seen (a gap, a duplicate, a message out of order) */
	CompletableFuture<String> verdict();

	/** @return the deepest mailbox the endpoint saw while taking a sequenced message */
	CompletableFuture<Integer> maxMailboxDepth();

	/** @return an immediate answer, to show the endpoint (or its sibling) still serves */
	CompletableFuture<String> ping();

}
