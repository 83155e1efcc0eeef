package org.actorrpc.benchmarks.peer;

import java.util.Arrays;

/**
 * The endpoint side of the fire-and-forget workload: every one-way message carries its sender's id and that
 * sender's sequence number (0, 1, 2, ...); this checks continuity per sender and counts. Not thread-safe: confined
 * to the endpoint's main thread (actorrpc, Flink), the actor (raw Pekko), or guarded by the caller (raw TCP).
 */
public final class SequenceChecker {

	/** Highest sender id accepted, so that a corrupt id cannot make the table grow without bound. */
	public static final int MAX_SENDERS = 4096;

	/** Next expected sequence number per sender id. */
	private long[] expected = new long[16];

	private long processed;

	private long missing;

	private long outOfOrder;

	/**
	 * Counts one message.
	 * @param sender the sender id, 0 to {@value #MAX_SENDERS} - 1
	 * @param sequence the sender's sequence number of this message
	 * @throws IllegalArgumentException if the sender id is out of range
	 */
	public void accept(int sender, long sequence) {
		if (sender < 0 || sender >= MAX_SENDERS) {
			throw new IllegalArgumentException("sender id " + sender + " outside 0.." + (MAX_SENDERS - 1));
		}
		if (sender >= this.expected.length) {
			this.expected = Arrays.copyOf(this.expected, Math.max(sender + 1, this.expected.length * 2));
		}
		long next = this.expected[sender];
		this.processed++;
		if (sequence == next) {
			this.expected[sender] = next + 1;
		}
		else if (sequence > next) {
			this.missing += sequence - next;
			this.expected[sender] = sequence + 1;
		}
		else {
			this.outOfOrder++;
		}
	}

	/** @return the counts so far */
	public Delivery delivery() {
		return new Delivery(this.processed, this.missing, this.outOfOrder);
	}

}
