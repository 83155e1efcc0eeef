package org.actorrpc.benchmarks.scale.actorrpc;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcService;
import org.actorrpc.benchmarks.scale.JobMasterLogic;
import org.actorrpc.benchmarks.scale.MainThread;
import org.actorrpc.benchmarks.scale.ScaleSettings;

/**
 * The simulated JobMaster on actorrpc: every call goes to its {@link JobMasterLogic} on the main thread; a
 * registering TaskManager is connected to first.
 */
public final class ActorRpcJobMasterEndpoint extends RpcEndpoint implements ActorRpcJobMasterGateway {

	/** The endpoint id. */
	static final String ID = "jobmaster";

	private final JobMasterLogic logic;

	ActorRpcJobMasterEndpoint(RpcService rpcService, ScaleSettings settings) {
		super(rpcService, ID);
		this.logic = new JobMasterLogic(settings, MainThread.of(getMainThreadExecutor(), this::scheduleRunAsync));
	}

	@Override
	protected void onStart() {
		this.logic.start();
	}

	<T> CompletableFuture<T> call(Function<JobMasterLogic, T> action, Duration timeout) {
		return callAsync(() -> action.apply(this.logic), timeout);
	}

	@Override
	public CompletableFuture<Boolean> registerTaskManager(int taskManager, String address) {
		return getRpcService().connect(address, ActorRpcTaskManagerGateway.class)
			.thenApplyAsync((gateway) -> this.logic.registerTaskManager(taskManager,
					new ActorRpcHandles.TaskManager(gateway)), getMainThreadExecutor());
	}

	@Override
	public CompletableFuture<Boolean> offerSlots(int taskManager, int slots) {
		return CompletableFuture.completedFuture(this.logic.offerSlots(taskManager, slots));
	}

	@Override
	public CompletableFuture<Boolean> updateTaskExecutionState(int taskManager, int task, int state) {
		return CompletableFuture.completedFuture(this.logic.updateTaskExecutionState(taskManager, task, state));
	}

	@Override
	public void acknowledgeCheckpoint(int taskManager, int task, long checkpointId) {
		this.logic.acknowledgeCheckpoint(taskManager, task, checkpointId);
	}

	@Override
	public void heartbeatFromTaskManager(int taskManager, long requestNanos) {
		this.logic.heartbeatFromTaskManager(taskManager, requestNanos);
	}

}
