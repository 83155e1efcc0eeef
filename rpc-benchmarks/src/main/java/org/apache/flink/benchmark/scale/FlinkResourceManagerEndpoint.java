package org.apache.flink.benchmark.scale;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.apache.flink.runtime.rpc.RpcEndpoint;
import org.apache.flink.runtime.rpc.RpcService;

import org.actorrpc.benchmarks.scale.ResourceManagerLogic;
import org.actorrpc.benchmarks.scale.ScaleSettings;

/**
 * The simulated ResourceManager on Flink 2.3's RPC: every call goes to its {@link ResourceManagerLogic} on the main
 * thread.
 */
public final class FlinkResourceManagerEndpoint extends RpcEndpoint implements FlinkResourceManagerGateway {

	/** The endpoint id. */
	static final String ID = "resourcemanager";

	private final ResourceManagerLogic logic;

	FlinkResourceManagerEndpoint(RpcService rpcService, ScaleSettings settings) {
		super(rpcService, ID);
		this.logic = new ResourceManagerLogic(settings);
	}

	<T> CompletableFuture<T> call(Function<ResourceManagerLogic, T> action, Duration timeout) {
		return callAsync(() -> action.apply(this.logic), timeout);
	}

	@Override
	public CompletableFuture<Boolean> registerTaskExecutor(int taskManager, String address) {
		return CompletableFuture.completedFuture(this.logic.registerTaskExecutor(taskManager, address));
	}

	@Override
	public CompletableFuture<Boolean> requestSlot(int taskManager, int slot) {
		return CompletableFuture.completedFuture(this.logic.requestSlot(taskManager, slot));
	}

	@Override
	public CompletableFuture<Boolean> sendHeartbeat(int taskManager, long previousRoundTripNanos) {
		return CompletableFuture.completedFuture(this.logic.sendHeartbeat(taskManager, previousRoundTripNanos));
	}

}
