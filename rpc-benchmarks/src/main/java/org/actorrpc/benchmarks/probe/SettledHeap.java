package org.actorrpc.benchmarks.probe;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The used heap once garbage collection has nothing more to free: what a probe compares before and after it
 * creates what it measures. One full GC can leave garbage that a second one frees (objects kept alive only by
 * finalizable or weakly reachable referents), so it collects until the used heap stops shrinking. Stateless.
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
