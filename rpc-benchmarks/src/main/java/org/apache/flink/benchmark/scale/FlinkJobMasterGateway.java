package org.apache.flink.benchmark.scale;

import java.util.concurrent.CompletableFuture;

import org.apache.flink.runtime.rpc.RpcGateway;

/**
 * The simulated JobMaster as a Flink 2.3 gateway: what TaskManagers call ({@code JobMasterHandle}'s shape). It lives
 * under {@code org.apache.flink.}, the only application package Flink's RPC class loader sees.
 */
public interface FlinkJobMasterGateway extends RpcGateway {

	/** @param taskManager its index @param address its endpoint @return whether it was registered */
	CompletableFuture<Boolean> registerTaskManager(int taskManager, String address);

	/** @param taskManager the TaskManager @param slots slots offered @return whether they were accepted */
	CompletableFuture<Boolean> offerSlots(int taskManager, int slots);

	/**
	 * @param taskManager the task's TaskManager @param task the task @param state its new state
	 * @return whether the update was accepted
	 */
	CompletableFuture<Boolean> updateTaskExecutionState(int taskManager, int task, int state);

	/** @param taskManager the task's TaskManager @param task the task @param checkpointId the checkpoint */
	void acknowledgeCheckpoint(int taskManager, int task, long checkpointId);

	/** @param taskManager the answering TaskManager @param requestNanos the request's time, echoed */
	void heartbeatFromTaskManager(int taskManager, long requestNanos);

}
