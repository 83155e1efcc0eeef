package org.actorrpc.benchmarks.actorrpc;

import java.util.concurrent.CompletableFuture;

import org.actorrpc.benchmarks.peer.SequenceChecker;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcService;

/**
 * actorrpc endpoint answering {@link ActorRpcEchoGateway}. Its state is confined to the endpoint's main thread.
 */
public final class ActorRpcEchoEndpoint extends RpcEndpoint implements ActorRpcEchoGateway {

	/** Main thread only. */
	private final SequenceChecker told = new SequenceChecker();

	/**
	 * @param rpcService the service hosting the endpoint
	 * @param endpointId its id, the last element of its address
	 */
	public ActorRpcEchoEndpoint(RpcService rpcService, String endpointId) {
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
