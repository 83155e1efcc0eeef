package org.actorrpc.testutil;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.fail;

/**
 * Helpers to observe how a call failed, with bounded waits only. Stateless.
 */
public final class Failures {

	private Failures() {
	}

	/**
	 * Waits at most {@code within} for the future to fail and returns the failure, unwrapped from
	 * {@link ExecutionException} and {@link CompletionException}. Fails the test when the future
	 * completes normally or is still pending after {@code within}.
	 * @param future the future
	 * @param within how long to wait
	 * @return the failure
	 */
	public static Throwable failureOf(CompletableFuture<?> future, Duration within) {
		try {
			Object value = future.get(within.toMillis(), TimeUnit.MILLISECONDS);
			return fail("expected the call to fail but it returned " + value);
		}
		catch (ExecutionException | CompletionException ex) {
			return unwrap(ex);
		}
		catch (java.util.concurrent.CancellationException ex) {
			return ex;
		}
		catch (TimeoutException ex) {
			return fail("expected the call to fail within " + within + " but it was still pending");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return fail("interrupted");
		}
	}

	/**
	 * Runs a call that fails either synchronously (the proxy throws) or through its future, and
	 * returns the failure, waiting at most {@code within}.
	 * @param call the call
	 * @param within how long to wait for the future
	 * @return the failure
	 */
	public static Throwable failureOfCall(Supplier<? extends CompletableFuture<?>> call, Duration within) {
		CompletableFuture<?> future;
		try {
			future = call.get();
		}
		catch (RuntimeException | Error ex) {
			return unwrap(ex);
		}
		return failureOf(future, within);
	}

	/**
	 * Runs a blocking call and returns what it threw.
	 * @param call the call
	 * @return the failure
	 */
	public static Throwable failureOfBlockingCall(ThrowingRunnable call) {
		try {
			call.run();
		}
		catch (Throwable ex) {
			return unwrap(ex);
		}
		return fail("expected the call to throw");
	}

	/**
	 * Strips {@link ExecutionException}, {@link CompletionException} and
	 * {@link java.lang.reflect.UndeclaredThrowableException} wrappers.
	 * @param failure the failure
	 * @return the innermost meaningful failure
	 */
	public static Throwable unwrap(Throwable failure) {
		Throwable current = failure;
		while ((current instanceof ExecutionException || current instanceof CompletionException
				|| current instanceof java.lang.reflect.UndeclaredThrowableException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	/**
	 * Finds the first throwable of the given type in the cause chain (including the failure
	 * itself), or {@code null}.
	 * @param failure the failure
	 * @param type the type to look for
	 * @param <T> the type
	 * @return the match or {@code null}
	 */
	public static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		Throwable current = failure;
		int depth = 0;
		while (current != null && depth++ < 32) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			current = current.getCause();
		}
		return null;
	}

	/**
	 * Like {@link #findCause}, failing the test with the whole chain when there is no match.
	 * @param failure the failure
	 * @param type the type to look for
	 * @param <T> the type
	 * @return the match
	 */
	public static <T extends Throwable> T requireCause(Throwable failure, Class<T> type) {
		T found = findCause(failure, type);
		if (found == null) {
			java.io.StringWriter out = new java.io.StringWriter();
			failure.printStackTrace(new java.io.PrintWriter(out));
			return fail("expected a " + type.getName() + " in the cause chain of:\n" + out);
		}
		return found;
	}

	/**
	 * Returns the messages of the whole cause chain, joined by " / ".
	 * @param failure the failure
	 * @return the messages
	 */
	public static String allMessages(Throwable failure) {
		StringBuilder sb = new StringBuilder();
		Throwable current = failure;
		int depth = 0;
		while (current != null && depth++ < 32) {
			if (sb.length() > 0) {
				sb.append(" / ");
			}
			sb.append(current.getClass().getName()).append(": ").append(current.getMessage());
			current = current.getCause();
		}
		return sb.toString();
	}

	/**
	 * A call that may throw anything.
	 */
	@FunctionalInterface
	public interface ThrowingRunnable {

		/**
		 * Runs the call.
		 * @throws Throwable whatever the call throws
		 */
		void run() throws Throwable;

	}

}
