package org.actorrpc.demo.api;

import java.util.concurrent.CompletableFuture;

import org.actorrpc.FencedRpcGateway;

/**
 * The JobMaster: owns the ExecutionGraph of every job, deploys tasks and coordinates checkpoints.
 * Fenced by the leader session's {@link LeaderId}.
 */
public interface JobMasterGateway extends FencedRpcGateway<LeaderId> {

	/**
	 * A TaskManager reports a state transition of one of its tasks.
	 * @param state the transition
	 * @return acknowledged, or failed if the task is unknown
	 */
	CompletableFuture<Acknowledge> updateTaskExecutionState(TaskExecutionState state);

	/**
	 * A task acknowledges a checkpoint (fire-and-forget, as in Flink).
	 * @param executionId the acknowledging execution attempt
	 * @param checkpointId the checkpoint
	 * @param snapshot the task's snapshot
	 */
	void acknowledgeCheckpoint(ExecutionAttemptId executionId, long checkpointId, TaskStateSnapshot snapshot);

	/**
	 * Returns the status of a job.
	 * @param jobId the job id
	 * @return the status; fails with {@link UnknownJobException}
	 */
	CompletableFuture<JobStatus> requestJobStatus(String jobId);

	/**
	 * Returns the details of a job: tasks and checkpoints.
	 * @param jobId the job id
	 * @return the details; fails with {@link UnknownJobException}
	 */
	CompletableFuture<JobDetails> requestJobDetails(String jobId);

	/**
	 * Starts executing a job handed over by the Dispatcher.
	 * @param jobGraph the job
	 * @return acknowledged once its ExecutionGraph exists
	 */
	CompletableFuture<Acknowledge> startJob(JobGraph jobGraph);

	/**
	 * Cancels a job: every task not finished yet is cancelled on its TaskManager.
	 * @param jobId the job id
	 * @return acknowledged once cancellation started; fails with {@link UnknownJobException}
	 */
	CompletableFuture<Acknowledge> cancelJob(String jobId);

	/**
	 * The ResourceManager tells that a TaskManager is gone: its tasks are failed and redeployed.
	 * @param resourceId the TaskManager
	 * @param cause why it is gone
	 */
	void disconnectTaskManager(String resourceId, String cause);

}
