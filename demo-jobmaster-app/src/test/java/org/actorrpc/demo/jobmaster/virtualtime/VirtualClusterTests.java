package org.actorrpc.demo.jobmaster.virtualtime;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.demo.api.CheckpointDetails;
import org.actorrpc.demo.api.CheckpointStatus;
import org.actorrpc.demo.api.ExecutionState;
import org.actorrpc.demo.api.HeartbeatPayload;
import org.actorrpc.demo.api.JobDetails;
import org.actorrpc.demo.api.JobGraph;
import org.actorrpc.demo.api.JobMasterGateway;
import org.actorrpc.demo.api.JobSubmission;
import org.actorrpc.demo.api.LeaderId;
import org.actorrpc.demo.api.ResourceManagerGateway;
import org.actorrpc.demo.api.SlotOffer;
import org.actorrpc.demo.api.TaskDeploymentDescriptor;
import org.actorrpc.demo.api.TaskDetails;
import org.actorrpc.demo.api.TaskExecutionState;
import org.actorrpc.demo.api.TaskExecutorRegistration;
import org.actorrpc.demo.api.TaskManagerInfo;
import org.actorrpc.demo.api.TaskManagerState;
import org.actorrpc.demo.api.TaskStateSnapshot;
import org.actorrpc.demo.jobmaster.ClusterProperties;
import org.actorrpc.demo.jobmaster.LeaderSession;
import org.actorrpc.demo.jobmaster.execution.JobMaster;
import org.actorrpc.demo.jobmaster.resourcemanager.ResourceManager;
import org.actorrpc.test.TestingRpcService;
import org.actorrpc.test.TestingRpcServiceExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real JobMaster and ResourceManager endpoints (with the JobMaster's CheckpointCoordinator) on
 * a TestingRpcService, against fake TaskManagers, on virtual time: heartbeat loss, checkpoint
 * completion and timeout, slot requests that wait for a slot. No ports, no sleeping — a minute of
 * cluster time passes in milliseconds.
 */
class VirtualClusterTests {

	@RegisterExtension
	final TestingRpcServiceExtension rpc = new TestingRpcServiceExtension();

	private final LeaderSession session = new LeaderSession(LeaderId.generate());

	private final ClusterProperties properties = new ClusterProperties();

	private TestingRpcService service;

	private ResourceManagerGateway resourceManager;

	private JobMasterGateway jobMaster;

	@BeforeEach
	void timings() {
		this.service = this.rpc.getService();
		this.properties.setHeartbeatTimeout(Duration.ofSeconds(5));
		this.properties.setHeartbeatCheckInterval(Duration.ofMillis(500));
		this.properties.setCheckpointInterval(Duration.ofSeconds(2));
		this.properties.setCheckpointTimeout(Duration.ofSeconds(10));
		this.properties.setSlotRequestRetryDelay(Duration.ofMillis(500));
	}

	private void startCluster() {
		ResourceManager rm = new ResourceManager(this.service, this.session, this.properties);
		JobMaster jm = new JobMaster(this.service, this.session, this.properties);
		rm.start();
		jm.start();
		this.resourceManager = this.service
			.connect(rm.getAddress(), this.session.leaderId(), ResourceManagerGateway.class)
			.join();
		this.jobMaster = this.service.connect(jm.getAddress(), this.session.leaderId(), JobMasterGateway.class).join();
	}

	private FakeTaskExecutor taskManager(String resourceId, int slots) {
		FakeTaskExecutor fake = new FakeTaskExecutor(resourceId);
		this.service.registerGateway(fake.getAddress(), fake);
		String registration = this.resourceManager
			.registerTaskExecutor(new TaskExecutorRegistration(resourceId, fake.getAddress(), "", slots))
			.join()
			.registrationId();
		for (int slot = 0; slot < slots; slot++) {
			this.resourceManager.requestSlot(new SlotOffer(resourceId, registration, slot)).join();
		}
		this.registrations.put(resourceId, registration);
		return fake;
	}

	private final java.util.Map<String, String> registrations = new java.util.HashMap<>();

	private void heartbeat(FakeTaskExecutor taskManager) {
		this.resourceManager.sendHeartbeat(new HeartbeatPayload(taskManager.resourceId(),
				this.registrations.get(taskManager.resourceId()), taskManager.deployments.size(), 0)).join();
	}

	private void startJob(String jobId, int parallelism) {
		this.jobMaster.startJob(new JobGraph(jobId, new JobSubmission("virtual-" + jobId, parallelism, 60_000),
				this.service.getClock().millis())).join();
	}

	private void reportRunning(FakeTaskExecutor taskManager) {
		for (TaskDeploymentDescriptor deployment : taskManager.deployments) {
			this.jobMaster.updateTaskExecutionState(new TaskExecutionState(deployment.executionId(),
					taskManager.resourceId(), ExecutionState.RUNNING, null)).join();
		}
	}

	private JobDetails details(String jobId) {
		return this.jobMaster.requestJobDetails(jobId).join();
	}

	@Test
	void aTaskManagerThatMissesItsHeartbeatsIsLostAndItsTasksAreRedeployedOnTheOthers() {
		startCluster();
		FakeTaskExecutor doomed = taskManager("tm-1", 2);
		startJob("job-1", 2);
		assertThat(doomed.deployments).hasSize(2);
		reportRunning(doomed);
		FakeTaskExecutor survivor = taskManager("tm-2", 2);

		// tm-2 keeps sending heartbeats every second; tm-1 has gone silent.
		for (int second = 1; second <= 5; second++) {
			this.service.advanceTime(Duration.ofSeconds(1));
			heartbeat(survivor);
		}
		assertThat(survivor.deployments).as("still within the heartbeat timeout").isEmpty();
		this.service.advanceTime(Duration.ofMillis(500));
		heartbeat(survivor);

		assertThat(this.resourceManager.requestTaskManagers().join()).filteredOn((tm) -> tm.resourceId().equals("tm-1"))
			.extracting(TaskManagerInfo::state)
			.containsExactly(TaskManagerState.LOST);
		assertThat(survivor.deployments).extracting((deployment) -> deployment.executionId().attemptNumber())
			.containsExactly(1, 1);
		JobDetails job = details("job-1");
		assertThat(job.redeployments()).isEqualTo(2);
		assertThat(job.tasks()).extracting(TaskDetails::resourceId).containsOnly("tm-2");
	}

	@Test
	void aCheckpointCompletesWhenEveryRunningTaskAcknowledgedIt() {
		this.properties.setHeartbeatTimeout(Duration.ofHours(1));
		startCluster();
		FakeTaskExecutor taskManager = taskManager("tm-1", 2);
		startJob("job-1", 2);
		reportRunning(taskManager);

		this.service.advanceTime(Duration.ofSeconds(2));
		assertThat(taskManager.triggeredCheckpoints).containsExactly(1L, 1L);
		for (TaskDeploymentDescriptor deployment : taskManager.deployments) {
			this.jobMaster.acknowledgeCheckpoint(deployment.executionId(), 1, new TaskStateSnapshot(100, 1024));
		}

		CheckpointDetails first = checkpoint("job-1", 1);
		assertThat(first.status()).isEqualTo(CheckpointStatus.COMPLETED);
		assertThat(first.stateSizeBytes()).isEqualTo(2048);
		assertThat(first.triggeredAtMillis())
			.isEqualTo(TestingRpcService.DEFAULT_START.plusSeconds(2).toEpochMilli());
	}

	@Test
	void aCheckpointThatIsNotAcknowledgedInTimeIsAbortedAtItsTimeout() {
		this.properties.setHeartbeatTimeout(Duration.ofHours(1));
		startCluster();
		FakeTaskExecutor taskManager = taskManager("tm-1", 1);
		startJob("job-1", 1);
		reportRunning(taskManager);
		this.service.advanceTime(Duration.ofSeconds(2));
		assertThat(checkpoint("job-1", 1).status()).isEqualTo(CheckpointStatus.IN_PROGRESS);

		this.service.advanceTime(Duration.ofMillis(9_999));
		assertThat(checkpoint("job-1", 1).status()).isEqualTo(CheckpointStatus.IN_PROGRESS);
		this.service.advanceTime(Duration.ofMillis(1));

		CheckpointDetails expired = checkpoint("job-1", 1);
		assertThat(expired.status()).isEqualTo(CheckpointStatus.ABORTED);
		assertThat(expired.finishedAtMillis() - expired.triggeredAtMillis()).isEqualTo(10_000);
		assertThat(taskManager.triggeredCheckpoints).as("one trigger every 2 s of virtual time")
			.containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
	}

	@Test
	void aSlotRequestWithoutAFreeSlotIsRetriedUntilATaskManagerOffersOne() {
		this.properties.setHeartbeatTimeout(Duration.ofHours(1));
		startCluster();
		FakeTaskExecutor first = taskManager("tm-1", 2);
		startJob("job-1", 3);
		assertThat(first.deployments).hasSize(2);
		this.service.advanceTime(Duration.ofSeconds(3));
		assertThat(details("job-1").tasks()).filteredOn((task) -> task.resourceId() == null).hasSize(1);

		FakeTaskExecutor second = taskManager("tm-2", 1);
		assertThat(second.deployments).as("the retry waits for its delay").isEmpty();
		this.service.advanceTime(Duration.ofMillis(500));

		assertThat(second.deployments).extracting((deployment) -> deployment.executionId().subtaskIndex())
			.containsExactly(2);
	}

	private CheckpointDetails checkpoint(String jobId, long checkpointId) {
		return details(jobId).checkpoints()
			.stream()
			.filter((checkpoint) -> checkpoint.checkpointId() == checkpointId)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no checkpoint " + checkpointId + " in " + details(jobId)));
	}

}
