package org.actorrpc.test.replay;

import java.util.function.Function;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcService;

/**
 * Creates the endpoint to replay, for {@link ReplayCommand} ({@code --factory}): a class with a
 * public no-argument constructor that builds the endpoint as the application did, and may say how
 * to print the replayed endpoint's state.
 *
 * @param <E> the endpoint type
 */
public interface EndpointFactory<E extends RpcEndpoint> extends Function<RpcService, E> {

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
