package org.actorrpc.benchmarks.scale.actorrpc;

import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcService;
import org.actorrpc.benchmarks.scale.MainThread;
import org.actorrpc.benchmarks.scale.ScaleSettings;
import org.actorrpc.benchmarks.scale.TaskManagerLogic;

/**
 * A simulated TaskManager on actorrpc: on start it connects to the JobMaster and the ResourceManager and hands
 * both to its {@link TaskManagerLogic}, which registers and deploys; every call goes to that logic on the main
 * thread.
 */
public final class ActorRpcTaskManagerEndpoint extends RpcEndpoint implements ActorRpcTaskManagerGateway {

	private final TaskManagerLogic logic;

	private final String jobMasterAddress;

	private final String resourceManagerAddress;

	ActorRpcTaskManagerEndpoint(RpcService rpcService, int index, ScaleSettings settings, String jobMasterAddress,
			String resourceManagerAddress) {
		super(rpcService, "taskmanager");
		this.logic = new TaskManagerLogic(index, settings,
				MainThread.of(getMainThreadExecutor(), this::scheduleRunAsync), getAddress());
		this.jobMasterAddress = jobMasterAddress;
		this.resourceManagerAddress = resourceManagerAddress;
	}

	TaskManagerLogic logic() {
		return this.logic;
	}

	@Override
	protected void onStart() {
		this.logic.connect(
				() -> getRpcService().connect(this.jobMasterAddress, ActorRpcJobMasterGateway.class)
					.thenApply(ActorRpcHandles.JobMaster::new),
				() -> getRpcService().connect(this.resourceManagerAddress, ActorRpcResourceManagerGateway.class)
					.thenApply(ActorRpcHandles.ResourceManager::new));
	}

	@Override
	public CompletableFuture<Boolean> submitTask(int task) {
		return CompletableFuture.completedFuture(this.logic.submitTask(task));
	}

	@Override
	public CompletableFuture<Boolean> triggerCheckpoint(long checkpointId, long timestampMillis) {
		return CompletableFuture.completedFuture(this.logic.triggerCheckpoint(checkpointId, timestampMillis));
	}

	@Override
	public void heartbeatFromJobManager(long requestNanos) {
		this.logic.heartbeatFromJobManager(requestNanos);
	}

}
