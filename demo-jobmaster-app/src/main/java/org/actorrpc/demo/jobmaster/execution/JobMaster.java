package org.actorrpc.demo.jobmaster.execution;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.actorrpc.FencedRpcEndpoint;
import org.actorrpc.RpcService;
import org.actorrpc.demo.api.Acknowledge;
import org.actorrpc.demo.api.CheckpointDetails;
import org.actorrpc.demo.api.CheckpointStatus;
import org.actorrpc.demo.api.ExecutionAttemptId;
import org.actorrpc.demo.api.ExecutionState;
import org.actorrpc.demo.api.JobDetails;
import org.actorrpc.demo.api.JobGraph;
import org.actorrpc.demo.api.JobMasterGateway;
import org.actorrpc.demo.api.JobStatus;
import org.actorrpc.demo.api.LeaderId;
import org.actorrpc.demo.api.ResourceManagerGateway;
import org.actorrpc.demo.api.SlotAssignment;
import org.actorrpc.demo.api.TaskDeploymentDescriptor;
import org.actorrpc.demo.api.TaskExecutionState;
import org.actorrpc.demo.api.TaskExecutorGateway;
import org.actorrpc.demo.api.TaskStateSnapshot;
import org.actorrpc.demo.api.UnknownJobException;
import org.actorrpc.demo.jobmaster.ClusterProperties;
import org.actorrpc.demo.jobmaster.LeaderSession;
import org.actorrpc.demo.jobmaster.ha.CompletedCheckpoint;
import org.actorrpc.demo.jobmaster.ha.JobStoreWriter;
import org.actorrpc.demo.jobmaster.ha.RecoveredJob;

/**
 * The JobMaster endpoint: runs every submitted job's {@link ExecutionGraph} and
 * {@link CheckpointCoordinator}, gets slots from the ResourceManager, deploys tasks to
 * TaskManagers ({@code submitTask}), triggers their checkpoints ({@code triggerCheckpoint}),
 * cancels them ({@code cancelTask}) and redeploys the tasks of lost TaskManagers.
 *
 * <p><b>Threading:</b> all state lives on the endpoint's main thread: RPCs arrive there, and
 * every future completed elsewhere (slot allocations, TaskManager answers) continues there through
 * {@link #getMainThreadExecutor()}. Hence plain {@link HashMap}s and no locks. Fenced with the
 * leader session's token.
 *
 * <p>One instance serves one leader session (its token is fixed): the
 * {@link org.actorrpc.demo.jobmaster.ha.ClusterLeadership} starts it when this process is granted
 * leadership, with the jobs recovered from the job store, and stops it when the leadership is
 * revoked. Every completed checkpoint is persisted for a successor, and a job that ends is removed
 * from the store.
 */
public class JobMaster extends FencedRpcEndpoint<LeaderId> implements JobMasterGateway {

	/** Endpoint id, the last element of the JobMaster's address. */
	public static final String ENDPOINT_ID = "jobmaster";

	private static final Logger logger = LoggerFactory.getLogger(JobMaster.class);

	private final ClusterProperties properties;

	private final Map<String, JobExecution> jobs = new LinkedHashMap<>();

	/** TaskManager RPC address by resource id, learnt from slot assignments. */
	private final Map<String, String> taskManagerAddresses = new HashMap<>();

	/** Connections to TaskManagers by address. */
	private final Map<String, CompletableFuture<TaskExecutorGateway>> taskManagers = new HashMap<>();

	/** Job ids with a scheduling retry pending. */
	private final Set<String> retryPending = new HashSet<>();

	private final JobStoreWriter jobStore;

	private final List<RecoveredJob> recoveredJobs;

	private CompletableFuture<ResourceManagerGateway> resourceManager;

	/**
	 * Creates a JobMaster that persists nothing and recovers nothing.
	 * @param rpcService the RPC service
	 * @param leaderSession the leader session whose token fences this endpoint
	 * @param properties cluster settings
	 */
	public JobMaster(RpcService rpcService, LeaderSession leaderSession, ClusterProperties properties) {
		this(rpcService, leaderSession, properties, JobStoreWriter.standalone(), List.of());
	}

	/**
	 * Creates the JobMaster of a leader session.
	 * @param rpcService the RPC service
	 * @param leaderSession the leader session whose token fences this endpoint
	 * @param properties cluster settings
	 * @param jobStore where completed checkpoints are persisted and ended jobs removed
	 * @param recoveredJobs jobs taken over from a previous leader, run (from their last completed
	 * checkpoint) once the endpoint starts
	 */
	public JobMaster(RpcService rpcService, LeaderSession leaderSession, ClusterProperties properties,
			JobStoreWriter jobStore, List<RecoveredJob> recoveredJobs) {
		super(rpcService, ENDPOINT_ID, leaderSession.leaderId());
		this.properties = properties;
		this.jobStore = jobStore;
		this.recoveredJobs = List.copyOf(recoveredJobs);
	}

	@Override
	protected void onStart() {
		String address = getRpcService().getEndpointAddress("resourcemanager");
		this.resourceManager = getRpcService().connect(address, getFencingToken(), ResourceManagerGateway.class);
		logger.info("JobMaster started at {} under leader session {}", getAddress(), getFencingToken());
		for (RecoveredJob recovered : this.recoveredJobs) {
			CompletedCheckpoint checkpoint = recovered.latestCheckpoint();
			logger.info("Recovering job {} ({}) {}", recovered.jobGraph().jobId(), recovered.jobGraph().submission().name(),
					(checkpoint != null) ? "from checkpoint " + checkpoint.checkpointId() : "from scratch: no completed checkpoint");
			runJob(recovered.jobGraph(), checkpoint);
		}
	}

	// ------------------------------------------------------------------------
	// Dispatcher → JobMaster
	// ------------------------------------------------------------------------

	@Override
	public CompletableFuture<Acknowledge> startJob(JobGraph jobGraph) {
		if (this.jobs.containsKey(jobGraph.jobId())) {
			return CompletableFuture.failedFuture(
					new IllegalArgumentException("Job " + jobGraph.jobId() + " was already started"));
		}
		runJob(jobGraph, null);
		return CompletableFuture.completedFuture(Acknowledge.INSTANCE);
	}

	private void runJob(JobGraph jobGraph, CompletedCheckpoint restoreFrom) {
		LongSupplier clock = getClock()::millis;
		ExecutionGraph graph = new ExecutionGraph(jobGraph, this.properties.getMaxAttemptsPerSubtask(),
				this::validateRunsInMainThread, clock);
		CheckpointCoordinator coordinator = new CheckpointCoordinator(jobGraph.jobId(),
				this.properties.getCheckpointInterval(), this.properties.getCheckpointTimeout(),
				this.properties.getCheckpointHistorySize(), this::scheduleRunAsync, this::validateRunsInMainThread,
				clock, graph::getRunningExecutions,
				(checkpointId, timestamp, tasks) -> sendCheckpointTriggers(jobGraph.jobId(), checkpointId, timestamp,
						tasks));
		coordinator.onCompletion((checkpointId, triggeredAt, completedAt, states) -> {
			this.jobStore.addCheckpoint(new CompletedCheckpoint(jobGraph.jobId(), checkpointId, triggeredAt, completedAt,
					states, graph.getFinishedSubtasks()));
		});
		if (restoreFrom != null) {
			graph.restoreFrom(restoreFrom);
			long stateSize = restoreFrom.subtaskStates().values().stream().mapToLong(TaskStateSnapshot::stateSizeBytes).sum();
			coordinator.restoredFrom(new CheckpointDetails(restoreFrom.checkpointId(), CheckpointStatus.COMPLETED,
					restoreFrom.triggeredAtMillis(), restoreFrom.completedAtMillis(), restoreFrom.subtaskStates().size(),
					restoreFrom.subtaskStates().size(), stateSize, null));
		}
		JobExecution job = new JobExecution(graph, coordinator);
		this.jobs.put(jobGraph.jobId(), job);
		logger.info("Job {} ({}) starts with {} subtasks of {} ms", jobGraph.jobId(), jobGraph.submission().name(),
				jobGraph.submission().parallelism(), jobGraph.submission().taskDurationMillis());
		if (graph.getStatus().isGloballyTerminal()) {
			// every subtask had finished at the restored checkpoint
			logger.info("Job {} reached {}", jobGraph.jobId(), graph.getStatus());
			this.jobStore.removeJob(jobGraph.jobId());
			return;
		}
		coordinator.start();
		scheduleTasks(jobGraph.jobId());
	}

	@Override
	public CompletableFuture<JobStatus> requestJobStatus(String jobId) {
		JobExecution job = this.jobs.get(jobId);
		return (job != null) ? CompletableFuture.completedFuture(job.graph().getStatus())
				: CompletableFuture.failedFuture(new UnknownJobException(jobId));
	}

	@Override
	public CompletableFuture<JobDetails> requestJobDetails(String jobId) {
		JobExecution job = this.jobs.get(jobId);
		return (job != null) ? CompletableFuture.completedFuture(details(job))
				: CompletableFuture.failedFuture(new UnknownJobException(jobId));
	}

	/**
	 * Returns the details of every job this JobMaster runs or ran, in submission order; for
	 * inspecting a replayed JobMaster. Main thread only (a replay's thread is its main thread).
	 * @return the details
	 */
	public List<JobDetails> getAllJobDetails() {
		validateRunsInMainThread();
		return this.jobs.values().stream().map(this::details).toList();
	}

	private JobDetails details(JobExecution job) {
		// The journal number lets a user replay the JobMaster to exactly the state these details show.
		return job.graph().getDetails(job.checkpoints().getHistory()).withJournalSequence(getJournalSequence());
	}

	@Override
	public CompletableFuture<Acknowledge> cancelJob(String jobId) {
		JobExecution job = this.jobs.get(jobId);
		if (job == null) {
			return CompletableFuture.failedFuture(new UnknownJobException(jobId));
		}
		List<DeployedExecution> toCancel = job.graph().cancel();
		job.checkpoints().stop("Job " + jobId + " was cancelled");
		logger.info("Cancelling job {}: {} deployed tasks", jobId, toCancel.size());
		for (DeployedExecution execution : toCancel) {
			taskExecutor(execution.resourceId())
				.thenCompose((gateway) -> gateway.cancelTask(execution.executionId()))
				.whenCompleteAsync((ack, failure) -> {
					if (failure != null) {
						// The TaskManager is gone: the task is not running anywhere any more.
						onTaskStateChange(job, execution.executionId(), ExecutionState.CANCELED,
								"TaskManager unreachable while cancelling: " + rootMessage(failure));
					}
				}, getMainThreadExecutor());
		}
		return CompletableFuture.completedFuture(Acknowledge.INSTANCE);
	}

	// ------------------------------------------------------------------------
	// TaskManager → JobMaster
	// ------------------------------------------------------------------------

	@Override
	public CompletableFuture<Acknowledge> updateTaskExecutionState(TaskExecutionState state) {
		JobExecution job = this.jobs.get(state.executionId().jobId());
		if (job == null) {
			return CompletableFuture.failedFuture(new UnknownJobException(state.executionId().jobId()));
		}
		onTaskStateChange(job, state.executionId(), state.state(), state.failureCause());
		return CompletableFuture.completedFuture(Acknowledge.INSTANCE);
	}

	@Override
	public void acknowledgeCheckpoint(ExecutionAttemptId executionId, long checkpointId, TaskStateSnapshot snapshot) {
		JobExecution job = this.jobs.get(executionId.jobId());
		if (job != null && job.checkpoints().receiveAcknowledge(executionId, checkpointId, snapshot)) {
			logger.info("Checkpoint {} of job {} completed", checkpointId, executionId.jobId());
		}
	}

	// ------------------------------------------------------------------------
	// ResourceManager → JobMaster
	// ------------------------------------------------------------------------

	@Override
	public void disconnectTaskManager(String resourceId, String cause) {
		String address = this.taskManagerAddresses.remove(resourceId);
		if (address != null) {
			this.taskManagers.remove(address);
		}
		for (JobExecution job : this.jobs.values()) {
			List<DeployedExecution> failed = job.graph().failExecutionsOn(resourceId, cause);
			for (DeployedExecution execution : failed) {
				job.checkpoints().taskLeftRunning(execution.executionId(), ExecutionState.FAILED);
			}
			if (!failed.isEmpty()) {
				logger.warn("TaskManager {} gone ({}): {} tasks of job {} failed, redeploying", resourceId, cause,
						failed.size(), job.graph().getJobId());
				afterStateChange(job);
			}
		}
	}

	// ------------------------------------------------------------------------
	// Scheduling and deployment
	// ------------------------------------------------------------------------

	private void onTaskStateChange(JobExecution job, ExecutionAttemptId executionId, ExecutionState newState,
			String failureCause) {
		ExecutionGraph graph = job.graph();
		ExecutionState previous = graph.getState(executionId);
		DeployedExecution deployment = graph.getDeployment(executionId);
		StateUpdateResult result = graph.updateState(executionId, newState, failureCause);
		if (result == StateUpdateResult.IGNORED) {
			return;
		}
		if (previous == ExecutionState.RUNNING && newState != ExecutionState.RUNNING) {
			job.checkpoints().taskLeftRunning(executionId, newState);
		}
		if (newState.isTerminal()) {
			if (deployment != null) {
				this.resourceManager
					.thenAccept((rm) -> rm.releaseSlot(deployment.slotId(), deployment.executionId()));
			}
			if (newState == ExecutionState.FAILED) {
				logger.warn("Task {} failed: {}", executionId, failureCause);
			}
		}
		afterStateChange(job);
	}

	private void afterStateChange(JobExecution job) {
		JobStatus status = job.graph().getStatus();
		if (status.isGloballyTerminal()) {
			if (job.checkpoints().isRunning()) {
				job.checkpoints().stop("Job reached " + status);
				logger.info("Job {} reached {}", job.graph().getJobId(), status);
				this.jobStore.removeJob(job.graph().getJobId());
			}
			return;
		}
		scheduleTasks(job.graph().getJobId());
	}

	private void scheduleTasks(String jobId) {
		JobExecution job = this.jobs.get(jobId);
		if (job == null) {
			return;
		}
		for (ExecutionAttemptId executionId : job.graph().takeExecutionsToSchedule()) {
			this.resourceManager.thenCompose((rm) -> rm.allocateSlot(executionId))
				.whenCompleteAsync((slot, failure) -> onSlotAllocated(job, executionId, slot, failure),
						getMainThreadExecutor());
		}
	}

	private void onSlotAllocated(JobExecution job, ExecutionAttemptId executionId, SlotAssignment slot,
			Throwable failure) {
		if (failure != null) {
			job.graph().slotRequestFailed(executionId);
			retryScheduling(job.graph().getJobId());
			return;
		}
		if (!job.graph().markDeploying(executionId, slot.resourceId(), slot.slotId())) {
			this.resourceManager.thenAccept((rm) -> rm.releaseSlot(slot.slotId(), executionId));
			return;
		}
		this.taskManagerAddresses.put(slot.resourceId(), slot.taskExecutorAddress());
		TaskDeploymentDescriptor deployment = new TaskDeploymentDescriptor(executionId,
				job.graph().getJobGraph().submission().name(), slot.slotId(),
				job.graph().getJobGraph().submission().taskDurationMillis(), getFencingToken(),
				job.graph().getRestoredState(executionId));
		taskExecutor(slot.resourceId()).thenCompose((gateway) -> gateway.submitTask(deployment))
			.whenCompleteAsync((ack, deployFailure) -> {
				if (deployFailure != null) {
					this.taskManagers.remove(slot.taskExecutorAddress());
					onTaskStateChange(job, executionId, ExecutionState.FAILED,
							"Deployment to " + slot.resourceId() + " failed: " + rootMessage(deployFailure));
				}
			}, getMainThreadExecutor());
	}

	private void retryScheduling(String jobId) {
		if (this.retryPending.add(jobId)) {
			scheduleRunAsync(() -> {
				this.retryPending.remove(jobId);
				scheduleTasks(jobId);
			}, this.properties.getSlotRequestRetryDelay());
		}
	}

	private void sendCheckpointTriggers(String jobId, long checkpointId, long timestamp,
			List<DeployedExecution> tasks) {
		for (DeployedExecution task : tasks) {
			taskExecutor(task.resourceId())
				.thenCompose((gateway) -> gateway.triggerCheckpoint(task.executionId(), checkpointId, timestamp))
				.whenCompleteAsync((ack, failure) -> {
					JobExecution job = this.jobs.get(jobId);
					if (failure != null && job != null) {
						job.checkpoints().triggerFailed(checkpointId, "Trigger of checkpoint " + checkpointId
								+ " could not reach task " + task.executionId() + ": " + rootMessage(failure));
					}
				}, getMainThreadExecutor());
		}
	}

	private CompletableFuture<TaskExecutorGateway> taskExecutor(String resourceId) {
		String address = this.taskManagerAddresses.get(resourceId);
		if (address == null) {
			return CompletableFuture
				.failedFuture(new IllegalStateException("No known address for TaskManager " + resourceId));
		}
		return this.taskManagers.computeIfAbsent(address, (key) -> {
			CompletableFuture<TaskExecutorGateway> connection = getRpcService().connect(key,
					TaskExecutorGateway.class);
			connection.whenCompleteAsync((gateway, failure) -> {
				if (failure != null) {
					this.taskManagers.remove(key, connection);
				}
			}, getMainThreadExecutor());
			return connection;
		});
	}

	private static String rootMessage(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

}
