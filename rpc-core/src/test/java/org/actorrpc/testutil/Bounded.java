package org.actorrpc.testutil;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The one bound a test waits for something that should happen, and bounded waits on futures. The
 * bound is generous on purpose: it only decides how long a broken test hangs, never whether a
 * correct one passes on a loaded machine. Stateless.
 */
public final class Bounded {

	/** How long a test waits at most for a call, a connect, a close or a condition. */
	public static final Duration BOUND = Duration.ofSeconds(20);

	private Bounded() {
	}

	/**
	 * Waits at most {@link #BOUND} for the future's value.
	 * @param future the future
	 * @param <T> the value type
	 * @return the value
	 * @throws Exception what {@link Future#get(long, TimeUnit)} throws: the failure wrapped in an
	 * {@link java.util.concurrent.ExecutionException}, or a
	 * {@link java.util.concurrent.TimeoutException} when it is still pending
	 */
	public static <T> T get(Future<T> future) throws Exception {
		return get(future, BOUND);
	}

	/**
	 * Waits at most {@code within} for the future's value.
	 * @param future the future
	 * @param within how long to wait
	 * @param <T> the value type
	 * @return the value
	 * @throws Exception what {@link Future#get(long, TimeUnit)} throws
	 */
	public static <T> T get(Future<T> future, Duration within) throws Exception {
		return future.get(within.toMillis(), TimeUnit.MILLISECONDS);
	}

}
