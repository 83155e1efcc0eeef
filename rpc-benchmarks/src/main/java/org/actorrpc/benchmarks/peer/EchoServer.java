package org.actorrpc.benchmarks.peer;

/**
 * The serving side of one peer in this JVM: an endpoint, actor or socket that answers the {@link EchoClient}
 * workload. Thread-safe; {@link #close()} releases every resource (threads, sockets, actor systems).
 */
public interface EchoServer extends AutoCloseable {

	/**
	 * Returns what clients connect to: an endpoint address, an actor path or {@code host:port}.
	 * @return the address
	 */
	String address();

	@Override
	void close() throws Exception;

}
