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

	/**
	 * Fire-and-forget, checked for continuity per sender and counted.
	 * @param sender the sender's id
	 * @param sequence the sender's sequence number
	 */
	void tell(int sender, long sequence);

	/** @return what was processed of the tells: {@code Delivery.toArray()} */
	CompletableFuture<long[]> delivery();

}
