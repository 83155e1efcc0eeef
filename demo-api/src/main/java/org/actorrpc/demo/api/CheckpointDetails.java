package org.actorrpc.demo.api;

/**
 * One checkpoint of a job.
 *
 * @param checkpointId the checkpoint id, increasing from 1 per job
 * @param status its status
 * @param triggeredAtMillis trigger time, epoch milliseconds
 * @param finishedAtMillis completion or abort time, epoch milliseconds; 0 while in progress
 * @param acknowledgedTasks tasks that acknowledged it
 * @param totalTasks tasks that had to acknowledge it (those running when it was triggered)
 * @param stateSizeBytes summed state size of the acknowledgements
 * @param failureCause why it was aborted, or {@code null}
 */
public record CheckpointDetails(long checkpointId, CheckpointStatus status, long triggeredAtMillis,
		long finishedAtMillis, int acknowledgedTasks, int totalTasks, long stateSizeBytes, String failureCause) {

}
