package org.actorrpc.demo.jobmaster.web;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Component;

import org.actorrpc.demo.api.DispatcherGateway;
import org.actorrpc.demo.api.UnknownJobException;
import org.actorrpc.demo.jobmaster.dispatcher.Dispatcher;

/**
 * The REST API's access to the Dispatcher: the Dispatcher endpoint's self gateway (calls go
 * through its mailbox like any RPC), plus a bounded wait that turns failures into the exceptions
 * the REST layer maps to status codes. Thread-safe.
 */
@Component
class DispatcherClient {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final DispatcherGateway gateway;

	DispatcherClient(Dispatcher dispatcher) {
		this.gateway = dispatcher.getSelfGateway(DispatcherGateway.class);
	}

	DispatcherGateway gateway() {
		return this.gateway;
	}

	/**
	 * Waits for an answer of the Dispatcher.
	 * @param future the answer
	 * @param <T> its type
	 * @return the value
	 * @throws UnknownJobException when the job does not exist
	 * @throws IllegalArgumentException on invalid input
	 * @throws ClusterUnavailableException on any other failure or after 10 seconds
	 */
	<T> T await(CompletableFuture<T> future) {
		try {
			return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ClusterUnavailableException("Interrupted while waiting for the Dispatcher", ex);
		}
		catch (TimeoutException ex) {
			throw new ClusterUnavailableException("The Dispatcher did not answer within " + TIMEOUT.toSeconds() + " s",
					ex);
		}
		catch (ExecutionException | CompletionException ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof UnknownJobException unknown) {
					throw unknown;
				}
				if (cause instanceof IllegalArgumentException invalid) {
					throw invalid;
				}
			}
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			// The message only: the REST answer must not name Java classes.
			throw new ClusterUnavailableException("The cluster could not answer: " + cause.getMessage(), cause);
		}
	}

}
