package org.actorrpc.benchmarks.probe;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The used heap once garbage collection has nothing more to free: the probes' and the cluster-scale benchmark's
 * measure of what live objects cost. Stateless; runs full GCs on the calling thread.
 */
public final class SettledHeap {

	private static final int MAX_GC_ROUNDS = 10;

	private SettledHeap() {
	}

	/**
	 * Runs full GCs until the used heap stops shrinking, at most {@value #MAX_GC_ROUNDS} times.
	 * @return the smallest used heap seen, in bytes
	 */
	public static long used() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long used = Long.MAX_VALUE;
		for (int round = 0; round < MAX_GC_ROUNDS; round++) {
			memory.gc();
			long now = memory.getHeapMemoryUsage().getUsed();
			if (now >= used) {
				return Math.min(now, used);
			}
			used = now;
		}
		return used;
	}

}
