package org.actorrpc.benchmarks.scale;

/**
 * The task states a TaskManager reports as it deploys a task. The gateways carry them as {@code int}s, primitives
 * only, so that both peers serialize the same bytes' worth (Flink's RPC class loader sees no application types
 * outside {@code org.apache.flink.}).
 */
public final class TaskStates {

	/** Initializing its state. */
	public static final int INITIALIZING = 1;

	/** Running. */
	public static final int RUNNING = 2;

	private TaskStates() {
	}

}
