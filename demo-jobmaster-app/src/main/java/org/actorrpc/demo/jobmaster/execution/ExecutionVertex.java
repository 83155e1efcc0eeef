package org.actorrpc.demo.jobmaster.execution;

import org.actorrpc.demo.api.ExecutionAttemptId;
import org.actorrpc.demo.api.ExecutionState;
import org.actorrpc.demo.api.TaskDetails;
import org.actorrpc.demo.api.TaskStateSnapshot;

/**
 * One subtask of a job and its current execution attempt. Mutable, owned by its
 * {@link ExecutionGraph} and therefore confined to the JobMaster's main thread.
 */
final class ExecutionVertex {

	private final String jobId;

	private final int subtaskIndex;

	private int attemptNumber;

	private ExecutionState state = ExecutionState.CREATED;

	private String resourceId;

	private String slotId;

	private long lastStateChangeMillis;

	private String failureCause;

	private TaskStateSnapshot restoredState;

	ExecutionVertex(String jobId, int subtaskIndex, long now) {
		this.jobId = jobId;
		this.subtaskIndex = subtaskIndex;
		this.lastStateChangeMillis = now;
	}

	ExecutionAttemptId currentExecutionId() {
		return new ExecutionAttemptId(this.jobId, this.subtaskIndex, this.attemptNumber);
	}

	ExecutionState state() {
		return this.state;
	}

	String resourceId() {
		return this.resourceId;
	}

	String slotId() {
		return this.slotId;
	}

	int attemptNumber() {
		return this.attemptNumber;
	}

	void transitionTo(ExecutionState newState, long now) {
		this.state = newState;
		this.lastStateChangeMillis = now;
	}

	/** The state the next deployment resumes from (the latest completed checkpoint's), or null. */
	TaskStateSnapshot restoredState() {
		return this.restoredState;
	}

	void restoreFrom(TaskStateSnapshot state) {
		this.restoredState = state;
	}

	void assignSlot(String resourceId, String slotId) {
		this.resourceId = resourceId;
		this.slotId = slotId;
	}

	void fail(String cause, long now) {
		this.failureCause = cause;
		transitionTo(ExecutionState.FAILED, now);
	}

	/** Starts a new attempt in CREATED; keeps the previous failure cause for display. */
	void resetForNewAttempt(long now) {
		this.attemptNumber++;
		this.resourceId = null;
		this.slotId = null;
		transitionTo(ExecutionState.CREATED, now);
	}

	TaskDetails details() {
		return new TaskDetails(this.subtaskIndex, this.attemptNumber, currentExecutionId().toString(), this.state,
				this.resourceId, this.slotId, this.lastStateChangeMillis, this.failureCause);
	}

}
