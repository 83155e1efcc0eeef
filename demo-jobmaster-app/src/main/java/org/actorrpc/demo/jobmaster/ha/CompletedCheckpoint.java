package org.actorrpc.demo.jobmaster.ha;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.actorrpc.demo.api.TaskStateSnapshot;

/**
 * A completed checkpoint of a job as it is persisted for recovery: the snapshot each subtask
 * acknowledged, and the subtasks that had already finished (they are not run again). Immutable.
 *
 * @param jobId the job
 * @param checkpointId the checkpoint id
 * @param triggeredAtMillis trigger time, epoch milliseconds
 * @param completedAtMillis completion time, epoch milliseconds
 * @param subtaskStates the acknowledged snapshot per subtask index
 * @param finishedSubtasks subtasks that had finished when the checkpoint completed
 */
public record CompletedCheckpoint(String jobId, long checkpointId, long triggeredAtMillis, long completedAtMillis,
		Map<Integer, TaskStateSnapshot> subtaskStates, Set<Integer> finishedSubtasks) {

	/**
	 * Checks and copies the components.
	 */
	public CompletedCheckpoint {
		Objects.requireNonNull(jobId, "jobId");
		if (checkpointId < 1) {
			throw new IllegalArgumentException("checkpointId must be >= 1, got " + checkpointId);
		}
		subtaskStates = Map.copyOf(subtaskStates);
		finishedSubtasks = Set.copyOf(finishedSubtasks);
	}

}
