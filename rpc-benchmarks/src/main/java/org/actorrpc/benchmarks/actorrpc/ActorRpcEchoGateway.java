package org.actorrpc.benchmarks.actorrpc;

import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcGateway;

/**
 * The echo workload as an actorrpc gateway.
 */
public interface ActorRpcEchoGateway extends RpcGateway {

	/** @param value a value @return the same value */
	CompletableFuture<Integer> echo(int value);

	/** @param payload bytes @return the same bytes */
	CompletableFuture<byte[]> echoBytes(byte[] payload);

	/** @param value counted, fire-and-forget */
	void tell(int value);

	/** @return how many tells were processed */
	CompletableFuture<Long> count();

}
