package org.actorrpc.demo.api;

/**
 * State of one execution attempt of a task. Regular path: CREATED → SCHEDULED → DEPLOYING →
 * RUNNING → FINISHED; FAILED and CANCELED are the other terminal states.
 */
public enum ExecutionState {

	/** Created, waiting for a slot. */
	CREATED,
	/** A slot was requested from the ResourceManager. */
	SCHEDULED,
	/** Submitted to a TaskManager, not running yet. */
	DEPLOYING,
	/** Running on a TaskManager worker thread. */
	RUNNING,
	/** Completed its work. */
	FINISHED,
	/** Cancellation was requested. */
	CANCELING,
	/** Cancelled. */
	CANCELED,
	/** Failed (task error or its TaskManager was lost). */
	FAILED;

	/**
	 * Whether no further transition can happen.
	 * @return true for FINISHED, CANCELED and FAILED
	 */
	public boolean isTerminal() {
		return this == FINISHED || this == CANCELED || this == FAILED;
	}

}
