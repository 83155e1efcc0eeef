package org.actorrpc.test.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.exceptions.RpcExceptions;
import org.actorrpc.exceptions.RpcTimeoutException;

/**
 * A call that waits for its answer: the caller's future and its timeout on virtual time. The future
 * completes exactly once — with the answer, a failure, or an {@link RpcTimeoutException} when the
 * timeout passes on the service's clock — and always as a task of the service, never on an
 * endpoint's main thread (as the real service completes futures on its RPC threads). While it
 * waits, the call is known to the {@link Network}, so a partition or a peer's death can fail it.
 *
 * <p>Thread-safe.
 */
public final class ClientCall {

	private final TestingRuntime runtime;

	private final String sender;

	private final String target;

	private final String invocation;

	private final Duration timeout;

	private final String timeoutSource;

	private final CompletableFuture<Object> future = new CompletableFuture<>();

	private final CompletableFuture<Object> settled = new CompletableFuture<>();

	private final VirtualTimers.Timer timer;

	ClientCall(TestingRuntime runtime, String sender, String target, String invocation, Duration timeout,
			String timeoutSource) {
		this.runtime = runtime;
		this.sender = sender;
		this.target = target;
		this.invocation = invocation;
		this.timeout = timeout;
		this.timeoutSource = timeoutSource;
		this.timer = runtime.timers().schedule(saturatedNanos(timeout), this::timedOut);
		runtime.network().track(this);
	}

	/** @return the future the caller sees */
	public CompletableFuture<Object> future() {
		return this.future;
	}

	/** @return whether an outcome was decided (the caller's future may complete a task later) */
	public boolean isSettled() {
		return this.settled.isDone();
	}

	/** @return the address of the calling endpoint, or the outside sender */
	public String sender() {
		return this.sender;
	}

	/** @return the address of the called endpoint */
	public String target() {
		return this.target;
	}

	/** @return {@code Gateway.method(ParamType, ...)} */
	public String invocation() {
		return this.invocation;
	}

	/** @return the call's timeout */
	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * Delivers the answer.
	 * @param value the result
	 */
	public void complete(Object value) {
		settle(value, null);
	}

	/**
	 * Delivers a failure.
	 * @param failure what went wrong
	 */
	public void fail(Throwable failure) {
		settle(null, RpcExceptions.stripCompletion(failure));
	}

	private void timedOut() {
		fail(new RpcTimeoutException("Invocation of [" + this.invocation + "] at recipient [" + this.target
				+ "] timed out after " + this.timeout.toMillis() + " ms of the TestingRpcService's virtual time. The "
				+ "timeout came from " + this.timeoutSource + "; the recipient did not answer before advanceTime "
				+ "moved the clock past it (a dropped message, a delay longer than the timeout, or an endpoint "
				+ "that never completes its future).", this.timeout));
	}

	private void settle(Object value, Throwable failure) {
		boolean first = (failure != null) ? this.settled.completeExceptionally(failure) : this.settled.complete(value);
		if (!first) {
			return;
		}
		this.timer.cancel();
		this.runtime.network().untrack(this);
		this.runtime.driver().enqueueServiceTask(Driver.Task.of(() -> {
			if (failure != null) {
				this.future.completeExceptionally(failure);
			}
			else {
				this.future.complete(value);
			}
		}));
	}

	private static long saturatedNanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

}
