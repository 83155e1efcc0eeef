package org.actorrpc.demo.jobmaster.resourcemanager;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.actorrpc.FencedRpcEndpoint;
import org.actorrpc.RpcService;
import org.actorrpc.demo.api.Acknowledge;
import org.actorrpc.demo.api.ExecutionAttemptId;
import org.actorrpc.demo.api.HeartbeatPayload;
import org.actorrpc.demo.api.HeartbeatResponse;
import org.actorrpc.demo.api.JobMasterGateway;
import org.actorrpc.demo.api.LeaderId;
import org.actorrpc.demo.api.RegistrationResponse;
import org.actorrpc.demo.api.ResourceManagerGateway;
import org.actorrpc.demo.api.SlotAssignment;
import org.actorrpc.demo.api.SlotOffer;
import org.actorrpc.demo.api.TaskExecutorRegistration;
import org.actorrpc.demo.api.TaskManagerInfo;
import org.actorrpc.demo.jobmaster.ClusterProperties;
import org.actorrpc.demo.jobmaster.LeaderSession;

/**
 * The ResourceManager endpoint: registers TaskManagers ({@code registerTaskExecutor}), pools their
 * slots ({@code requestSlot}), watches their heartbeats ({@code sendHeartbeat}) and allocates slots
 * to the JobMaster. A TaskManager silent for longer than {@code demo.cluster.heartbeat-timeout} is
 * declared lost and the JobMaster is told ({@code disconnectTaskManager}); so is a TaskManager
 * that says it leaves (its own {@code disconnectTaskManager} on a graceful stop), without waiting
 * for the timeout.
 *
 * <p><b>Threading:</b> the {@link SlotPool} and the {@link HeartbeatMonitor} are confined to this
 * endpoint's main thread; the periodic heartbeat check runs there too ({@code scheduleRunAsync}).
 * Fenced with the leader session's token: a TaskManager still using an earlier leader's token is
 * refused and registers again. One instance serves one leader session: the
 * {@link org.actorrpc.demo.jobmaster.ha.ClusterLeadership} starts it on a grant and stops it on
 * the revocation, so a new leader starts with no registrations and the TaskManagers register again.
 */
public class ResourceManager extends FencedRpcEndpoint<LeaderId> implements ResourceManagerGateway {

	/** Endpoint id, the last element of the ResourceManager's address. */
	public static final String ENDPOINT_ID = "resourcemanager";

	private static final Logger logger = LoggerFactory.getLogger(ResourceManager.class);

	private final ClusterProperties properties;

	private final SlotPool slotPool;

	private final HeartbeatMonitor heartbeats;

	private CompletableFuture<JobMasterGateway> jobMaster;

	/**
	 * Creates the ResourceManager.
	 * @param rpcService the RPC service
	 * @param leaderSession the leader session whose token fences this endpoint
	 * @param properties cluster settings
	 */
	public ResourceManager(RpcService rpcService, LeaderSession leaderSession, ClusterProperties properties) {
		super(rpcService, ENDPOINT_ID, leaderSession.leaderId());
		this.properties = properties;
		this.slotPool = new SlotPool(leaderSession.leaderId().shortString(), this::validateRunsInMainThread);
		this.heartbeats = new HeartbeatMonitor(properties.getHeartbeatTimeout(), this::validateRunsInMainThread);
	}

	@Override
	protected void onStart() {
		this.jobMaster = getRpcService().connect(getRpcService().getEndpointAddress("jobmaster"), getFencingToken(),
				JobMasterGateway.class);
		scheduleRunAsync(this::checkHeartbeats, this.properties.getHeartbeatCheckInterval());
	}

	@Override
	public CompletableFuture<RegistrationResponse> registerTaskExecutor(TaskExecutorRegistration registration) {
		SlotPool.Registered registered = this.slotPool.register(registration, getClock().millis());
		this.heartbeats.recordHeartbeat(registration.resourceId(), getClock().millis());
		logger.info("TaskManager {} registered from {} with {} slots (registration {})", registration.resourceId(),
				registration.address(), registration.numberOfSlots(), registered.registrationId());
		if (!registered.droppedExecutions().isEmpty()) {
			disconnect(registration.resourceId(), "TaskManager " + registration.resourceId()
					+ " registered again; the tasks of its previous registration are gone");
		}
		return CompletableFuture.completedFuture(RegistrationResponse.accepted(registered.registrationId()));
	}

	@Override
	public CompletableFuture<Acknowledge> requestSlot(SlotOffer offer) {
		try {
			this.slotPool.offerSlot(offer);
			return CompletableFuture.completedFuture(Acknowledge.INSTANCE);
		}
		catch (IllegalArgumentException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	@Override
	public CompletableFuture<HeartbeatResponse> sendHeartbeat(HeartbeatPayload heartbeat) {
		if (!this.slotPool.isRegistered(heartbeat.resourceId(), heartbeat.registrationId())) {
			return CompletableFuture.completedFuture(HeartbeatResponse.UNKNOWN_TASK_EXECUTOR);
		}
		this.heartbeats.recordHeartbeat(heartbeat.resourceId(), getClock().millis());
		this.slotPool.updateReportedMailboxDepth(heartbeat.resourceId(), heartbeat.mailboxDepth());
		return CompletableFuture.completedFuture(HeartbeatResponse.ACCEPTED);
	}

	@Override
	public CompletableFuture<Acknowledge> disconnectTaskManager(String resourceId, String registrationId,
			String cause) {
		Optional<List<ExecutionAttemptId>> executions = this.slotPool.disconnect(resourceId, registrationId);
		if (executions.isEmpty()) {
			logger.info("Ignored the disconnect of TaskManager {} for registration {}, which is not current ({})",
					resourceId, registrationId, cause);
			return CompletableFuture.completedFuture(Acknowledge.INSTANCE);
		}
		this.heartbeats.unmonitor(resourceId);
		logger.info("TaskManager {} disconnected ({}): {} tasks affected", resourceId, cause, executions.get().size());
		disconnect(resourceId, "TaskManager " + resourceId + " disconnected: " + cause);
		return CompletableFuture.completedFuture(Acknowledge.INSTANCE);
	}

	@Override
	public CompletableFuture<SlotAssignment> allocateSlot(ExecutionAttemptId executionId) {
		return this.slotPool.allocate(executionId)
			.map(CompletableFuture::completedFuture)
			.orElseGet(() -> CompletableFuture.failedFuture(new IllegalStateException(
					"No free slot for " + executionId + ": every slot of the registered TaskManagers is in use")));
	}

	@Override
	public void releaseSlot(String slotId, ExecutionAttemptId executionId) {
		this.slotPool.release(slotId, executionId);
	}

	@Override
	public CompletableFuture<List<TaskManagerInfo>> requestTaskManagers() {
		return CompletableFuture.completedFuture(this.slotPool.describe(this.heartbeats));
	}

	private void checkHeartbeats() {
		for (String resourceId : this.heartbeats.removeExpired(getClock().millis())) {
			List<ExecutionAttemptId> executions = this.slotPool.markLost(resourceId);
			logger.warn("TaskManager {} missed its heartbeats for more than {} ms: declared lost ({} tasks affected)",
					resourceId, this.properties.getHeartbeatTimeout().toMillis(), executions.size());
			disconnect(resourceId, "TaskManager " + resourceId + " missed its heartbeats for more than "
					+ this.properties.getHeartbeatTimeout().toMillis() + " ms");
		}
		scheduleRunAsync(this::checkHeartbeats, this.properties.getHeartbeatCheckInterval());
	}

	private void disconnect(String resourceId, String cause) {
		this.jobMaster.thenAccept((gateway) -> gateway.disconnectTaskManager(resourceId, cause)).exceptionally((ex) -> {
			logger.error("Could not tell the JobMaster that TaskManager {} is gone", resourceId, ex);
			return null;
		});
	}

}
