package org.actorrpc.benchmarks.peer;

/**
 * What an endpoint has processed of the one-way {@link EchoClient#tell} messages it received, as checked by its
 * {@link SequenceChecker}: counts since the endpoint started, summed over every sender. Immutable.
 *
 * @param processed messages the endpoint processed
 * @param missing sequence numbers skipped over: a sender's next message carried a higher number than expected, so
 * the messages in between were lost (or are still to come out of order)
 * @param outOfOrder messages whose sequence number was lower than expected: reordered or delivered twice
 */
public record Delivery(long processed, long missing, long outOfOrder) {

	/**
	 * @return the three counts, in declaration order, for peers that carry them as a {@code long[]}
	 */
	public long[] toArray() {
		return new long[] { this.processed, this.missing, this.outOfOrder };
	}

	/**
	 * @param counts what {@link #toArray()} returned
	 * @return the delivery
	 * @throws IllegalArgumentException if there are not exactly three counts
	 */
	public static Delivery of(long[] counts) {
		if (counts == null || counts.length != 3) {
			throw new IllegalArgumentException("a delivery report has 3 counts, got "
					+ ((counts != null) ? counts.length : "null"));
		}
		return new Delivery(counts[0], counts[1], counts[2]);
	}

	/** @return whether every message so far arrived once and in order per sender */
	public boolean inOrderWithoutGaps() {
		return this.missing == 0 && this.outOfOrder == 0;
	}

}
