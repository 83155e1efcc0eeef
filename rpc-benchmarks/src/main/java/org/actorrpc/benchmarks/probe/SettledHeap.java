package org.actorrpc.benchmarks.probe;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The used heap once garbage collection has nothing more to free: what the probes and the cluster-scale benchmark
 * compare before and after they create what they measure. One full GC can leave garbage that a second one frees
 * (objects kept alive only by finalizable or weakly reachable referents), so it collects until the used heap stops
 * shrinking. Stateless; runs full GCs on the calling thread.
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
