package org.apache.flink.benchmark.scale;

import java.util.concurrent.CompletableFuture;

import org.apache.flink.runtime.rpc.RpcGateway;

/**
 * The simulated ResourceManager as a Flink 2.3 gateway ({@code ResourceManagerHandle}'s shape). It lives under {@code
 * org.apache.flink.}, the only application package Flink's RPC class loader sees.
 */
public interface FlinkResourceManagerGateway extends RpcGateway {

	/** @param taskManager its index @param address its endpoint @return whether it was registered */
	CompletableFuture<Boolean> registerTaskExecutor(int taskManager, String address);

	/** @param taskManager the requesting TaskManager @param slot the slot @return whether it was granted */
	CompletableFuture<Boolean> requestSlot(int taskManager, int slot);

	/**
	 * @param taskManager the TaskManager @param previousRoundTripNanos its previous heartbeat's round trip, or -1
	 * @return whether it is registered
	 */
	CompletableFuture<Boolean> sendHeartbeat(int taskManager, long previousRoundTripNanos);

}
