package org.actorrpc.demo.api;

import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcGateway;

/**
 * The TaskManager's TaskExecutor endpoint: runs tasks in its slots, on its own worker threads.
 */
public interface TaskExecutorGateway extends RpcGateway {

	/**
	 * Deploys a task into a slot.
	 * @param deployment the task
	 * @return acknowledged once the task was handed to a worker thread; fails when the slot is busy
	 * or the deployment comes from another leader session
	 */
	CompletableFuture<Acknowledge> submitTask(TaskDeploymentDescriptor deployment);

	/**
	 * Asks a running task to take a snapshot; it acknowledges with
	 * {@link JobMasterGateway#acknowledgeCheckpoint} once done.
	 * @param executionId the task
	 * @param checkpointId the checkpoint
	 * @param timestampMillis trigger time, epoch milliseconds
	 * @return acknowledged once the request reached the task; fails when the task is not running
	 */
	CompletableFuture<Acknowledge> triggerCheckpoint(ExecutionAttemptId executionId, long checkpointId,
			long timestampMillis);

	/**
	 * Cancels a task; it reports CANCELED once its worker stopped.
	 * @param executionId the task
	 * @return acknowledged (also when the task already ended)
	 */
	CompletableFuture<Acknowledge> cancelTask(ExecutionAttemptId executionId);

}
