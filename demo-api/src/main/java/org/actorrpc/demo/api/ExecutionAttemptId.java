package org.actorrpc.demo.api;

import java.util.Objects;

/**
 * Identifies one execution attempt of one subtask of a job. Readable on purpose
 * ({@code <jobId>/<subtask>#<attempt>}): it appears in logs and on the dashboard.
 *
 * @param jobId the job
 * @param subtaskIndex index of the subtask, 0-based
 * @param attemptNumber attempt number, 0 for the first deployment, incremented on each redeployment
 */
public record ExecutionAttemptId(String jobId, int subtaskIndex, int attemptNumber) {

	/**
	 * Checks the components.
	 * @throws IllegalArgumentException on a negative index or attempt
	 */
	public ExecutionAttemptId {
		Objects.requireNonNull(jobId, "jobId");
		if (subtaskIndex < 0 || attemptNumber < 0) {
			throw new IllegalArgumentException("subtaskIndex and attemptNumber must be >= 0, got " + subtaskIndex
					+ " and " + attemptNumber);
		}
	}

	@Override
	public String toString() {
		return this.jobId + "/" + this.subtaskIndex + "#" + this.attemptNumber;
	}

}
