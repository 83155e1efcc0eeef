package org.actorrpc.benchmarks.scale;

import java.util.Arrays;

/**
 * Round trips in nanoseconds, appended to a growing array: no allocation per value apart from the array's
 * doublings. Not thread-safe: owned by one endpoint's main thread.
 */
public final class Latencies {

	private long[] values = new long[1024];

	private int size;

	/** @param nanos a round trip */
	public void add(long nanos) {
		if (this.size == this.values.length) {
			this.values = Arrays.copyOf(this.values, this.size * 2);
		}
		this.values[this.size++] = nanos;
	}

	/** @return the values so far, sorted, in a new array */
	public long[] sortedCopy() {
		long[] copy = Arrays.copyOf(this.values, this.size);
		Arrays.sort(copy);
		return copy;
	}

	/**
	 * The nearest-rank percentile.
	 * @param sorted values sorted ascending
	 * @param percentile between 0 (exclusive) and 100
	 * @return the value in milliseconds, or NaN when there are none
	 */
	public static double percentileMillis(long[] sorted, double percentile) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
		return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] / 1e6;
	}

}
