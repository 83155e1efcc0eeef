package org.actorrpc;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Runs code on an endpoint's main thread, in its mailbox order. Thread-safe; only supported for
 * endpoints of the local service.
 */
public interface MainThreadExecutable {

	/**
	 * Enqueues a runnable; it runs on the main thread after every message that is already queued.
	 * @param runnable the code to run
	 */
	void runAsync(Runnable runnable);

	/**
	 * Enqueues a callable and returns its result.
	 * @param callable the code to run
	 * @param callTimeout how long to wait for the result before the future fails with a timeout
	 * @param <V> result type
	 * @return a future of the callable's result
	 */
	<V> CompletableFuture<V> callAsync(Callable<V> callable, Duration callTimeout);

	/**
	 * Enqueues a runnable once the given delay has passed.
	 * @param runnable the code to run
	 * @param delayMillis delay in milliseconds, zero or greater
	 */
	void scheduleRunAsync(Runnable runnable, long delayMillis);

}
