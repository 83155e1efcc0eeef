package org.apache.flink.benchmark.scale;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntSupplier;

import org.apache.flink.benchmark.actorrpc.FlinkDriver;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.rpc.RpcService;
import org.apache.flink.runtime.rpc.RpcSystem;

import org.actorrpc.benchmarks.scale.JobMasterLogic;
import org.actorrpc.benchmarks.scale.ResourceManagerLogic;
import org.actorrpc.benchmarks.scale.ScalePeer;
import org.actorrpc.benchmarks.scale.ScaleSettings;
import org.actorrpc.benchmarks.scale.TaskManagerLogic;

/**
 * The simulated cluster on Flink 2.3's RPC, embedded as {@code FlinkDriver} embeds it: {@code RpcSystem.load}, then
 * {@code remoteServiceBuilder(configuration, "127.0.0.1", "0").withBindAddress("127.0.0.1")}, with the
 * benchmarks' configuration (ask timeout, call stacks off) and Flink's defaults otherwise. A JVM loads the RPC
 * system once and starts every service of its own from it, as a Flink process does. The JobMaster's mailbox
 * depth is read from its Pekko mailbox ({@link FlinkMailboxDepth}). Stateless.
 */
public final class FlinkScalePeer implements ScalePeer {

	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

	@Override
	public String id() {
		return "flink";
	}

	private static RpcService startService(RpcSystem rpcSystem) throws Exception {
		return rpcSystem.remoteServiceBuilder(FlinkDriver.configuration(), "127.0.0.1", "0")
			.withBindAddress("127.0.0.1")
			.createAndStart();
	}

	@Override
	public JobMasterSide startJobMasterSide(ScaleSettings settings) throws Exception {
		Configuration configuration = FlinkDriver.configuration();
		RpcSystem rpcSystem = RpcSystem.load(configuration);
		RpcService service = startService(rpcSystem);
		FlinkJobMasterEndpoint jobMaster = new FlinkJobMasterEndpoint(service, settings);
		FlinkResourceManagerEndpoint resourceManager = new FlinkResourceManagerEndpoint(service, settings);
		jobMaster.start();
		resourceManager.start();
		IntSupplier mailboxDepth = jobMaster.mailboxDepth();
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
				return mailboxDepth.getAsInt();
			}

			@Override
			public void close() throws Exception {
				try {
					service.closeAsync().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
				}
				finally {
					rpcSystem.close();
				}
			}
		};
	}

	@Override
	public TaskManagerHost startTaskManagerHost() {
		RpcSystem rpcSystem = RpcSystem.load(FlinkDriver.configuration());
		List<RpcService> services = new ArrayList<>();
		return new TaskManagerHost() {
			@Override
			public TaskManagerLogic start(int index, ScaleSettings settings, String jobMasterAddress,
					String resourceManagerAddress) throws Exception {
				RpcService service = startService(rpcSystem);
				services.add(service);
				FlinkTaskManagerEndpoint endpoint = new FlinkTaskManagerEndpoint(service, index, settings,
						jobMasterAddress, resourceManagerAddress);
				endpoint.start();
				return endpoint.logic();
			}

			@Override
			public void close() throws Exception {
				try {
					CompletableFuture.allOf(services.stream().map(RpcService::closeAsync)
						.toArray(CompletableFuture[]::new)).get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
				}
				finally {
					rpcSystem.close();
				}
			}
		};
	}

}
