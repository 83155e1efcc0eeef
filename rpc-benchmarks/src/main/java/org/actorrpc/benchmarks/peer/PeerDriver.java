package org.actorrpc.benchmarks.peer;

/**
 * Starts the two sides of one RPC system. Stateless; every call creates new resources owned by the caller.
 */
public interface PeerDriver {

	/**
	 * Starts a server in this JVM.
	 * @return the running server
	 * @throws Exception if it cannot start
	 */
	EchoServer startServer() throws Exception;

	/**
	 * Starts a client side.
	 * @param colocated a server of this driver in the same JVM whose service the clients must share (the "local"
	 * placement), or {@code null} for a client side of its own (the "remote" placement)
	 * @return the client side
	 * @throws Exception if it cannot start
	 */
	EchoClientSide startClientSide(EchoServer colocated) throws Exception;

	/**
	 * Starts what {@link org.actorrpc.benchmarks.probe.IdleHeapProbe} measures: a service, ready to host
	 * endpoints. Unsupported by peers without a notion of endpoints.
	 * @return a host of idle endpoints
	 * @throws Exception if it cannot start
	 */
	default EndpointHost startEndpointHost() throws Exception {
		throw new UnsupportedOperationException(getClass().getSimpleName() + " has no endpoints to count");
	}

	/**
	 * Whether {@link #startEndpointHost()} is supported.
	 * @return true if idle endpoints can be measured
	 */
	default boolean hostsEndpoints() {
		return false;
	}

	/**
	 * Hosts many idle endpoints, for the heap probe. Not thread-safe; used by one thread.
	 */
	interface EndpointHost extends AutoCloseable {

		/**
		 * Creates and starts one endpoint, and waits until it answers.
		 * @param id unique id of the endpoint
		 * @return the endpoint, kept reachable by the caller
		 * @throws Exception if it does not start in time
		 */
		Object startEndpoint(String id) throws Exception;

		@Override
		void close() throws Exception;

	}

}
