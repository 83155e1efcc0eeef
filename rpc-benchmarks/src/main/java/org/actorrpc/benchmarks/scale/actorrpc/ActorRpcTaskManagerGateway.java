package org.actorrpc.benchmarks.scale.actorrpc;

import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcGateway;

/**
 * A simulated TaskManager as an actorrpc gateway: what the JobMaster calls ({@code TaskManagerHandle}'s shape).
 */
public interface ActorRpcTaskManagerGateway extends RpcGateway {

	/** @param task the task's index @return whether it was accepted */
	CompletableFuture<Boolean> submitTask(int task);

	/** @param checkpointId the checkpoint @param timestampMillis its time @return whether it was accepted */
	CompletableFuture<Boolean> triggerCheckpoint(long checkpointId, long timestampMillis);

	/** @param requestNanos the JobMaster's time, echoed in the answer */
	void heartbeatFromJobManager(long requestNanos);

}
