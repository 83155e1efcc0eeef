package org.actorrpc.demo.jobmaster.resourcemanager;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.actorrpc.FencedRpcEndpoint;
import org.actorrpc.RpcService;
import org.actorrpc.demo.api.Acknowledge;
import org.actorrpc.demo.api.ExecutionAttemptId;
import org.actorrpc.demo.api.JobDetails;
import org.actorrpc.demo.api.JobGraph;
import org.actorrpc.demo.api.JobMasterGateway;
import org.actorrpc.demo.api.JobStatus;
import org.actorrpc.demo.api.LeaderId;
import org.actorrpc.demo.api.RegistrationResponse;
import org.actorrpc.demo.api.ResourceManagerGateway;
import org.actorrpc.demo.api.SlotOffer;
import org.actorrpc.demo.api.TaskExecutionState;
import org.actorrpc.demo.api.TaskExecutorRegistration;
import org.actorrpc.demo.api.TaskManagerInfo;
import org.actorrpc.demo.api.TaskManagerState;
import org.actorrpc.demo.api.TaskStateSnapshot;
import org.actorrpc.demo.jobmaster.ClusterProperties;
import org.actorrpc.demo.jobmaster.LeaderSession;
import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.pekko.PekkoRpcServiceSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ResourceManager endpoint on a real RPC service (127.0.0.1, port 0), called from a second
 * service as a TaskManager would, with a recording JobMaster endpoint: a TaskManager that says it
 * leaves is removed and the JobMaster told at once, long before the heartbeat timeout; a stale
 * disconnect changes nothing.
 */
class ResourceManagerTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	/** Far longer than any wait of these tests: a JobMaster notice can only come from the disconnect. */
	private static final Duration HEARTBEAT_TIMEOUT = Duration.ofMinutes(10);

	private final LeaderSession leaderSession = new LeaderSession(LeaderId.generate());

	private RpcService clusterService;

	private RpcService taskManagerService;

	private RecordingJobMaster jobMaster;

	private ResourceManagerGateway resourceManager;

	@BeforeEach
	void startResourceManager() throws Exception {
		this.clusterService = service("rm-test-cluster");
		this.taskManagerService = service("rm-test-taskmanager");
		this.jobMaster = new RecordingJobMaster(this.clusterService, this.leaderSession.leaderId());
		this.jobMaster.start();
		ClusterProperties properties = new ClusterProperties();
		properties.setHeartbeatTimeout(HEARTBEAT_TIMEOUT);
		ResourceManager endpoint = new ResourceManager(this.clusterService, this.leaderSession, properties);
		endpoint.start();
		this.resourceManager = this.taskManagerService
			.connect(endpoint.getAddress(), this.leaderSession.leaderId(), ResourceManagerGateway.class)
			.get(WAIT.toSeconds(), TimeUnit.SECONDS);
	}

	@AfterEach
	void closeServices() throws Exception {
		for (RpcService service : new RpcService[] { this.taskManagerService, this.clusterService }) {
			if (service != null) {
				service.closeAsync().get(WAIT.toSeconds(), TimeUnit.SECONDS);
			}
		}
	}

	@Test
	void disconnectingTaskManagerLeavesThePoolAndTheJobMasterIsToldAtOnce() throws Exception {
		String registration = register("tm-1", 2);
		ExecutionAttemptId execution = new ExecutionAttemptId("job-1", 0, 0);
		assertThat(await(this.resourceManager.allocateSlot(execution)).resourceId()).isEqualTo("tm-1");

		assertThat(await(this.resourceManager.disconnectTaskManager("tm-1", registration, "it is shutting down")))
			.isEqualTo(Acknowledge.INSTANCE);

		Disconnect notice = this.jobMaster.disconnects.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
		assertThat(notice).as("disconnectTaskManager at the JobMaster").isNotNull();
		assertThat(notice.resourceId()).isEqualTo("tm-1");
		assertThat(notice.cause()).contains("tm-1").contains("disconnected").contains("it is shutting down");
		TaskManagerInfo info = taskManager("tm-1");
		assertThat(info.state()).isEqualTo(TaskManagerState.DISCONNECTED);
		assertThat(info.freeSlots()).isZero();
		assertThat(this.resourceManager.allocateSlot(new ExecutionAttemptId("job-1", 1, 0)))
			.as("no slot of the departed TaskManager is allocated any more")
			.failsWithin(WAIT);
	}

	@Test
	void disconnectOfAnOlderRegistrationLeavesTheCurrentOneRegistered() throws Exception {
		String first = register("tm-1", 1);
		String second = register("tm-1", 1);
		this.jobMaster.disconnects.clear();

		await(this.resourceManager.disconnectTaskManager("tm-1", first, "an old process stops"));

		TaskManagerInfo info = taskManager("tm-1");
		assertThat(info.state()).isEqualTo(TaskManagerState.REGISTERED);
		assertThat(info.freeSlots()).isEqualTo(1);
		assertThat(await(this.resourceManager.allocateSlot(new ExecutionAttemptId("job-1", 0, 0))).resourceId())
			.isEqualTo("tm-1");
		await(this.resourceManager.disconnectTaskManager("tm-1", second, "the current process stops"));
		Disconnect notice = this.jobMaster.disconnects.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
		assertThat(notice).isNotNull();
		assertThat(notice.cause()).as("only the current registration's disconnect reached the JobMaster")
			.contains("the current process stops");
	}

	private String register(String resourceId, int slots) throws Exception {
		RegistrationResponse response = await(this.resourceManager.registerTaskExecutor(
				new TaskExecutorRegistration(resourceId, this.taskManagerService.getEndpointAddress("taskexecutor"), "",
						slots)));
		assertThat(response.accepted()).isTrue();
		for (int i = 0; i < slots; i++) {
			await(this.resourceManager.requestSlot(new SlotOffer(resourceId, response.registrationId(), i)));
		}
		return response.registrationId();
	}

	private TaskManagerInfo taskManager(String resourceId) throws Exception {
		List<TaskManagerInfo> all = await(this.resourceManager.requestTaskManagers());
		return all.stream().filter((info) -> info.resourceId().equals(resourceId)).findFirst().orElseThrow();
	}

	private static <T> T await(CompletableFuture<T> future) throws Exception {
		return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
	}

	private static RpcService service(String systemName) {
		return new PekkoRpcService(PekkoRpcServiceSettings.builder()
			.systemName(systemName)
			.host("127.0.0.1")
			.port(0)
			.shutdownTimeout(Duration.ofSeconds(10))
			.build());
	}

	/** A JobMaster's disconnectTaskManager notice. */
	private record Disconnect(String resourceId, String cause) {

	}

	/** Records the ResourceManager's notices; everything else is not used by these tests. */
	private static final class RecordingJobMaster extends FencedRpcEndpoint<LeaderId> implements JobMasterGateway {

		private final BlockingQueue<Disconnect> disconnects = new LinkedBlockingQueue<>();

		RecordingJobMaster(RpcService rpcService, LeaderId leaderId) {
			super(rpcService, "jobmaster", leaderId);
		}

		@Override
		public void disconnectTaskManager(String resourceId, String cause) {
			this.disconnects.add(new Disconnect(resourceId, cause));
		}

		@Override
		public CompletableFuture<Acknowledge> updateTaskExecutionState(TaskExecutionState state) {
			return unsupported();
		}

		@Override
		public void acknowledgeCheckpoint(ExecutionAttemptId executionId, long checkpointId,
				TaskStateSnapshot snapshot) {
		}

		@Override
		public CompletableFuture<JobStatus> requestJobStatus(String jobId) {
			return unsupported();
		}

		@Override
		public CompletableFuture<JobDetails> requestJobDetails(String jobId) {
			return unsupported();
		}

		@Override
		public CompletableFuture<Acknowledge> startJob(JobGraph jobGraph) {
			return unsupported();
		}

		@Override
		public CompletableFuture<Acknowledge> cancelJob(String jobId) {
			return unsupported();
		}

		private static <T> CompletableFuture<T> unsupported() {
			return CompletableFuture.failedFuture(new UnsupportedOperationException("not used by this test"));
		}

	}

}
