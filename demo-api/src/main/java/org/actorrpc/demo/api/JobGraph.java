package org.actorrpc.demo.api;

import java.util.Objects;

/**
 * A submitted job as the Dispatcher hands it to the JobMaster ({@link JobMasterGateway#startJob}).
 *
 * @param jobId the job id assigned by the Dispatcher
 * @param submission what was submitted
 * @param submittedAtMillis submission time, epoch milliseconds
 */
public record JobGraph(String jobId, JobSubmission submission, long submittedAtMillis) {

	/**
	 * Checks the components.
	 * @throws NullPointerException on a missing component
	 */
	public JobGraph {
		Objects.requireNonNull(jobId, "jobId");
		Objects.requireNonNull(submission, "submission");
	}

}
