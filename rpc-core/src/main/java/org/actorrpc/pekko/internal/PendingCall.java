package org.actorrpc.pekko.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcObserver;
import org.actorrpc.exceptions.RpcTimeoutException;
import org.actorrpc.internal.endpoint.GatewayMethod;

/**
 * A call waiting for its answer: the caller's future, its deadline, and what a timeout error has
 * to say. Completed exactly once — by the answer, by the timeout sweeper, or by the peer monitor.
 */
final class PendingCall {

	final CompletableFuture<Object> future;

	final GatewayMethod method;

	final String recipient;

	final Duration timeout;

	final long deadline;

	final long startNanos;

	private final Throwable callStack;

	private final RpcObserver.ClientCall observation;

	private final String description;

	private final String timeoutSource;

	long callId;

	Peer peer;

	PendingCall(CompletableFuture<Object> future, GatewayMethod method, String recipient, Duration timeout,
			Throwable callStack, RpcObserver.ClientCall observation, String description) {
		this(future, method, recipient, timeout, "the timeout passed to callAsync", callStack, observation, description);
	}

	PendingCall(CompletableFuture<Object> future, GatewayMethod method, String recipient, Duration timeout,
			String timeoutSource, Throwable callStack, RpcObserver.ClientCall observation, String description) {
		this.timeoutSource = timeoutSource;
		this.future = future;
		this.method = method;
		this.recipient = recipient;
		this.timeout = timeout;
		this.startNanos = System.nanoTime();
		long timeoutNanos = saturatedNanos(timeout);
		this.deadline = (Long.MAX_VALUE - this.startNanos < timeoutNanos) ? Long.MAX_VALUE : this.startNanos + timeoutNanos;
		this.callStack = callStack;
		this.observation = observation;
		this.description = description;
	}

	static long saturatedNanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

	boolean isDone() {
		return this.future.isDone();
	}

	void complete(Object value) {
		if (this.future.complete(value)) {
			this.observation.completed(null);
		}
	}

	void fail(Throwable failure) {
		if (this.future.completeExceptionally(failure)) {
			this.observation.completed(failure);
		}
	}

	void timeOut() {
		if (this.peer != null) {
			this.peer.forget(this.callId);
		}
		if (this.future.isDone()) {
			return;
		}
		String what = (this.method != null) ? this.method.invocationString : this.description;
		String setting = this.timeoutSource;
		RpcTimeoutException failure = new RpcTimeoutException("Invocation of [" + what + "] at recipient ["
				+ this.recipient + "] timed out after " + this.timeout.toMillis() + " ms. The timeout came from "
				+ setting + "; raise it if the recipient legitimately needs longer. Otherwise the recipient's main "
				+ "thread may be busy or blocked (see its mailbox depth and current message in the actorrpc "
				+ "endpoint views).", this.timeout);
		if (this.callStack != null) {
			failure.setStackTrace(this.callStack.getStackTrace());
		}
		fail(failure);
	}

}
