package org.actorrpc.demo.api;

/**
 * What a task reports when it acknowledges a checkpoint: the (simulated) state it snapshotted.
 *
 * @param recordsProcessed records the task had processed when it took the snapshot
 * @param stateSizeBytes size of the snapshotted state, in bytes
 */
public record TaskStateSnapshot(long recordsProcessed, long stateSizeBytes) {

}
