package org.actorrpc.benchmarks.scale.actorrpc;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcService;
import org.actorrpc.benchmarks.scale.ResourceManagerLogic;
import org.actorrpc.benchmarks.scale.ScaleSettings;

/**
 * The simulated ResourceManager on actorrpc: every call goes to its {@link ResourceManagerLogic} on the main
 * thread.
 */
public final class ActorRpcResourceManagerEndpoint extends RpcEndpoint implements ActorRpcResourceManagerGateway {

	/** The endpoint id. */
	static final String ID = "resourcemanager";

	private final ResourceManagerLogic logic;

	ActorRpcResourceManagerEndpoint(RpcService rpcService, ScaleSettings settings) {
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
