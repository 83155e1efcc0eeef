package org.actorrpc.demo.jobmaster.web;

import org.actorrpc.demo.api.JobSubmission;

/**
 * Body of {@code POST /jobs}. Missing numbers take defaults; the ranges are checked by
 * {@link JobSubmission}. Immutable.
 *
 * @param name job name (required)
 * @param parallelism number of subtasks, default {@value #DEFAULT_PARALLELISM}
 * @param taskDurationMs simulated work per subtask in milliseconds, default
 * {@value #DEFAULT_TASK_DURATION_MS}
 */
public record JobSubmissionRequest(String name, Integer parallelism, Long taskDurationMs) {

	/** Parallelism when the request has none. */
	public static final int DEFAULT_PARALLELISM = 4;

	/** Task duration when the request has none. */
	public static final long DEFAULT_TASK_DURATION_MS = 20_000;

	/**
	 * Converts to a validated submission.
	 * @return the submission
	 * @throws IllegalArgumentException naming the invalid field
	 */
	public JobSubmission toSubmission() {
		return new JobSubmission(this.name, (this.parallelism != null) ? this.parallelism : DEFAULT_PARALLELISM,
				(this.taskDurationMs != null) ? this.taskDurationMs : DEFAULT_TASK_DURATION_MS);
	}

}
