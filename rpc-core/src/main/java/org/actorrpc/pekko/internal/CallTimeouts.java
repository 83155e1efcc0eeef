package org.actorrpc.pekko.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Expires pending calls without a timer per call and without a periodic tick. Calls with the same
 * timeout have increasing deadlines, so each timeout value gets a FIFO lane and only lane heads
 * are ever looked at: O(1) per call, no cancellation when a call completes (completed heads are
 * dropped by the next caller of the lane, or by the next sweep).
 *
 * <p>One sweep at a time is armed, for the earliest deadline any lane head may have. A sweep drops
 * completed heads, times out expired ones, and arms the next sweep for the earliest live head, so a
 * service whose calls are answered in time wakes its scheduler about once per timeout, not every
 * few milliseconds: a JVM hosting a hundred services spent most of its CPU on such ticks.
 *
 * <p>Threading: {@link #register} may be called from any thread; sweeps run on the scheduler. A
 * call registered while a sweep runs is either seen by it or arms a sweep of its own, since both
 * sides meet in the same volatile ({@code armedFor}) after touching the lane.
 */
final class CallTimeouts {

	/** {@code armedFor} when no sweep is armed; a deadline equal to it is armed one nanosecond later. */
	private static final long NONE = Long.MIN_VALUE;

	/** A call whose deadline overflowed never times out. */
	private static final long NEVER = Long.MAX_VALUE;

	private final ScheduledExecutorService scheduler;

	private final ConcurrentHashMap<Long, Lane> lanes = new ConcurrentHashMap<>();

	/** The deadline the armed sweep runs at, or {@link #NONE}; written under the lock, read without it. */
	private volatile long armedFor = NONE;

	private volatile Lane lastLane = new Lane(-1);

	/** The armed sweep; guarded by this. */
	private ScheduledFuture<?> armedSweep;

	/** Guarded by this. */
	private boolean closed;

	CallTimeouts(ScheduledExecutorService scheduler) {
		this.scheduler = scheduler;
	}

	void register(PendingCall call) {
		long timeoutNanos = PendingCall.saturatedNanos(call.timeout);
		Lane lane = this.lastLane;
		if (lane.timeoutNanos != timeoutNanos) {
			lane = this.lanes.computeIfAbsent(timeoutNanos, Lane::new);
			this.lastLane = lane;
		}
		lane.queue.offer(call);
		lane.dropCompletedHeads();
		if (call.deadline != NEVER) {
			arm(call.deadline);
		}
	}

	/**
	 * Makes sure a sweep runs at or before the deadline. The common case (a sweep at or before it is
	 * armed already) reads one volatile; replacing the armed sweep by an earlier one takes the lock,
	 * so that the sweep it replaces is cancelled and never runs for nothing.
	 */
	private void arm(long deadline) {
		long at = (deadline == NONE) ? NONE + 1 : deadline;
		if (isArmedBy(this.armedFor, at)) {
			return;
		}
		synchronized (this) {
			long armed = this.armedFor;
			if (isArmedBy(armed, at) || this.closed) {
				return;
			}
			ScheduledFuture<?> replaced = this.armedSweep;
			this.armedFor = at;
			try {
				this.armedSweep = this.scheduler.schedule(() -> sweepArmedFor(at), Math.max(0, at - System.nanoTime()),
						TimeUnit.NANOSECONDS);
			}
			catch (RejectedExecutionException ex) {
				// The service is stopping: its pending calls are failed by its shutdown, not by timeouts.
				this.armedSweep = null;
				return;
			}
			if (replaced != null) {
				replaced.cancel(false);
			}
		}
	}

	private static boolean isArmedBy(long armed, long at) {
		return armed != NONE && armed - at <= 0;
	}

	/** Runs the sweep armed for {@code at}, unless an earlier one replaced it meanwhile. */
	private void sweepArmedFor(long at) {
		synchronized (this) {
			if (this.armedFor != at) {
				return;
			}
			this.armedFor = NONE;
			this.armedSweep = null;
		}
		sweep();
	}

	/** Drops completed heads, times out expired ones, and arms a sweep for the earliest live head. */
	void sweep() {
		long now = System.nanoTime();
		for (Lane lane : this.lanes.values()) {
			PendingCall head;
			while ((head = lane.queue.peek()) != null) {
				if (head.isDone()) {
					lane.queue.remove(head);
				}
				else if (now - head.deadline >= 0) {
					if (lane.queue.remove(head)) {
						head.timeOut();
					}
				}
				else {
					if (head.deadline != NEVER) {
						arm(head.deadline);
					}
					break;
				}
			}
		}
	}

	/** @return calls still queued in the lanes, answered or not (what a sweep or a caller has not dropped yet) */
	int queuedCalls() {
		int queued = 0;
		for (Lane lane : this.lanes.values()) {
			queued += lane.queue.size();
		}
		return queued;
	}

	void close() {
		synchronized (this) {
			this.closed = true;
			if (this.armedSweep != null) {
				this.armedSweep.cancel(false);
				this.armedSweep = null;
			}
		}
	}

	private static final class Lane {

		final long timeoutNanos;

		final ConcurrentLinkedQueue<PendingCall> queue = new ConcurrentLinkedQueue<>();

		Lane(long timeoutNanos) {
			this.timeoutNanos = timeoutNanos;
		}

		/**
		 * Keeps answered calls from piling up until the next sweep, which may be a whole timeout
		 * away: each call is dropped once, by whichever thread sees it completed at the head.
		 * {@code remove} takes exactly that call, so two threads racing for one head cannot drop a
		 * live call behind it.
		 */
		void dropCompletedHeads() {
			PendingCall head;
			while ((head = this.queue.peek()) != null && head.isDone()) {
				this.queue.remove(head);
			}
		}

	}

}
