package org.actorrpc.benchmarks.scale.actorrpc;

import java.util.concurrent.CompletableFuture;

import org.actorrpc.benchmarks.scale.JobMasterHandle;
import org.actorrpc.benchmarks.scale.ResourceManagerHandle;
import org.actorrpc.benchmarks.scale.TaskManagerHandle;

/**
 * actorrpc's gateways behind the simulation's neutral handles: one call each, nothing added. Stateless.
 */
final class ActorRpcHandles {

	private ActorRpcHandles() {
	}

	record JobMaster(ActorRpcJobMasterGateway gateway) implements JobMasterHandle {

		@Override
		public CompletableFuture<Boolean> registerTaskManager(int taskManager, String address) {
			return this.gateway.registerTaskManager(taskManager, address);
		}

		@Override
		public CompletableFuture<Boolean> offerSlots(int taskManager, int slots) {
			return this.gateway.offerSlots(taskManager, slots);
		}

		@Override
		public CompletableFuture<Boolean> updateTaskExecutionState(int taskManager, int task, int state) {
			return this.gateway.updateTaskExecutionState(taskManager, task, state);
		}

		@Override
		public void acknowledgeCheckpoint(int taskManager, int task, long checkpointId) {
			this.gateway.acknowledgeCheckpoint(taskManager, task, checkpointId);
		}

		@Override
		public void heartbeatFromTaskManager(int taskManager, long requestNanos) {
			this.gateway.heartbeatFromTaskManager(taskManager, requestNanos);
		}

	}

	record ResourceManager(ActorRpcResourceManagerGateway gateway) implements ResourceManagerHandle {

		@Override
		public CompletableFuture<Boolean> registerTaskExecutor(int taskManager, String address) {
			return this.gateway.registerTaskExecutor(taskManager, address);
		}

		@Override
		public CompletableFuture<Boolean> requestSlot(int taskManager, int slot) {
			return this.gateway.requestSlot(taskManager, slot);
		}

		@Override
		public CompletableFuture<Boolean> sendHeartbeat(int taskManager, long previousRoundTripNanos) {
			return this.gateway.sendHeartbeat(taskManager, previousRoundTripNanos);
		}

	}

	record TaskManager(ActorRpcTaskManagerGateway gateway) implements TaskManagerHandle {

		@Override
		public CompletableFuture<Boolean> submitTask(int task) {
			return this.gateway.submitTask(task);
		}

		@Override
		public CompletableFuture<Boolean> triggerCheckpoint(long checkpointId, long timestampMillis) {
			return this.gateway.triggerCheckpoint(checkpointId, timestampMillis);
		}

		@Override
		public void heartbeatFromJobManager(long requestNanos) {
			this.gateway.heartbeatFromJobManager(requestNanos);
		}

	}

}
