package org.actorrpc.pekko.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Expires pending calls without a timer per call. Calls with the same timeout have increasing
 * deadlines, so each timeout value gets a FIFO queue and a sweep only looks at queue heads: O(1)
 * per call, no cancellation when a call completes (completed heads are simply dropped). The sweep
 * runs every {@value #TICK_MILLIS} ms.
 */
final class CallTimeouts {

	static final long TICK_MILLIS = 5;

	private final ConcurrentHashMap<Long, Lane> lanes = new ConcurrentHashMap<>();

	private volatile Lane lastLane = new Lane(-1);

	private final ScheduledFuture<?> sweeper;

	CallTimeouts(ScheduledExecutorService scheduler) {
		this.sweeper = scheduler.scheduleWithFixedDelay(this::sweep, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
	}

	void register(PendingCall call) {
		long timeoutNanos = PendingCall.saturatedNanos(call.timeout);
		Lane lane = this.lastLane;
		if (lane.timeoutNanos != timeoutNanos) {
			lane = this.lanes.computeIfAbsent(timeoutNanos, Lane::new);
			this.lastLane = lane;
		}
		lane.queue.offer(call);
	}

	void sweep() {
		long now = System.nanoTime();
		for (Lane lane : this.lanes.values()) {
			PendingCall head;
			while ((head = lane.queue.peek()) != null) {
				if (head.isDone()) {
					lane.queue.poll();
				}
				else if (now - head.deadline >= 0) {
					lane.queue.poll();
					head.timeOut();
				}
				else {
					break;
				}
			}
		}
	}

	void close() {
		this.sweeper.cancel(false);
	}

	private static final class Lane {

		final long timeoutNanos;

		final ConcurrentLinkedQueue<PendingCall> queue = new ConcurrentLinkedQueue<>();

		Lane(long timeoutNanos) {
			this.timeoutNanos = timeoutNanos;
		}

	}

}
