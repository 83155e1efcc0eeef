package org.apache.flink.benchmark.actorrpc;

import java.util.concurrent.CompletableFuture;

import org.apache.flink.runtime.rpc.RpcEndpoint;
import org.apache.flink.runtime.rpc.RpcService;

import org.actorrpc.benchmarks.peer.SequenceChecker;

/**
 * Flink 2.3 endpoint answering {@link FlinkEchoGateway}. Its state is confined to the endpoint's main thread, as
 * for every Flink endpoint.
 */
public final class FlinkEchoEndpoint extends RpcEndpoint implements FlinkEchoGateway {

	/** Main thread only. */
	private final SequenceChecker told = new SequenceChecker();

	/**
	 * @param rpcService the service hosting the endpoint
	 * @param endpointId its id, the last element of its address
	 */
	public FlinkEchoEndpoint(RpcService rpcService, String endpointId) {
		super(rpcService, endpointId);
	}

	@Override
	public CompletableFuture<Integer> echo(int value) {
		return CompletableFuture.completedFuture(value);
	}

	@Override
	public CompletableFuture<byte[]> echoBytes(byte[] payload) {
		return CompletableFuture.completedFuture(payload);
	}

	@Override
	public void tell(int sender, long sequence) {
		this.told.accept(sender, sequence);
	}

	@Override
	public CompletableFuture<long[]> delivery() {
		return CompletableFuture.completedFuture(this.told.delivery().toArray());
	}

}
