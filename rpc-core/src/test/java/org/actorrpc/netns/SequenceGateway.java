package org.actorrpc.netns;

import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcGateway;

/**
 * Sequenced traffic whose arrival the receiving {@link SequenceEndpoint} checks: per sender, every
 * message (fire-and-forget or call) carries the next number of one sequence, so the receiver sees
 * any duplicate or reordering. Gaps are allowed: messages in flight across a partition may be lost,
 * and the sender is told how many.
 */
public interface SequenceGateway extends RpcGateway {

	/**
	 * A sequenced fire-and-forget message.
	 * @param sender the sender's number
	 * @param sequence its next sequence number
	 */
	void record(int sender, long sequence);

	/**
	 * A sequenced call.
	 * @param sender the sender's number
	 * @param sequence its next sequence number
	 * @return the sequence number
	 */
	CompletableFuture<Long> call(int sender, long sequence);

	/** @return {@code received=<n> violations=<n> gaps=<n> first=<first violation or none>} */
	CompletableFuture<String> report();

}
