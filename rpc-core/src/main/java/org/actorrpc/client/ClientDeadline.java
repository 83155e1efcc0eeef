package org.actorrpc.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.actorrpc.exceptions.RpcExceptions;

/**
 * The client's own deadline for asynchronous calls through a service that cannot take a
 * per-gateway default timeout ({@link ConnectOptionsSupport}), and duration arithmetic that
 * does not overflow. Stateless.
 */
final class ClientDeadline {

	private ClientDeadline() {
	}

	/**
	 * Returns the duration in nanoseconds, {@link Long#MAX_VALUE} for durations too long to
	 * express so (a timeout of "forever").
	 * @param duration the duration
	 * @return its nanoseconds, saturated
	 */
	static long saturatedNanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

	/**
	 * Returns a future that completes like the given one, or fails with the supplied timeout
	 * exception if it has not completed within the timeout. The timer is cancelled when the call
	 * completes first.
	 * @param future the call's future
	 * @param scheduler where the timer runs
	 * @param timeout the deadline, from now
	 * @param timeoutFailure creates the timeout exception
	 * @return the bounded future
	 */
	static CompletableFuture<Object> bound(CompletableFuture<?> future, ScheduledExecutorService scheduler,
			Duration timeout, Supplier<? extends Throwable> timeoutFailure) {
		CompletableFuture<Object> result = new CompletableFuture<>();
		ScheduledFuture<?> timer = scheduler.schedule(() -> result.completeExceptionally(timeoutFailure.get()),
				saturatedNanos(timeout), TimeUnit.NANOSECONDS);
		future.whenComplete((value, failure) -> {
			timer.cancel(false);
			if (failure != null) {
				result.completeExceptionally(RpcExceptions.stripCompletion(failure));
			}
			else {
				result.complete(value);
			}
		});
		return result;
	}

}
