package org.apache.flink.benchmark.scale;

import java.util.concurrent.CompletableFuture;

import org.apache.flink.runtime.rpc.RpcGateway;

/**
 * A simulated TaskManager as a Flink 2.3 gateway: what the JobMaster calls ({@code TaskManagerHandle}'s shape). It
 * lives under {@code org.apache.flink.}, the only application package Flink's RPC class loader sees.
 */
public interface FlinkTaskManagerGateway extends RpcGateway {

	/** @param task the task's index @return whether it was accepted */
	CompletableFuture<Boolean> submitTask(int task);

	/** @param checkpointId the checkpoint @param timestampMillis its time @return whether it was accepted */
	CompletableFuture<Boolean> triggerCheckpoint(long checkpointId, long timestampMillis);

	/** @param requestNanos the JobMaster's time, echoed in the answer */
	void heartbeatFromJobManager(long requestNanos);

}
