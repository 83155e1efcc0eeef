package org.actorrpc.test.internal;

import java.util.PriorityQueue;

import org.actorrpc.test.ManualClock;

/**
 * The timers of a testing service, due on its {@link ManualClock}: a priority queue ordered by due
 * time, then by the order they were set (two timers due at the same instant fire in the order they
 * were scheduled). A timer's action runs on the thread that drives the service when the timer is
 * fired; it usually only enqueues work.
 *
 * <p>Thread-safe (one monitor).
 */
public final class VirtualTimers {

	private final ManualClock clock;

	private final PriorityQueue<Timer> queue = new PriorityQueue<>();

	private long nextSequence;

	/**
	 * Creates the timers.
	 * @param clock the clock they are due on
	 */
	public VirtualTimers(ManualClock clock) {
		this.clock = clock;
	}

	/**
	 * Sets a timer.
	 * @param delayNanos delay from now, zero or more
	 * @param action what to run when it fires
	 * @return the timer, which can be cancelled
	 */
	public synchronized Timer schedule(long delayNanos, Runnable action) {
		long now = this.clock.nanos();
		long due = (delayNanos > Long.MAX_VALUE - now) ? Long.MAX_VALUE : now + Math.max(0, delayNanos);
		Timer timer = new Timer(due, this.nextSequence++, action);
		this.queue.add(timer);
		return timer;
	}

	/**
	 * Removes and returns the first timer due at or before the given time.
	 * @param nowNanos the time, in epoch nanoseconds
	 * @return the timer, or {@code null} if none is due
	 */
	public synchronized Timer pollDue(long nowNanos) {
		while (!this.queue.isEmpty()) {
			Timer head = this.queue.peek();
			if (head.cancelled) {
				this.queue.poll();
				continue;
			}
			if (head.due > nowNanos) {
				return null;
			}
			return this.queue.poll();
		}
		return null;
	}

	/**
	 * Returns when the next timer is due.
	 * @return its due time in epoch nanoseconds, or {@link Long#MAX_VALUE} when no timer is set
	 */
	public synchronized long nextDue() {
		while (!this.queue.isEmpty() && this.queue.peek().cancelled) {
			this.queue.poll();
		}
		return this.queue.isEmpty() ? Long.MAX_VALUE : this.queue.peek().due;
	}

	/**
	 * Returns how many timers are set and not cancelled.
	 * @return the count
	 */
	public synchronized int pending() {
		int count = 0;
		for (Timer timer : this.queue) {
			if (!timer.cancelled) {
				count++;
			}
		}
		return count;
	}

	/** Cancels every timer (the service closes). */
	public synchronized void clear() {
		this.queue.forEach(Timer::cancel);
		this.queue.clear();
	}

	/**
	 * One timer. Cancelling is idempotent and safe from any thread.
	 */
	public static final class Timer implements Comparable<Timer> {

		private final long due;

		private final long sequence;

		private final Runnable action;

		private volatile boolean cancelled;

		Timer(long due, long sequence, Runnable action) {
			this.due = due;
			this.sequence = sequence;
			this.action = action;
		}

		/** @return the due time, epoch nanoseconds */
		public long due() {
			return this.due;
		}

		/** Cancels the timer; it will not fire. */
		public void cancel() {
			this.cancelled = true;
		}

		/** @return whether the timer was cancelled */
		public boolean isCancelled() {
			return this.cancelled;
		}

		/** Runs the action unless cancelled; driver thread. */
		void fire() {
			if (!this.cancelled) {
				this.action.run();
			}
		}

		@Override
		public int compareTo(Timer other) {
			int byDue = Long.compare(this.due, other.due);
			return (byDue != 0) ? byDue : Long.compare(this.sequence, other.sequence);
		}

	}

}
