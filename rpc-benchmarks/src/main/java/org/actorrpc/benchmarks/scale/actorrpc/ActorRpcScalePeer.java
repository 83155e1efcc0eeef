package org.actorrpc.benchmarks.scale.actorrpc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.actorrpc.RpcEndpointView;
import org.actorrpc.benchmarks.actorrpc.ActorRpcDriver;
import org.actorrpc.benchmarks.scale.JobMasterLogic;
import org.actorrpc.benchmarks.scale.ResourceManagerLogic;
import org.actorrpc.benchmarks.scale.ScalePeer;
import org.actorrpc.benchmarks.scale.ScaleSettings;
import org.actorrpc.benchmarks.scale.TaskManagerLogic;
import org.actorrpc.pekko.PekkoRpcService;

/**
 * The simulated cluster on actorrpc: services as the other benchmarks start them ({@code ActorRpcDriver}: defaults,
 * 127.0.0.1, any free port, call stacks off); the JobMaster's mailbox depth is its {@link RpcEndpointView}'s.
 * Stateless.
 */
public final class ActorRpcScalePeer implements ScalePeer {

	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

	@Override
	public String id() {
		return "actorrpc";
	}

	@Override
	public JobMasterSide startJobMasterSide(ScaleSettings settings) {
		PekkoRpcService service = ActorRpcDriver.startService("jobmaster");
		ActorRpcJobMasterEndpoint jobMaster = new ActorRpcJobMasterEndpoint(service, settings);
		ActorRpcResourceManagerEndpoint resourceManager = new ActorRpcResourceManagerEndpoint(service, settings);
		jobMaster.start();
		resourceManager.start();
		RpcEndpointView view = service.getEndpointViews().stream()
			.filter((candidate) -> candidate.getEndpointId().equals(ActorRpcJobMasterEndpoint.ID))
			.findFirst()
			.orElseThrow();
		return new JobMasterSide() {
			@Override
			public String jobMasterAddress() {
				return jobMaster.getAddress();
			}

			@Override
			public String resourceManagerAddress() {
				return resourceManager.getAddress();
			}

			@Override
			public <T> CompletableFuture<T> onJobMaster(Function<JobMasterLogic, T> action) {
				return jobMaster.call(action, CALL_TIMEOUT);
			}

			@Override
			public <T> CompletableFuture<T> onResourceManager(Function<ResourceManagerLogic, T> action) {
				return resourceManager.call(action, CALL_TIMEOUT);
			}

			@Override
			public int jobMasterMailboxDepth() {
				return view.getMailboxDepth();
			}

			@Override
			public void close() throws Exception {
				service.closeAsync().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
		};
	}

	@Override
	public TaskManagerHost startTaskManagerHost() {
		List<PekkoRpcService> services = new ArrayList<>();
		return new TaskManagerHost() {
			@Override
			public TaskManagerLogic start(int index, ScaleSettings settings, String jobMasterAddress,
					String resourceManagerAddress) {
				PekkoRpcService service = ActorRpcDriver.startService("taskmanager" + index);
				services.add(service);
				ActorRpcTaskManagerEndpoint endpoint = new ActorRpcTaskManagerEndpoint(service, index, settings,
						jobMasterAddress, resourceManagerAddress);
				endpoint.start();
				return endpoint.logic();
			}

			@Override
			public void close() throws Exception {
				CompletableFuture.allOf(services.stream().map(PekkoRpcService::closeAsync)
					.toArray(CompletableFuture[]::new)).get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
		};
	}

}
