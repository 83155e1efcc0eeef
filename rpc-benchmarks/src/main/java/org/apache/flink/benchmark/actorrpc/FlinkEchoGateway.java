package org.apache.flink.benchmark.actorrpc;

import java.util.concurrent.CompletableFuture;

import org.apache.flink.runtime.rpc.RpcGateway;

/**
 * The echo workload as a Flink 2.3 gateway. It lives under {@code org.apache.flink.} because Flink's RPC loader
 * only lets its isolated class loader see application classes in that package (flink-rpc-anchor.md §5).
 */
public interface FlinkEchoGateway extends RpcGateway {

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
