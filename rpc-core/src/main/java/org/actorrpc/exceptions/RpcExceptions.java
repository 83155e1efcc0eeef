package org.actorrpc.exceptions;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Helpers for failures that reach callers through futures. Stateless and thread-safe.
 */
public final class RpcExceptions {

	private RpcExceptions() {
	}

	/**
	 * Returns the failure a future wrapper stands for: strips {@link CompletionException} and
	 * {@link ExecutionException} layers (as {@code CompletableFuture.join()}, {@code get()} and
	 * dependent stages add them) down to the first other exception. A wrapper without a cause
	 * is returned as it is.
	 * @param failure the failure, possibly wrapped; may be {@code null}
	 * @return the first failure that is not such a wrapper, or {@code null} for {@code null}
	 */
	public static Throwable stripCompletion(Throwable failure) {
		Throwable current = failure;
		while ((current instanceof CompletionException || current instanceof ExecutionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

}
