package org.actorrpc.pekko.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.RecordedMessage;
import org.actorrpc.RpcMethod;
import org.actorrpc.exceptions.EndpointNotStartedException;
import org.actorrpc.internal.endpoint.Invocation;

/**
 * Code enqueued with {@code runAsync} (no result) or {@code callAsync} (result in a future).
 */
final class TaskMessage extends MailboxMessage {

	static final RpcMethod RUN_ASYNC = new RpcMethod("actorrpc", "actorrpc", "runAsync");

	static final RpcMethod CALL_ASYNC = new RpcMethod("actorrpc", "actorrpc", "callAsync");

	/** How the flight recorder names a delayed run; metrics count it with {@link #RUN_ASYNC}. */
	static final RpcMethod SCHEDULED_RUN = new RpcMethod("actorrpc", "actorrpc", "scheduleRunAsync");

	private final Runnable runnable;

	private final Callable<Object> callable;

	private final CompletableFuture<Object> future;

	private final boolean scheduled;

	TaskMessage(Runnable runnable) {
		this(runnable, false);
	}

	/**
	 * A runnable task.
	 * @param runnable the code
	 * @param scheduled whether it was scheduled ({@code scheduleRunAsync}), for the flight recorder
	 */
	TaskMessage(Runnable runnable, boolean scheduled) {
		this.runnable = runnable;
		this.callable = null;
		this.future = null;
		this.scheduled = scheduled;
	}

	TaskMessage(Callable<Object> callable, CompletableFuture<Object> future) {
		this.runnable = null;
		this.callable = callable;
		this.future = future;
		this.scheduled = false;
	}

	@Override
	RpcMethod method() {
		return (this.runnable != null) ? RUN_ASYNC : CALL_ASYNC;
	}

	@Override
	RecordedMessage.Kind recordedKind() {
		if (this.runnable == null) {
			return RecordedMessage.Kind.CALL_ASYNC;
		}
		return this.scheduled ? RecordedMessage.Kind.SCHEDULED_RUN : RecordedMessage.Kind.RUN_ASYNC;
	}

	@Override
	RpcMethod recordedMethod() {
		return this.scheduled ? SCHEDULED_RUN : method();
	}

	@Override
	void reject(Throwable failure) {
		if (this.future != null) {
			this.future.completeExceptionally(failure);
		}
	}

	@Override
	Throwable process(EndpointServer server) {
		if (!server.isRunningForMessages()) {
			EndpointNotStartedException failure = Invocation.taskNotStarted(method().method(), server.getAddress());
			reject(failure);
			return failure;
		}
		if (this.runnable != null) {
			try {
				this.runnable.run();
				return null;
			}
			catch (RuntimeException ex) {
				server.logFailedTask(ex);
				return ex;
			}
			// Errors propagate: they terminate this endpoint (and only this one).
		}
		return Invocation.call(this.callable, this.future);
	}

}
