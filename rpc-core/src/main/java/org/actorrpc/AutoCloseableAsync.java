package org.actorrpc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.actorrpc.exceptions.RpcRuntimeException;

/**
 * A resource that closes asynchronously; {@link #close()} waits for {@link #closeAsync()}. Unlike
 * {@link AutoCloseable#close()}, it throws no checked exception, so try-with-resources on an
 * endpoint or service needs no catch block.
 */
public interface AutoCloseableAsync extends AutoCloseable {

	/**
	 * Starts closing this resource.
	 * @return a future completed once the resource is closed
	 */
	CompletableFuture<Void> closeAsync();

	/**
	 * Closes the resource and waits until it is closed.
	 * @throws RpcRuntimeException if closing failed or the waiting thread was interrupted
	 */
	@Override
	default void close() {
		try {
			closeAsync().get();
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new RpcRuntimeException("Closing " + this + " failed: " + cause.getMessage(), cause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RpcRuntimeException("Interrupted while closing " + this, ex);
		}
	}

}
