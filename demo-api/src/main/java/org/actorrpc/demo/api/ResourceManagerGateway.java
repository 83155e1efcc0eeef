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
	 * A TaskManager that stops gracefully says it leaves (Flink's {@code disconnectTaskManager}):
	 * its slots leave the pool and the JobMaster redeploys its tasks at once instead of waiting for
	 * the heartbeat timeout. A disconnect for a registration that is not the current one (a newer
	 * registration of the same resource id, or one already declared lost) changes nothing.
	 * @param resourceId the TaskManager
	 * @param registrationId the registration it leaves
	 * @param cause why it leaves, shown as the failure cause of its tasks
	 * @return acknowledged once its slots left the pool and the JobMaster was told (or the
	 * registration was not current)
	 */
	CompletableFuture<Acknowledge> disconnectTaskManager(String resourceId, String registrationId, String cause);

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
