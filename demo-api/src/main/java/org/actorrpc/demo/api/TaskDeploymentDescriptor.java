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
 */
public record TaskDeploymentDescriptor(ExecutionAttemptId executionId, String jobName, String slotId,
		long durationMillis, LeaderId leaderId) {

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

}
