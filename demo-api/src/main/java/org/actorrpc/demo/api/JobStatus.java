package org.actorrpc.demo.api;

/**
 * Status of a job as a whole.
 */
public enum JobStatus {

	/** Accepted, no task deployed yet. */
	CREATED,
	/** Tasks are being deployed or are running. */
	RUNNING,
	/** Cancellation requested; waiting for tasks to stop. */
	CANCELLING,
	/** Every task finished. */
	FINISHED,
	/** Cancelled by a user. */
	CANCELED,
	/** Gave up (restart budget exhausted). */
	FAILED;

	/**
	 * Whether the job reached a final status.
	 * @return true for FINISHED, CANCELED and FAILED
	 */
	public boolean isGloballyTerminal() {
		return this == FINISHED || this == CANCELED || this == FAILED;
	}

}
