package org.actorrpc.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

import org.actorrpc.benchmarks.peer.EchoClient;

/**
 * Keeps at most a fixed number of asynchronous calls in flight and remembers the first failed one, so that a
 * benchmark fails instead of measuring errors. {@link #acquire} is called by the benchmark thread; completions
 * may arrive on any thread.
 */
final class InFlightWindow {

	private final int size;

	private final Semaphore permits;

	private final AtomicReference<Throwable> failure = new AtomicReference<>();

	private final BiConsumer<Object, Throwable> onCompletion = this::completed;

	/** @param size the most calls in flight; at least 1 */
	InFlightWindow(int size) {
		if (size < 1) {
			throw new IllegalArgumentException("in-flight window must be at least 1, was " + size);
		}
		this.size = size;
		this.permits = new Semaphore(size);
	}

	/**
	 * Waits until fewer than {@code size} calls are in flight.
	 * @throws Exception the first failure of a tracked call, or a timeout if no call completed in
	 * {@link EchoClient#CALL_TIMEOUT}
	 */
	void acquire() throws Exception {
		if (!this.permits.tryAcquire(EchoClient.CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new TimeoutException("no call completed within " + EchoClient.CALL_TIMEOUT);
		}
		rethrowFailure();
	}

	/**
	 * Releases the permit taken by {@link #acquire} when the call completes.
	 * @param call the call
	 */
	void track(CompletableFuture<?> call) {
		call.whenComplete(this.onCompletion);
	}

	/**
	 * Waits until every tracked call completed; called at the end of each iteration.
	 * @throws Exception the first failure, or a timeout
	 */
	void drain() throws Exception {
		if (!this.permits.tryAcquire(this.size, EchoClient.CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new TimeoutException("calls still in flight after " + EchoClient.CALL_TIMEOUT);
		}
		this.permits.release(this.size);
		rethrowFailure();
	}

	private void completed(Object answer, Throwable error) {
		if (error != null || answer == null) {
			this.failure.compareAndSet(null, (error != null) ? error : new IllegalStateException("null answer"));
		}
		this.permits.release();
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
