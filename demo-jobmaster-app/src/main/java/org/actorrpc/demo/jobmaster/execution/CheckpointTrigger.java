package org.actorrpc.demo.jobmaster.execution;

import java.util.List;

/**
 * Sends a checkpoint's trigger to the tasks that must acknowledge it; the JobMaster implements it
 * by calling {@code triggerCheckpoint} on each task's TaskManager.
 */
@FunctionalInterface
public interface CheckpointTrigger {

	/**
	 * Sends the trigger.
	 * @param checkpointId the checkpoint
	 * @param timestampMillis trigger time, epoch milliseconds
	 * @param tasks the running tasks that must acknowledge it
	 */
	void trigger(long checkpointId, long timestampMillis, List<DeployedExecution> tasks);

}
