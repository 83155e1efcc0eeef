package org.actorrpc.demo.api;

/**
 * The current execution attempt of one subtask.
 *
 * @param subtaskIndex the subtask, 0-based
 * @param attemptNumber the current attempt, 0-based
 * @param executionId id of the current attempt
 * @param state its state
 * @param resourceId the TaskManager it was deployed to, or {@code null} while waiting for a slot
 * @param slotId the slot, or {@code null}
 * @param lastStateChangeMillis when it entered its state, epoch milliseconds
 * @param failureCause why the previous attempt failed (or this one, when FAILED), or {@code null}
 */
public record TaskDetails(int subtaskIndex, int attemptNumber, String executionId, ExecutionState state,
		String resourceId, String slotId, long lastStateChangeMillis, String failureCause) {

}
