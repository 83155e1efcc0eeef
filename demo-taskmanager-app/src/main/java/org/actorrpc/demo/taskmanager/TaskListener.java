package org.actorrpc.demo.taskmanager;

import org.actorrpc.demo.api.ExecutionState;
import org.actorrpc.demo.api.TaskStateSnapshot;

/**
 * What a {@link SimulatedTask} tells about itself, from its worker thread. The TaskExecutor
 * implements it by handing state changes over to its main thread and by acknowledging
 * checkpoints to the JobMaster directly (gateways are thread-safe). Implementations must be
 * thread-safe: every worker thread calls them.
 */
interface TaskListener {

	/**
	 * The task's work started (called on the worker thread).
	 * @param task the task
	 */
	void running(SimulatedTask task);

	/**
	 * The task took the snapshot of a checkpoint (called on the worker thread).
	 * @param task the task
	 * @param checkpointId the checkpoint
	 * @param snapshot the snapshot
	 */
	void checkpointTaken(SimulatedTask task, long checkpointId, TaskStateSnapshot snapshot);

	/**
	 * The task's work ended (called on the worker thread, once).
	 * @param task the task
	 * @param finalState FINISHED, CANCELED or FAILED
	 * @param failureCause why it failed, or {@code null}
	 */
	void ended(SimulatedTask task, ExecutionState finalState, String failureCause);

}
