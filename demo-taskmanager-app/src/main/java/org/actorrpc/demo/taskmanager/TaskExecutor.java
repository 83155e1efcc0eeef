package org.actorrpc.demo.taskmanager;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcService;
import org.actorrpc.demo.api.Acknowledge;
import org.actorrpc.demo.api.ExecutionAttemptId;
import org.actorrpc.demo.api.ExecutionState;
import org.actorrpc.demo.api.HeartbeatPayload;
import org.actorrpc.demo.api.HeartbeatResponse;
import org.actorrpc.demo.api.JobMasterGateway;
import org.actorrpc.demo.api.LeaderAddresses;
import org.actorrpc.demo.api.LeaderId;
import org.actorrpc.demo.api.RegistrationResponse;
import org.actorrpc.demo.api.ResourceManagerGateway;
import org.actorrpc.demo.api.SlotOffer;
import org.actorrpc.demo.api.TaskDeploymentDescriptor;
import org.actorrpc.demo.api.TaskExecutionState;
import org.actorrpc.demo.api.TaskExecutorGateway;
import org.actorrpc.demo.api.TaskExecutorRegistration;
import org.actorrpc.demo.api.TaskStateSnapshot;
import org.actorrpc.exceptions.FencingTokenException;
import org.actorrpc.exceptions.RpcRuntimeException;
import org.actorrpc.ha.HighAvailabilityServices;
import org.actorrpc.ha.LeaderInformation;
import org.actorrpc.ha.LeaderRetrievalListener;
import org.actorrpc.ha.LeaderRetrievalService;
import org.actorrpc.spring.RpcEndpointComponent;

/**
 * The TaskManager's TaskExecutor endpoint. It follows the cluster's leader through leader
 * retrieval (ZooKeeper, or without high availability the configured JobMaster address), connects
 * to that leader's ResourceManager and JobMaster with the leader's session id as fencing token,
 * registers at the ResourceManager ({@code registerTaskExecutor}), offers its slots
 * ({@code requestSlot}) and sends heartbeats ({@code sendHeartbeat}); it runs the tasks the
 * JobMaster deploys ({@code submitTask}), reports their transitions
 * ({@code updateTaskExecutionState}), forwards checkpoint requests to them
 * ({@code triggerCheckpoint}, answered with {@code acknowledgeCheckpoint}) and cancels them
 * ({@code cancelTask}).
 *
 * <p>It registers again when a new leader is announced, when the ResourceManager does not know it
 * any more (it was declared lost, or restarted), when a call is refused for a stale fencing token, or after
 * {@code demo.taskmanager.max-missed-heartbeats} unanswered heartbeats. Tasks of an earlier
 * registration are cancelled then, since the JobMaster already redeployed them. A graceful stop
 * (SIGTERM) disconnects from the ResourceManager ({@code disconnectTaskManager}) so that its tasks
 * are redeployed at once.
 *
 * Reports and acknowledgements of tasks deployed by an earlier leader are not sent to a new one.
 *
 * <p><b>Threading:</b> registration state and the {@link TaskSlotTable} live on the main thread;
 * answers of remote calls and leader changes continue there through the main-thread executor. The
 * current leader's token and JobMaster gateway are also read by worker threads (volatile). Task work runs on
 * {@link TaskWorkers} threads, which hand state changes back to the main thread and acknowledge
 * checkpoints themselves.
 */
@RpcEndpointComponent(TaskExecutor.ENDPOINT_ID)
public class TaskExecutor extends RpcEndpoint implements TaskExecutorGateway {

	/** Endpoint id, the last element of the TaskExecutor's address. */
	public static final String ENDPOINT_ID = "taskexecutor";

	/** The elected component whose leader (the JobMaster) TaskManagers follow. */
	public static final String LEADER_COMPONENT_ID = "jobmaster";

	private static final Logger logger = LoggerFactory.getLogger(TaskExecutor.class);

	private final TaskManagerProperties properties;

	private final TaskWorkers workers;

	private final Environment environment;

	private final HighAvailabilityServices highAvailability;

	private final String resourceId;

	private final TaskSlotTable slots;

	private final TaskListener taskListener = new WorkerCallbacks();

	private LeaderRetrievalService leaderRetrieval;

	/** The announced leader, or null. */
	private LeaderInformation leader;

	/** The announced leader's token; read by worker threads. */
	private volatile LeaderId leaderId;

	/** The leader's ResourceManager once connected, else null. */
	private ResourceManagerGateway resourceManager;

	/** The leader's JobMaster once connected, else null; read by worker threads. */
	private volatile JobMasterGateway jobMaster;

	private String registrationId;

	private boolean connecting;

	private int missedHeartbeats;

	/**
	 * Creates the TaskExecutor.
	 * @param rpcService the RPC service
	 * @param properties TaskManager settings
	 * @param workers the worker threads for tasks
	 * @param environment to read the local HTTP port for the registration
	 * @param highAvailability leader retrieval of the cluster's leader (component
	 * {@value #LEADER_COMPONENT_ID})
	 */
	public TaskExecutor(RpcService rpcService, TaskManagerProperties properties, TaskWorkers workers,
			Environment environment, HighAvailabilityServices highAvailability) {
		super(rpcService, ENDPOINT_ID);
		this.properties = properties;
		this.workers = workers;
		this.environment = environment;
		this.highAvailability = highAvailability;
		this.resourceId = properties.getResourceId();
		this.slots = new TaskSlotTable(this.resourceId, properties.getNumberOfSlots(), this::validateRunsInMainThread);
	}

	@Override
	protected void onStart() {
		logger.info("TaskManager {} started at {} with {} slots", this.resourceId, getAddress(),
				this.slots.numberOfSlots());
		this.leaderRetrieval = this.highAvailability.createLeaderRetrievalService(LEADER_COMPONENT_ID);
		this.leaderRetrieval.start(new LeaderFollower());
		scheduleRunAsync(this::heartbeat, this.properties.getHeartbeatInterval());
	}

	private void onLeader(LeaderInformation newLeader) {
		if (newLeader.equals(this.leader)) {
			return;
		}
		LeaderId previous = this.leaderId;
		this.leader = newLeader;
		this.leaderId = new LeaderId(newLeader.sessionId());
		this.resourceManager = null;
		this.jobMaster = null;
		logger.info("Leader {} (session {}){}", newLeader.address(), this.leaderId.shortString(),
				(previous != null && !previous.equals(this.leaderId)) ? " replaces session " + previous.shortString() : "");
		connectToResourceManager("new leader " + newLeader.address());
	}

	private void onNoLeader() {
		if (this.leader == null) {
			return;
		}
		logger.info("No leader at the moment (session {} ended); waiting for the next one", this.leaderId.shortString());
		this.leader = null;
		this.registrationId = null;
		this.resourceManager = null;
		this.jobMaster = null;
	}

	/**
	 * Tells the ResourceManager this TaskManager leaves, so the JobMaster redeploys its tasks at once
	 * rather than after the heartbeat timeout, and cancels the local tasks without reporting them
	 * (their redeployed attempts take over). The stop waits at most
	 * {@code demo.taskmanager.disconnect-timeout} for the ResourceManager's answer.
	 */
	@Override
	protected CompletableFuture<Void> onStop() {
		if (this.leaderRetrieval != null) {
			this.leaderRetrieval.stop();
		}
		CompletableFuture<Void> disconnected = disconnectFromResourceManager();
		for (SimulatedTask task : this.slots.releaseAll()) {
			task.cancel();
		}
		return disconnected;
	}

	private CompletableFuture<Void> disconnectFromResourceManager() {
		String registration = this.registrationId;
		if (registration == null || this.resourceManager == null) {
			return CompletableFuture.completedFuture(null);
		}
		this.registrationId = null;
		long timeoutMillis = this.properties.getDisconnectTimeout().toMillis();
		logger.info("TaskManager {} stops: telling the ResourceManager it leaves (registration {}, {} tasks)",
				this.resourceId, registration, this.slots.taskCount());
		return this.resourceManager
			.disconnectTaskManager(this.resourceId, registration, "it is shutting down (graceful stop)")
			.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
			.handle((acknowledge, failure) -> {
				if (failure != null) {
					logger.warn("TaskManager {} could not tell the ResourceManager it leaves ({}); its tasks are "
							+ "redeployed after the heartbeat timeout instead", this.resourceId, rootMessage(failure));
				}
				return null;
			});
	}

	// ------------------------------------------------------------------------
	// JobMaster → TaskExecutor
	// ------------------------------------------------------------------------

	@Override
	public CompletableFuture<Acknowledge> submitTask(TaskDeploymentDescriptor deployment) {
		if (this.registrationId == null || !deployment.leaderId().equals(this.leaderId)) {
			return CompletableFuture.failedFuture(new IllegalStateException("TaskManager " + this.resourceId
					+ " refuses task " + deployment.executionId() + " of leader session " + deployment.leaderId()
					+ ": it is registered under " + ((this.registrationId != null) ? this.leaderId : "no leader")));
		}
		int slotIndex;
		try {
			slotIndex = this.slots.freeSlotIndex(deployment.slotId());
		}
		catch (IllegalArgumentException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		SimulatedTask task = new SimulatedTask(deployment, slotIndex, this.properties.getWorkStep(),
				this.taskListener);
		this.slots.occupy(task);
		report(task.executionId(), ExecutionState.DEPLOYING, null);
		this.workers.execute(task);
		logger.info("Deployed task {} ({}) into slot {}", task.executionId(), deployment.jobName(),
				deployment.slotId());
		return CompletableFuture.completedFuture(Acknowledge.INSTANCE);
	}

	@Override
	public CompletableFuture<Acknowledge> triggerCheckpoint(ExecutionAttemptId executionId, long checkpointId,
			long timestampMillis) {
		SimulatedTask task = this.slots.get(executionId);
		if (task == null || !task.isRunning()) {
			return CompletableFuture.failedFuture(new IllegalStateException(
					"Task " + executionId + " is not running on TaskManager " + this.resourceId));
		}
		task.triggerCheckpoint(checkpointId);
		return CompletableFuture.completedFuture(Acknowledge.INSTANCE);
	}

	@Override
	public CompletableFuture<Acknowledge> cancelTask(ExecutionAttemptId executionId) {
		SimulatedTask task = this.slots.get(executionId);
		if (task != null) {
			task.cancel();
			logger.info("Cancelling task {}", executionId);
		}
		return CompletableFuture.completedFuture(Acknowledge.INSTANCE);
	}

	// ------------------------------------------------------------------------
	// Registration and heartbeats
	// ------------------------------------------------------------------------

	private void connectToResourceManager(String reason) {
		if (this.connecting || this.leader == null) {
			return;
		}
		this.connecting = true;
		this.registrationId = null;
		this.missedHeartbeats = 0;
		LeaderInformation target = this.leader;
		LeaderId token = this.leaderId;
		logger.info("TaskManager {} registers at the ResourceManager of {} ({})", this.resourceId, target.address(),
				reason);
		Executor mainThread = getMainThreadExecutor();
		RpcService rpcService = getRpcService();
		// connected anew on every attempt: a connection to a leader that restarted at the same address is not reused
		CompletableFuture<ResourceManagerGateway> rm = rpcService.connect(
				LeaderAddresses.sibling(target.address(), "resourcemanager"), token, ResourceManagerGateway.class);
		CompletableFuture<JobMasterGateway> jm = rpcService.connect(target.address(), token, JobMasterGateway.class);
		rm.thenCombine(jm, (resourceManagerGateway, jobMasterGateway) -> {
			if (target.equals(this.leader)) {
				this.resourceManager = resourceManagerGateway;
				this.jobMaster = jobMasterGateway;
			}
			return resourceManagerGateway;
		})
			.thenComposeAsync(this::registerAt, mainThread)
			.thenComposeAsync((response) -> offerSlots(rm.join(), response), mainThread)
			.whenCompleteAsync((registered, failure) -> {
				this.connecting = false;
				if (!target.equals(this.leader)) {
					// the leader changed meanwhile: register at the new one
					connectToResourceManager("the leader changed while registering");
				}
				else if (failure != null) {
					this.registrationId = null;
					logger.warn("TaskManager {} could not register ({}); retrying in {} ms", this.resourceId,
							rootMessage(failure), this.properties.getRegistrationRetryDelay().toMillis());
					scheduleRunAsync(() -> connectToResourceManager("retry"),
							this.properties.getRegistrationRetryDelay());
				}
				else {
					this.registrationId = registered;
					logger.info("TaskManager {} registered under leader {} (registration {})", this.resourceId,
							token.shortString(), registered);
				}
			}, mainThread);
	}

	private CompletableFuture<RegistrationResponse> registerAt(ResourceManagerGateway rm) {
		// Whatever ran under an earlier registration was failed and redeployed by the JobMaster (or
		// is restored from a checkpoint by a new leader).
		List<SimulatedTask> orphans = this.slots.releaseAll();
		for (SimulatedTask task : orphans) {
			task.cancel();
		}
		if (!orphans.isEmpty()) {
			logger.info("Cancelled {} tasks of the previous registration", orphans.size());
		}
		return rm.registerTaskExecutor(new TaskExecutorRegistration(this.resourceId, getAddress(), webUrl(),
				this.slots.numberOfSlots()));
	}

	private CompletableFuture<String> offerSlots(ResourceManagerGateway rm, RegistrationResponse response) {
		if (!response.accepted()) {
			return CompletableFuture.failedFuture(new IllegalStateException("Registration refused: " + response.reason()));
		}
		List<CompletableFuture<Acknowledge>> offers = new ArrayList<>();
		for (int i = 0; i < this.slots.numberOfSlots(); i++) {
			offers.add(rm.requestSlot(new SlotOffer(this.resourceId, response.registrationId(), i)));
		}
		return CompletableFuture.allOf(offers.toArray(CompletableFuture[]::new))
			.thenApply((done) -> response.registrationId());
	}

	private void heartbeat() {
		String registration = this.registrationId;
		if (registration != null && this.resourceManager != null) {
			HeartbeatPayload payload = new HeartbeatPayload(this.resourceId, registration, this.slots.taskCount(),
					mailboxDepth());
			this.resourceManager.sendHeartbeat(payload)
				.whenCompleteAsync((response, failure) -> onHeartbeatAnswer(registration, response, failure),
						getMainThreadExecutor());
		}
		scheduleRunAsync(this::heartbeat, this.properties.getHeartbeatInterval());
	}

	private void onHeartbeatAnswer(String registration, HeartbeatResponse response, Throwable failure) {
		if (!registration.equals(this.registrationId)) {
			return;
		}
		if (failure == null && response == HeartbeatResponse.ACCEPTED) {
			this.missedHeartbeats = 0;
		}
		else if (failure == null) {
			connectToResourceManager("the ResourceManager does not know registration " + registration);
		}
		else if (hasCause(failure, FencingTokenException.class)) {
			connectToResourceManager("the ResourceManager refused the fencing token: " + rootMessage(failure));
		}
		else if (++this.missedHeartbeats >= this.properties.getMaxMissedHeartbeats()) {
			connectToResourceManager(this.missedHeartbeats + " heartbeats unanswered: " + rootMessage(failure));
		}
	}

	// ------------------------------------------------------------------------
	// Tasks → main thread
	// ------------------------------------------------------------------------

	private void onTaskRunning(SimulatedTask task) {
		if (this.slots.get(task.executionId()) == task && task.leaderId().equals(this.leaderId)) {
			report(task.executionId(), ExecutionState.RUNNING, null);
		}
	}

	private void onTaskEnded(SimulatedTask task, ExecutionState finalState, String failureCause) {
		if (this.slots.remove(task) && task.leaderId().equals(this.leaderId)) {
			report(task.executionId(), finalState, failureCause);
			logger.info("Task {} {} after {} records", task.executionId(), finalState, task.recordsProcessed());
		}
	}

	private void report(ExecutionAttemptId executionId, ExecutionState state, String failureCause) {
		JobMasterGateway target = this.jobMaster;
		if (target == null) {
			logger.info("Not reporting {} of task {}: no leader's JobMaster is connected", state, executionId);
			return;
		}
		target.updateTaskExecutionState(new TaskExecutionState(executionId, this.resourceId, state, failureCause))
			.exceptionally((ex) -> {
				logger.warn("Could not report {} of task {} to the JobMaster: {}", state, executionId, rootMessage(ex));
				return null;
			});
	}

	private int mailboxDepth() {
		for (RpcEndpointView view : getRpcService().getEndpointViews()) {
			if (ENDPOINT_ID.equals(view.getEndpointId())) {
				return view.getMailboxDepth();
			}
		}
		return 0;
	}

	private String webUrl() {
		String port = this.environment.getProperty("local.server.port");
		return (port != null) ? "http://" + getHostname() + ":" + port : "";
	}

	private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	/** Leader changes go to the main thread; retrieval's thread. */
	private final class LeaderFollower implements LeaderRetrievalListener {

		@Override
		public void notifyLeaderAddress(LeaderInformation leader) {
			runAsync(() -> onLeader(leader));
		}

		@Override
		public void notifyNoLeader() {
			runAsync(TaskExecutor.this::onNoLeader);
		}

		@Override
		public void handleError(Throwable error) {
			logger.error("Leader retrieval failed; TaskManager {} keeps its last known leader", TaskExecutor.this.resourceId,
					error);
		}

	}

	/** Worker-thread callbacks of the tasks: state changes go to the main thread. */
	private final class WorkerCallbacks implements TaskListener {

		@Override
		public void running(SimulatedTask task) {
			getMainThreadExecutor().execute(() -> onTaskRunning(task));
		}

		@Override
		public void checkpointTaken(SimulatedTask task, long checkpointId, TaskStateSnapshot snapshot) {
			JobMasterGateway target = TaskExecutor.this.jobMaster;
			// a checkpoint of an earlier leader's task means nothing to the current one
			if (target != null && task.leaderId().equals(TaskExecutor.this.leaderId)) {
				try {
					target.acknowledgeCheckpoint(task.executionId(), checkpointId, snapshot);
				}
				catch (RpcRuntimeException ex) {
					// A JobMaster this TaskManager cannot reach (a partition not yet declared) loses one
					// acknowledgement, and the checkpoint times out there; the task itself is fine and goes on.
					logger.warn("TaskManager {} could not acknowledge checkpoint {} of {}: {}",
							TaskExecutor.this.resourceId, checkpointId, task.executionId(), ex.getMessage());
				}
			}
		}

		@Override
		public void ended(SimulatedTask task, ExecutionState finalState, String failureCause) {
			getMainThreadExecutor().execute(() -> onTaskEnded(task, finalState, failureCause));
		}

	}

}
