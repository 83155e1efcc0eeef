package org.actorrpc.demo.api;

/**
 * Status of one checkpoint.
 */
public enum CheckpointStatus {

	/** Triggered; waiting for acknowledgements. */
	IN_PROGRESS,
	/** Every task that was running when it was triggered acknowledged it. */
	COMPLETED,
	/** A task failed or was cancelled before acknowledging, or the checkpoint timed out. */
	ABORTED

}
