package org.actorrpc.demo.jobmaster.ha;

import java.util.Objects;

import org.actorrpc.demo.api.JobGraph;

/**
 * A job found in the {@link JobStore} by a new leader: its graph and the last completed checkpoint
 * it restores from. Immutable.
 *
 * @param jobGraph the job as submitted
 * @param latestCheckpoint the last completed checkpoint, or {@code null} when none completed
 */
public record RecoveredJob(JobGraph jobGraph, CompletedCheckpoint latestCheckpoint) {

	/**
	 * Checks the graph.
	 */
	public RecoveredJob {
		Objects.requireNonNull(jobGraph, "jobGraph");
	}

}
