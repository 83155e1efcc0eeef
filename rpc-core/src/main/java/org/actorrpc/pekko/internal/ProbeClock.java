package org.actorrpc.pekko.internal;

/**
 * The prober's own clock: how much of the time between two of its probe ticks counts as a peer's
 * silence. A tick that comes on time credits the time elapsed since the previous one. A tick more
 * than one interval late means the prober itself was not running (its JVM starved of CPU, paused
 * by the collector, its scheduler thread busy with something else), and nobody can tell whether a
 * peer answered in that time: such a tick credits one interval only, so a prober that stalls never
 * blames its peers for its own pause. Monitor thread only; not thread-safe.
 */
final class ProbeClock {

	private final long intervalNanos;

	private long previousTick;

	private boolean started;

	/**
	 * Creates the clock.
	 * @param intervalNanos the probe interval
	 */
	ProbeClock(long intervalNanos) {
		this.intervalNanos = intervalNanos;
	}

	/**
	 * A probe tick runs now.
	 * @param now the prober's {@link System#nanoTime()}
	 * @return how much time since the previous tick counts as silence: the time elapsed when the
	 * tick is at most one interval late, one interval when it is later (or this is the first tick)
	 */
	long tick(long now) {
		long elapsed = now - this.previousTick;
		boolean first = !this.started;
		this.started = true;
		this.previousTick = now;
		if (first || elapsed < 0 || elapsed > 2 * this.intervalNanos) {
			return this.intervalNanos;
		}
		return elapsed;
	}

}
