package org.actorrpc.test.replay;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcService;
import org.actorrpc.journal.Journal;

/**
 * Creates the endpoint to replay as the application created it, given the replay service and the
 * journal (whose {@link Journal#fencingToken()} a fenced endpoint needs). {@link ReplayCommand}'s
 * {@code --factory} names a class implementing it with a public no-argument constructor; it may
 * also say how to print the replayed endpoint's state.
 *
 * @param <E> the endpoint type
 */
public interface EndpointFactory<E extends RpcEndpoint> {

	/**
	 * Creates the endpoint on the replay service.
	 * @param service the replay service
	 * @param journal the journal being replayed
	 * @return the endpoint, not started
	 */
	E create(RpcService service, Journal journal);

	/**
	 * Describes the replayed endpoint's state for the command's summary. Runs on the replay's main
	 * thread, so it may read main-thread state.
	 * @param endpoint the replayed endpoint
	 * @return a description, by default {@code endpoint.toString()}
	 */
	default String describe(E endpoint) {
		return endpoint.toString();
	}

}
