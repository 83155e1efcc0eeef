package org.actorrpc.demo.jobmaster.execution;

import org.actorrpc.demo.api.ExecutionAttemptId;

/**
 * An execution attempt that was assigned a slot on a TaskManager: what the JobMaster needs to
 * reach it (to cancel it, trigger a checkpoint, or release its slot).
 *
 * @param executionId the execution attempt
 * @param resourceId the TaskManager
 * @param slotId the slot
 */
public record DeployedExecution(ExecutionAttemptId executionId, String resourceId, String slotId) {

}
