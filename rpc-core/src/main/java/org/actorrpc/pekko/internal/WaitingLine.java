package org.actorrpc.pekko.internal;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A first-come, first-served line of threads waiting for capacity (room in an endpoint's
 * mailbox). Only the thread at the head of the line tries to take capacity, and its
 * {@link Admission} takes it and does its work (enqueues its message) in that one step, so a
 * thread that started waiting earlier is served before a later one and two waiters never both act
 * on the same room. The owner sends a caller that may wait here, instead of taking capacity
 * directly, whenever {@link #isEmpty()} is false, so newcomers queue behind the waiters instead of
 * overtaking them.
 *
 * <p>Threading: any number of threads wait at once; the owner calls {@link #signalHead()} from any
 * thread when capacity was freed and {@link #signalAll()} when every waiter must check again
 * whether to give up. A waiter parks until it is signalled, its recheck interval passes, its wait
 * bound passes or it is interrupted; it leaves the line on every outcome and hands the head to the
 * next waiter. {@link #isEmpty()} is one volatile read and allocates nothing, for the owner's fast
 * path; waiting allocates a queue node.
 */
final class WaitingLine {

	/** The work of the waiter at the head of the line: take capacity if there is some. */
	@FunctionalInterface
	interface Admission {

		/**
		 * Takes capacity and does the waiter's work with it; called by one waiter at a time.
		 * @return whether it was done; {@code false} when there is no capacity yet
		 */
		boolean tryAdmit();

	}

	/** How a wait ended. */
	enum Outcome {

		/** The admission was done. */
		ADMITTED,

		/** The give-up condition held before the admission could be done. */
		GAVE_UP,

		/** The wait bound passed first. */
		TIMED_OUT,

		/** The waiting thread was interrupted; its interrupt flag stays set. */
		INTERRUPTED

	}

	private final ConcurrentLinkedQueue<Thread> waiters = new ConcurrentLinkedQueue<>();

	/** How many threads are in line; raised before a thread joins, so the fast path never overtakes it. */
	private final AtomicInteger count = new AtomicInteger();

	/** @return whether nobody waits; any thread, one volatile read */
	boolean isEmpty() {
		return this.count.get() == 0;
	}

	/**
	 * Joins the end of the line and waits until this thread's admission is done at the head of it,
	 * the wait is given up, the timeout passes or the thread is interrupted.
	 * @param admission what to do at the head of the line; tried again on every wake-up there
	 * @param giveUp checked on every wake-up, wherever the thread is in line and before the admission:
	 * stop waiting when it says so
	 * @param timeoutNanos how long to wait at most
	 * @param recheckNanos how long to park at most between tries, for an admission that must be retried
	 * without a signal ({@link Long#MAX_VALUE}: only signals, the timeout and interrupts wake it)
	 * @return how the wait ended
	 */
	Outcome await(Admission admission, BooleanSupplier giveUp, long timeoutNanos, long recheckNanos) {
		long deadline = System.nanoTime() + timeoutNanos;
		Thread self = Thread.currentThread();
		this.count.incrementAndGet();
		this.waiters.add(self);
		try {
			for (;;) {
				if (giveUp.getAsBoolean()) {
					return Outcome.GAVE_UP;
				}
				if (this.waiters.peek() == self && admission.tryAdmit()) {
					return Outcome.ADMITTED;
				}
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					return Outcome.TIMED_OUT;
				}
				LockSupport.parkNanos(this, Math.min(remaining, recheckNanos));
				if (self.isInterrupted()) {
					return Outcome.INTERRUPTED;
				}
			}
		}
		finally {
			this.waiters.remove(self);
			this.count.decrementAndGet();
			// The next waiter may find the capacity this one did not use, or what remains after it.
			signalHead();
		}
	}

	/** Wakes the waiter at the head of the line, if any, to try its admission; any thread. */
	void signalHead() {
		if (this.count.get() > 0) {
			Thread head = this.waiters.peek();
			if (head != null) {
				LockSupport.unpark(head);
			}
		}
	}

	/** Wakes every waiter, to check whether it gives up; any thread. */
	void signalAll() {
		if (this.count.get() > 0) {
			for (Thread waiter : this.waiters) {
				LockSupport.unpark(waiter);
			}
		}
	}

}
