package org.apache.flink.benchmark.scale;

import java.util.concurrent.CompletableFuture;

import org.apache.flink.runtime.rpc.RpcEndpoint;
import org.apache.flink.runtime.rpc.RpcService;

import org.actorrpc.benchmarks.scale.MainThread;
import org.actorrpc.benchmarks.scale.ScaleSettings;
import org.actorrpc.benchmarks.scale.TaskManagerLogic;

/**
 * A simulated TaskManager on Flink 2.3's RPC: on start it connects to the JobMaster and the ResourceManager and hands
 * both to its {@link TaskManagerLogic}, which registers and deploys; every call goes to that logic on the main
 * thread.
 */
public final class FlinkTaskManagerEndpoint extends RpcEndpoint implements FlinkTaskManagerGateway {

	private final TaskManagerLogic logic;

	private final String jobMasterAddress;

	private final String resourceManagerAddress;

	FlinkTaskManagerEndpoint(RpcService rpcService, int index, ScaleSettings settings, String jobMasterAddress,
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
				() -> getRpcService().connect(this.jobMasterAddress, FlinkJobMasterGateway.class)
					.thenApply(FlinkHandles.JobMaster::new),
				() -> getRpcService().connect(this.resourceManagerAddress, FlinkResourceManagerGateway.class)
					.thenApply(FlinkHandles.ResourceManager::new));
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
