package org.apache.flink.benchmark.scale;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.IntSupplier;

import org.apache.flink.runtime.rpc.RpcEndpoint;
import org.apache.flink.runtime.rpc.RpcService;

import org.actorrpc.benchmarks.scale.JobMasterLogic;
import org.actorrpc.benchmarks.scale.MainThread;
import org.actorrpc.benchmarks.scale.ScaleSettings;

/**
 * The simulated JobMaster on Flink 2.3's RPC: every call goes to its {@link JobMasterLogic} on the main thread; a
 * registering TaskManager is connected to first.
 */
public final class FlinkJobMasterEndpoint extends RpcEndpoint implements FlinkJobMasterGateway {

	/** The endpoint id. */
	static final String ID = "jobmaster";

	private final JobMasterLogic logic;

	FlinkJobMasterEndpoint(RpcService rpcService, ScaleSettings settings) {
		super(rpcService, ID);
		this.logic = new JobMasterLogic(settings, MainThread.of(getMainThreadExecutor(), this::scheduleRunAsync));
	}

	@Override
	protected void onStart() {
		this.logic.start();
	}

	/** @return reads the depth of this endpoint's actor mailbox */
	IntSupplier mailboxDepth() {
		return new FlinkMailboxDepth(this.rpcServer);
	}

	<T> CompletableFuture<T> call(Function<JobMasterLogic, T> action, Duration timeout) {
		return callAsync(() -> action.apply(this.logic), timeout);
	}

	@Override
	public CompletableFuture<Boolean> registerTaskManager(int taskManager, String address) {
		return getRpcService().connect(address, FlinkTaskManagerGateway.class)
			.thenApplyAsync((gateway) -> this.logic.registerTaskManager(taskManager,
					new FlinkHandles.TaskManager(gateway)), getMainThreadExecutor());
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
