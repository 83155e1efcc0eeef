package org.actorrpc.demo.api;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.FencedRpcGateway;

/**
 * The ResourceManager: registers TaskManagers, keeps the slot pool, watches heartbeats. Fenced by
 * the leader session's {@link LeaderId}.
 */
public interface ResourceManagerGateway extends FencedRpcGateway<LeaderId> {

	/**
	 * Registers a TaskManager. A TaskManager registering again under the same resource id replaces
	 * its previous registration (whose slots and tasks are dropped).
	 * @param registration the TaskManager
	 * @return the registration result
	 */
	CompletableFuture<RegistrationResponse> registerTaskExecutor(TaskExecutorRegistration registration);

	/**
	 * A registered TaskManager asks for one of its slots to be taken into the slot pool, where the
	 * JobMaster can allocate it.
	 * @param offer the slot
	 * @return acknowledged; fails when the registration is unknown or stale
	 */
	CompletableFuture<Acknowledge> requestSlot(SlotOffer offer);

	/**
	 * A TaskManager's periodic heartbeat.
	 * @param heartbeat the heartbeat
	 * @return whether the registration is known; {@link HeartbeatResponse#UNKNOWN_TASK_EXECUTOR}
	 * asks the TaskManager to register again
	 */
	CompletableFuture<HeartbeatResponse> sendHeartbeat(HeartbeatPayload heartbeat);

	/**
	 * The JobMaster allocates a free slot for an execution.
	 * @param executionId the execution
	 * @return the slot; fails when no slot is free
	 */
	CompletableFuture<SlotAssignment> allocateSlot(ExecutionAttemptId executionId);

	/**
	 * The JobMaster gives a slot back.
	 * @param slotId the slot
	 * @param executionId the execution that used it (a release by an older execution is ignored)
	 */
	void releaseSlot(String slotId, ExecutionAttemptId executionId);

	/**
	 * Lists the TaskManagers, registered and lost.
	 * @return the TaskManagers, by resource id
	 */
	CompletableFuture<List<TaskManagerInfo>> requestTaskManagers();

}
