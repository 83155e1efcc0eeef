package org.actorrpc.demo.api;

import java.util.Objects;

/**
 * A state transition of a task, reported by the TaskManager running it with
 * {@link JobMasterGateway#updateTaskExecutionState}.
 *
 * @param executionId the execution attempt
 * @param resourceId the reporting TaskManager
 * @param state the new state
 * @param failureCause why the task failed, or {@code null}
 */
public record TaskExecutionState(ExecutionAttemptId executionId, String resourceId, ExecutionState state,
		String failureCause) {

	/**
	 * Checks the components.
	 * @throws NullPointerException on a missing id or state
	 */
	public TaskExecutionState {
		Objects.requireNonNull(executionId, "executionId");
		Objects.requireNonNull(resourceId, "resourceId");
		Objects.requireNonNull(state, "state");
	}

}
