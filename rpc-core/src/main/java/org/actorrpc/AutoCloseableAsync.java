package org.actorrpc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A resource that closes asynchronously; {@link #close()} waits for {@link #closeAsync()}.
 */
public interface AutoCloseableAsync extends AutoCloseable {

	/**
	 * Starts closing this resource.
	 * @return a future completed once the resource is closed
	 */
	CompletableFuture<Void> closeAsync();

	@Override
	default void close() throws Exception {
		try {
			closeAsync().get();
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof Exception exception) {
				throw exception;
			}
			throw ex;
		}
	}

}
