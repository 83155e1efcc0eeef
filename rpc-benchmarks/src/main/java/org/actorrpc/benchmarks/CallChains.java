package org.actorrpc.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.actorrpc.benchmarks.peer.EchoClient;

/**
 * Keeps a fixed number of asynchronous calls in flight without a hand-off per call, as asynchronous client code
 * does: each of N chains issues its next call from the completion callback of its previous one, on whatever thread
 * completed it (the peer's I/O, dispatcher or executor thread). The benchmark thread never waits for a single call;
 * it only samples how many have completed ({@link #awaitSlice}), so no semaphore, latch or wake-up of the benchmark
 * thread sits between one call's answer and the next call. Thread-safe: {@link #start}, {@link #awaitSlice} and
 * {@link #stop} are called by the benchmark thread; completions arrive on any thread.
 */
final class CallChains {

	/** How long the benchmark thread parks between two samples of the completed count. */
	static final long SLICE_NANOS = 1_000_000;

	/** Issues one call of a chain. */
	@FunctionalInterface
	interface Call {

		/**
		 * @param chain the chain, 0 to N - 1 (fan-in benchmarks pick the gateway by it)
		 * @param value a value unique within the chain, for the answer check
		 * @return the call's future
		 */
		CompletableFuture<?> start(int chain, int value);

	}

	/** Checks one answer. */
	@FunctionalInterface
	interface Check {

		/**
		 * @param value the value the call was started with
		 * @param answer the answer
		 * @return what is wrong with the answer, or {@code null} if it is right
		 */
		String problem(int value, Object answer);

	}

	private final int chains;

	private final Call call;

	private final Check check;

	private final AtomicLong completed = new AtomicLong();

	private final AtomicLong inFlight = new AtomicLong();

	private final AtomicReference<Throwable> failure = new AtomicReference<>();

	private volatile boolean running;

	/** Benchmark thread only: the completed count at the last sample, or -1 before the first one. */
	private long sampled = -1;

	/** Benchmark thread only: when the completed count last moved. */
	private long lastProgressNanos;

	/**
	 * @param chains calls in flight; at least 1
	 * @param call issues a call
	 * @param check checks an answer
	 */
	CallChains(int chains, Call call, Check check) {
		if (chains < 1) {
			throw new IllegalArgumentException("calls in flight must be at least 1, was " + chains);
		}
		this.chains = chains;
		this.call = call;
		this.check = check;
	}

	/** Starts every chain with its first call. */
	void start() {
		this.running = true;
		this.sampled = -1;
		this.inFlight.addAndGet(this.chains);
		for (int chain = 0; chain < this.chains; chain++) {
			issue(chain, 0);
		}
	}

	/**
	 * Parks for {@link #SLICE_NANOS} and reports how many calls completed since the previous sample. The first
	 * sample after {@link #start} only takes the baseline and reports 0, so that the calls that completed before
	 * the measurement loop began are not counted.
	 * @return calls completed since the previous sample
	 * @throws Exception the first failed or wrong answer, or a timeout if no call completed within
	 * {@link EchoClient#CALL_TIMEOUT}
	 */
	long awaitSlice() throws Exception {
		if (this.sampled < 0) {
			this.sampled = this.completed.get();
			this.lastProgressNanos = System.nanoTime();
		}
		LockSupport.parkNanos(SLICE_NANOS);
		rethrowFailure();
		long now = this.completed.get();
		long delta = now - this.sampled;
		this.sampled = now;
		long time = System.nanoTime();
		if (delta > 0) {
			this.lastProgressNanos = time;
		}
		else if (time - this.lastProgressNanos > EchoClient.CALL_TIMEOUT.toNanos()) {
			throw new TimeoutException("no call completed within " + EchoClient.CALL_TIMEOUT + " (" + this.inFlight.get()
					+ " in flight)");
		}
		return delta;
	}

	/**
	 * Stops issuing calls and waits until every call in flight has completed.
	 * @throws Exception the first failure, or a timeout if calls are still in flight after
	 * {@link EchoClient#CALL_TIMEOUT}
	 */
	void stop() throws Exception {
		this.running = false;
		long deadline = System.nanoTime() + EchoClient.CALL_TIMEOUT.toNanos();
		while (this.inFlight.get() > 0) {
			if (System.nanoTime() - deadline > 0) {
				throw new TimeoutException(this.inFlight.get() + " calls still in flight after "
						+ EchoClient.CALL_TIMEOUT);
			}
			LockSupport.parkNanos(SLICE_NANOS);
		}
		rethrowFailure();
	}

	/**
	 * Issues calls of one chain until one is not complete at once (then its callback goes on), the chains are
	 * stopped, or an answer is wrong. The loop, rather than a callback calling itself, keeps the stack flat when
	 * a peer answers synchronously. A chain holds one unit of {@code inFlight} from its first call until it ends,
	 * so {@link #stop} cannot see zero between one call's answer and the next call.
	 */
	private void issue(int chain, int firstValue) {
		int value = firstValue;
		while (this.running && this.failure.get() == null) {
			CompletableFuture<?> future;
			try {
				future = this.call.start(chain, value);
			}
			catch (RuntimeException ex) {
				accept(value, null, ex);
				break;
			}
			if (!future.isDone()) {
				int sent = value;
				future.whenComplete((answer, error) -> {
					if (accept(sent, answer, error)) {
						issue(chain, sent + 1);
					}
					else {
						this.inFlight.decrementAndGet();
					}
				});
				return;
			}
			Object answer = null;
			Throwable error = null;
			try {
				answer = future.join();
			}
			catch (RuntimeException ex) {
				error = (ex.getCause() != null) ? ex.getCause() : ex;
			}
			if (!accept(value, answer, error)) {
				break;
			}
			value++;
		}
		this.inFlight.decrementAndGet();
	}

	/** @return whether the answer is right (then it is counted) */
	private boolean accept(int value, Object answer, Throwable error) {
		Throwable problem = error;
		if (problem == null) {
			String wrong = (answer != null) ? this.check.problem(value, answer) : "null answer to call " + value;
			if (wrong != null) {
				problem = new IllegalStateException(wrong);
			}
		}
		if (problem != null) {
			this.failure.compareAndSet(null, problem);
			return false;
		}
		this.completed.incrementAndGet();
		return true;
	}

	private void rethrowFailure() throws Exception {
		Throwable error = this.failure.get();
		if (error instanceof Exception ex) {
			throw ex;
		}
		if (error != null) {
			throw new IllegalStateException("call failed", error);
		}
	}

}
