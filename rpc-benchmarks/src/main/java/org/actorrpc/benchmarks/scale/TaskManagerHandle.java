package org.actorrpc.benchmarks.scale;

import java.util.concurrent.CompletableFuture;

/**
 * What the JobMaster sends to one TaskManager, whichever RPC system carries it: that peer's gateway behind a
 * neutral face. Called on the JobMaster's main thread; futures complete on RPC threads.
 */
public interface TaskManagerHandle {

	/**
	 * Deploys one task into one of the TaskManager's slots.
	 * @param task the task's index on that TaskManager
	 * @return whether the TaskManager accepted it
	 */
	CompletableFuture<Boolean> submitTask(int task);

	/**
	 * Triggers a checkpoint on every task of the TaskManager; each acknowledges it to the JobMaster.
	 * @param checkpointId the checkpoint
	 * @param timestampMillis when it was triggered
	 * @return whether the TaskManager accepted the trigger (not the checkpoint's completion)
	 */
	CompletableFuture<Boolean> triggerCheckpoint(long checkpointId, long timestampMillis);

	/**
	 * The JobMaster's heartbeat (fire-and-forget, as Flink's {@code heartbeatFromJobManager}); the TaskManager
	 * answers with {@link JobMasterHandle#heartbeatFromTaskManager}.
	 * @param requestNanos the JobMaster's {@code System.nanoTime()} when it sent it, echoed in the answer
	 */
	void heartbeatFromJobManager(long requestNanos);

}
