package org.actorrpc.benchmarks.scale.actorrpc;

import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcGateway;

/**
 * The simulated ResourceManager as an actorrpc gateway ({@code ResourceManagerHandle}'s shape).
 */
public interface ActorRpcResourceManagerGateway extends RpcGateway {

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
