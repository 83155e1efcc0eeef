package org.actorrpc.benchmarks.scale;

import java.util.concurrent.CompletableFuture;

/**
 * What a TaskManager sends to the ResourceManager, whichever RPC system carries it. Called on the TaskManager's
 * main thread; futures complete on RPC threads.
 */
public interface ResourceManagerHandle {

	/**
	 * @param taskManager the TaskManager's index
	 * @param address its TaskManager endpoint's address
	 * @return whether it was registered
	 */
	CompletableFuture<Boolean> registerTaskExecutor(int taskManager, String address);

	/**
	 * @param taskManager the requesting TaskManager
	 * @param slot the slot it asks for
	 * @return whether the slot was granted
	 */
	CompletableFuture<Boolean> requestSlot(int taskManager, int slot);

	/**
	 * A TaskManager's heartbeat; it measures the round trip of each and reports it with the next.
	 * @param taskManager the TaskManager
	 * @param previousRoundTripNanos the round trip of its previous heartbeat, or -1 for the first
	 * @return whether the ResourceManager knows the TaskManager
	 */
	CompletableFuture<Boolean> sendHeartbeat(int taskManager, long previousRoundTripNanos);

}
