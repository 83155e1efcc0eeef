package org.actorrpc.demo.api;

import java.util.Objects;

/**
 * What a TaskManager needs to run one task: sent by the JobMaster with
 * {@link TaskExecutorGateway#submitTask}.
 *
 * @param executionId the execution attempt
 * @param jobName the job's name, for logs
 * @param slotId the slot the ResourceManager assigned, {@code <resourceId>/<slotIndex>}
 * @param durationMillis how long the simulated work runs, in milliseconds
 * @param leaderId the leader session of the JobMaster that deploys the task; a TaskManager
 * registered under another session refuses it
 * @param restoredState the subtask's state in the checkpoint the job was restored from, from which
 * the task resumes; {@code null} for a fresh start
 */
public record TaskDeploymentDescriptor(ExecutionAttemptId executionId, String jobName, String slotId,
		long durationMillis, LeaderId leaderId, TaskStateSnapshot restoredState) {

	/**
	 * Checks the components.
	 * @throws IllegalArgumentException on a non-positive duration
	 */
	public TaskDeploymentDescriptor {
		Objects.requireNonNull(executionId, "executionId");
		Objects.requireNonNull(slotId, "slotId");
		Objects.requireNonNull(leaderId, "leaderId");
		if (durationMillis <= 0) {
			throw new IllegalArgumentException("durationMillis must be > 0, got " + durationMillis);
		}
	}

	/**
	 * Creates the descriptor of a task that starts from scratch.
	 * @param executionId the execution attempt
	 * @param jobName the job's name
	 * @param slotId the slot
	 * @param durationMillis the simulated work
	 * @param leaderId the deploying leader session
	 */
	public TaskDeploymentDescriptor(ExecutionAttemptId executionId, String jobName, String slotId, long durationMillis,
			LeaderId leaderId) {
		this(executionId, jobName, slotId, durationMillis, leaderId, null);
	}

}
