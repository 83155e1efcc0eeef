package org.actorrpc.internal.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.actorrpc.RpcMethod;
import org.actorrpc.RpcMethodStats;

/**
 * The numbers behind an endpoint's {@link org.actorrpc.RpcEndpointView}: the message being
 * processed, busy time, processed and refused messages, and per-method totals. Written by the
 * endpoint's main thread only (refusals: by any thread, atomically); read racily by views, which
 * is good enough for dashboards.
 */
public final class EndpointStatistics {

	private final ConcurrentHashMap<RpcMethod, MethodCell> methods = new ConcurrentHashMap<>();

	private final LongAdder refused = new LongAdder();

	// Plain fields: a volatile write per message would cost more than the message on the local path.
	private long currentStart;

	private RpcMethod currentMethod;

	private long busyNanos;

	private long processed;

	/**
	 * The main thread starts a message.
	 * @param method what it invokes
	 * @param start {@link System#nanoTime()} now
	 */
	public void started(RpcMethod method, long start) {
		this.currentMethod = method;
		this.currentStart = start;
	}

	/**
	 * The main thread finished a message.
	 * @param method what it invoked, or {@code null} to leave it out of the per-method totals
	 * @param nanos how long it ran
	 * @param failed whether it failed
	 */
	public void finished(RpcMethod method, long nanos, boolean failed) {
		this.currentStart = 0;
		this.currentMethod = null;
		this.busyNanos = this.busyNanos + nanos;
		this.processed = this.processed + 1;
		if (method != null) {
			this.methods.computeIfAbsent(method, MethodCell::new).record(nanos, failed);
		}
	}

	/** A gateway call was refused because the mailbox was full; any thread. */
	public void refused() {
		this.refused.increment();
	}

	/** @return how long the message being processed has run, 0 when idle */
	public long currentMessageAgeNanos() {
		long start = this.currentStart;
		return (start != 0) ? Math.max(0, System.nanoTime() - start) : 0;
	}

	/** @return what the message being processed invokes, {@code null} when idle */
	public RpcMethod currentMethod() {
		return this.currentMethod;
	}

	/** @return the time spent processing messages */
	public long busyNanos() {
		return this.busyNanos;
	}

	/** @return the messages processed */
	public long processed() {
		return this.processed;
	}

	/** @return the gateway calls refused because the mailbox was full */
	public long refusedCalls() {
		return this.refused.sum();
	}

	/** @return a snapshot of the per-method totals */
	public List<RpcMethodStats> methodStats() {
		List<RpcMethodStats> result = new ArrayList<>(this.methods.size());
		for (MethodCell cell : this.methods.values()) {
			result.add(cell.snapshot());
		}
		return result;
	}

	/** Per-method totals; written by the main thread only. */
	private static final class MethodCell {

		private final RpcMethod method;

		private long count;

		private long failures;

		private long totalNanos;

		private long maxNanos;

		private long lastNanos;

		MethodCell(RpcMethod method) {
			this.method = method;
		}

		void record(long nanos, boolean failed) {
			this.count++;
			if (failed) {
				this.failures++;
			}
			this.totalNanos += nanos;
			this.lastNanos = nanos;
			if (nanos > this.maxNanos) {
				this.maxNanos = nanos;
			}
		}

		RpcMethodStats snapshot() {
			return new RpcMethodStats(this.method, this.count, this.failures, this.totalNanos, this.maxNanos,
					this.lastNanos);
		}

	}

}
