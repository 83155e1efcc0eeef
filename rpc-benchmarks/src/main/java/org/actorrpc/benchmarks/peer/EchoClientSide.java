package org.actorrpc.benchmarks.peer;

/**
 * The calling side of one peer: an RPC service, actor system or channel factory that creates
 * {@link EchoClient}s. Thread-safe; {@link #close()} closes every client it created.
 */
public interface EchoClientSide extends AutoCloseable {

	/**
	 * Connects one more gateway (proxy, channel, socket) to the server.
	 * @param address the server's {@link EchoServer#address()}
	 * @return a connected client
	 * @throws Exception if connecting fails or takes longer than {@link EchoClient#CALL_TIMEOUT}
	 */
	EchoClient connect(String address) throws Exception;

	@Override
	void close() throws Exception;

}
