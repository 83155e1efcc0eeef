package org.actorrpc.benchmarks.scale;

import java.util.concurrent.CompletableFuture;

/**
 * What a TaskManager sends to the JobMaster, whichever RPC system carries it. Called on the TaskManager's main
 * thread; futures complete on RPC threads.
 */
public interface JobMasterHandle {

	/**
	 * @param taskManager the TaskManager's index
	 * @param address its TaskManager endpoint's address, which the JobMaster connects to
	 * @return whether it was registered
	 */
	CompletableFuture<Boolean> registerTaskManager(int taskManager, String address);

	/**
	 * Offers the TaskManager's slots; the JobMaster answers, then submits one task per slot.
	 * @param taskManager the TaskManager
	 * @param slots slots offered
	 * @return whether the offer was accepted
	 */
	CompletableFuture<Boolean> offerSlots(int taskManager, int slots);

	/**
	 * @param taskManager the task's TaskManager
	 * @param task the task
	 * @param state its new state, one of {@link TaskStates}
	 * @return whether the update was accepted
	 */
	CompletableFuture<Boolean> updateTaskExecutionState(int taskManager, int task, int state);

	/**
	 * A task's acknowledgement of a checkpoint (fire-and-forget, as Flink's).
	 * @param taskManager the task's TaskManager
	 * @param task the task
	 * @param checkpointId the checkpoint
	 */
	void acknowledgeCheckpoint(int taskManager, int task, long checkpointId);

	/**
	 * The answer to {@link TaskManagerHandle#heartbeatFromJobManager} (fire-and-forget).
	 * @param taskManager the answering TaskManager
	 * @param requestNanos the request's time, echoed
	 */
	void heartbeatFromTaskManager(int taskManager, long requestNanos);

}
