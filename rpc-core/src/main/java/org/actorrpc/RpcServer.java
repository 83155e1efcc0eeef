package org.actorrpc;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * The server side of a started endpoint, as seen by the endpoint itself: a self gateway that can
 * start and stop it, run code on its main thread and report its termination. Created by
 * {@link RpcService#startServer(RpcEndpoint)}; thread-safe.
 */
public interface RpcServer extends StartStoppable, MainThreadExecutable, RpcGateway {

	/**
	 * Returns a future completed when the endpoint has terminated: normally once its
	 * {@link RpcEndpoint#onStop()} future completed, exceptionally when starting or stopping failed
	 * or the endpoint failed.
	 * @return the termination future
	 */
	CompletableFuture<Void> getTerminationFuture();

	/**
	 * Returns the clock the endpoint reads time from ({@link RpcEndpoint#getClock()}). A server
	 * may return a clock of its own: a testing service's virtual clock, or one that journals
	 * every reading so that a replay sees the same time.
	 * @return the endpoint's clock, by default the system clock in UTC
	 */
	default Clock getClock() {
		return Clock.systemUTC();
	}

	/**
	 * Returns the journal sequence number of the message the endpoint's main thread is processing
	 * ({@link RpcEndpoint#getJournalSequence()}), or of the last one it processed when called
	 * between messages. The same number names that message in the journal, so a replay to it
	 * rebuilds the state the endpoint had there.
	 * @return the sequence number, 0 when the endpoint is not journaled (the default)
	 */
	default long getJournalSequence() {
		return 0;
	}

}
