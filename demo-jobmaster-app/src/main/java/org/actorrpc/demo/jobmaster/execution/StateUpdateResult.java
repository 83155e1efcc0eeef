package org.actorrpc.demo.jobmaster.execution;

/**
 * What {@link ExecutionGraph#updateState} did with a reported transition.
 */
public enum StateUpdateResult {

	/** The transition was applied. */
	APPLIED,
	/** The transition was applied and the attempt failed: a new attempt waits for a slot. */
	APPLIED_AND_RESTARTING,
	/**
	 * The report concerns an attempt that is no longer current (an older attempt, an unknown
	 * subtask, or a task that already reached a terminal state): ignored. Normal after a failover.
	 */
	IGNORED

}
