package org.actorrpc.demo.jobmaster.ha;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import org.actorrpc.RpcService;
import org.actorrpc.demo.api.LeaderId;
import org.actorrpc.demo.jobmaster.ClusterProperties;
import org.actorrpc.demo.jobmaster.LeaderSession;
import org.actorrpc.demo.jobmaster.dispatcher.Dispatcher;
import org.actorrpc.demo.jobmaster.execution.JobMaster;
import org.actorrpc.demo.jobmaster.resourcemanager.ResourceManager;
import org.actorrpc.ha.HighAvailabilityServices;
import org.actorrpc.ha.LeaderContender;
import org.actorrpc.ha.LeaderElection;
import org.actorrpc.ha.LeaderInformation;
import org.actorrpc.ha.LeaderRetrievalListener;
import org.actorrpc.ha.LeaderRetrievalService;
import org.actorrpc.spring.boot.autoconfigure.RpcEndpointLifecycle;

/**
 * Makes this JobMaster process contend for the leadership of the cluster (component
 * {@value #COMPONENT_ID}) and serve while it leads. On a grant it reads the jobs of the previous
 * leader from the {@link JobStore}, starts a JobMaster and a ResourceManager fenced with the new
 * session id (one pair of endpoint instances per leadership term, since a fencing token is fixed
 * per endpoint), which restore the jobs from their last completed checkpoints, publishes the
 * JobMaster's address (confirming the leadership) and tells the Dispatcher. On a revocation it
 * stops both endpoints at once. It also follows the leader through leader retrieval, for the
 * standby's Dispatcher and the dashboard.
 *
 * <p>Without high availability the standalone services grant the leadership at once with the
 * all-zero session id, so the same code serves a single JobMaster.
 *
 * <p><b>Threading:</b> the election's and the retrieval's callbacks only hand over to this
 * class's own thread ({@code jobmaster-leadership}), which runs grants and revocations one at a
 * time in order; the job store's writes run on another thread ({@code jobmaster-job-store}). The
 * lifecycle methods are called by the context, one at a time.
 */
@Component
public class ClusterLeadership implements SmartLifecycle, LeaderContender {

	/** The component the JobMaster processes elect a leader for. */
	public static final String COMPONENT_ID = "jobmaster";

	private static final Logger logger = LoggerFactory.getLogger(ClusterLeadership.class);

	private static final Duration ENDPOINT_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration RECOVERY_RETRY_DELAY = Duration.ofSeconds(1);

	private final RpcService rpcService;

	private final HighAvailabilityServices highAvailability;

	private final JobStoreFactory jobStores;

	private final ClusterProperties properties;

	private final Dispatcher dispatcher;

	private final LeadershipStatus status;

	private final ScheduledExecutorService leadershipThread;

	private final ExecutorService storeThread;

	private LeaderElection election;

	private LeaderRetrievalService retrieval;

	private volatile boolean running;

	/** The endpoints of the current term; leadership thread only. */
	private Term term;

	/**
	 * Creates the leadership of this process.
	 * @param rpcService the RPC service the leader's endpoints run on
	 * @param highAvailability leader election and retrieval
	 * @param jobStores opens the job store of a session
	 * @param properties cluster settings for the endpoints
	 * @param dispatcher this process's Dispatcher
	 * @param status where the REST API reads who leads
	 */
	public ClusterLeadership(RpcService rpcService, HighAvailabilityServices highAvailability,
			JobStoreFactory jobStores, ClusterProperties properties, Dispatcher dispatcher, LeadershipStatus status) {
		this.rpcService = rpcService;
		this.highAvailability = highAvailability;
		this.jobStores = jobStores;
		this.properties = properties;
		this.dispatcher = dispatcher;
		this.status = status;
		this.leadershipThread = Executors.newSingleThreadScheduledExecutor((runnable) -> thread(runnable,
				"jobmaster-leadership"));
		this.storeThread = Executors.newSingleThreadExecutor((runnable) -> thread(runnable, "jobmaster-job-store"));
	}

	private static Thread thread(Runnable runnable, String name) {
		Thread thread = new Thread(runnable, name);
		thread.setDaemon(true);
		return thread;
	}

	@Override
	public void start() {
		this.retrieval = this.highAvailability.createLeaderRetrievalService(COMPONENT_ID);
		this.retrieval.start(new LeaderFollower());
		this.election = this.highAvailability.createLeaderElection(COMPONENT_ID);
		this.election.startLeaderElection(this);
		this.running = true;
		logger.info("JobMaster process contends for the leadership of '{}'", COMPONENT_ID);
	}

	@Override
	public void stop() {
		this.running = false;
		// the revocation is queued on the leadership thread; the shutdown below lets it run first
		this.election.close();
		this.retrieval.stop();
		this.leadershipThread.execute(this::endTerm);
		this.leadershipThread.shutdown();
		try {
			if (!this.leadershipThread.awaitTermination(ENDPOINT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				logger.warn("The leader's endpoints did not stop within {} s", ENDPOINT_TIMEOUT.toSeconds());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.storeThread.shutdown();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** After the endpoints (the Dispatcher) have started; stopped before them. */
	@Override
	public int getPhase() {
		return RpcEndpointLifecycle.PHASE + 1;
	}

	@Override
	public void grantLeadership(UUID leaderSessionId) {
		this.leadershipThread.execute(() -> beginTerm(leaderSessionId));
	}

	@Override
	public void revokeLeadership() {
		this.leadershipThread.execute(this::endTerm);
	}

	@Override
	public void handleError(Throwable error) {
		logger.error("The leader election of '{}' failed; this JobMaster no longer leads", COMPONENT_ID, error);
		this.leadershipThread.execute(this::endTerm);
	}

	/** Leadership thread. */
	private void beginTerm(UUID session) {
		if (this.term != null && this.term.session().equals(session)) {
			return;
		}
		endTerm();
		if (!this.election.hasLeadership(session)) {
			return;
		}
		JobStore store = this.jobStores.open(session);
		List<RecoveredJob> recovered;
		try {
			recovered = store.recoverJobs();
		}
		catch (Exception ex) {
			// without its jobs a leader must not serve: it would forget them for good
			logger.error("Leader session {} could not read the job store; retrying in {} ms", session,
					RECOVERY_RETRY_DELAY.toMillis(), ex);
			this.leadershipThread.schedule(() -> beginTerm(session), RECOVERY_RETRY_DELAY.toMillis(),
					TimeUnit.MILLISECONDS);
			return;
		}
		JobStoreWriter writer = new JobStoreWriter(store, this.storeThread);
		LeaderSession leaderSession = new LeaderSession(new LeaderId(session));
		ResourceManager resourceManager = new ResourceManager(this.rpcService, leaderSession, this.properties);
		JobMaster jobMaster = new JobMaster(this.rpcService, leaderSession, this.properties, writer, recovered);
		resourceManager.start();
		jobMaster.start();
		this.term = new Term(session, jobMaster, resourceManager);
		logger.info("Leading under session {}: {} jobs recovered, publishing {}", session, recovered.size(),
				jobMaster.getAddress());
		try {
			// published before the Dispatcher accepts jobs: the job store writes only under the published leader
			this.election.confirmLeadership(session, jobMaster.getAddress())
				.get(ENDPOINT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			logger.error("Could not publish the leadership of session {}; its job store writes will fail", session,
					ex);
		}
		this.dispatcher.grantLeadership(leaderSession, writer,
				recovered.stream().map(RecoveredJob::jobGraph).toList());
		this.status.leading(true);
	}

	/** Leadership thread: stops the current term's endpoints and waits for them. */
	private void endTerm() {
		Term ending = this.term;
		if (ending == null) {
			return;
		}
		this.term = null;
		this.status.leading(false);
		this.dispatcher.revokeLeadership();
		logger.info("Leadership of session {} ended: stopping its JobMaster and ResourceManager", ending.session());
		try {
			CompletableFuture.allOf(ending.jobMaster().closeAsync(), ending.resourceManager().closeAsync())
				.get(ENDPOINT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			logger.warn("The endpoints of session {} did not stop cleanly", ending.session(), ex);
		}
	}

	/** The endpoints serving one leadership term. */
	private record Term(UUID session, JobMaster jobMaster, ResourceManager resourceManager) {

	}

	/** Hands leader changes to the Dispatcher and the status; retrieval's thread. */
	private final class LeaderFollower implements LeaderRetrievalListener {

		@Override
		public void notifyLeaderAddress(LeaderInformation leader) {
			logger.info("Leader of '{}': {} (session {})", COMPONENT_ID, leader.address(), leader.sessionId());
			ClusterLeadership.this.status.leader(leader);
			ClusterLeadership.this.dispatcher.leaderChanged(leader);
		}

		@Override
		public void notifyNoLeader() {
			logger.info("No leader of '{}' at the moment", COMPONENT_ID);
			ClusterLeadership.this.status.leader(null);
			ClusterLeadership.this.dispatcher.leaderChanged(null);
		}

		@Override
		public void handleError(Throwable error) {
			logger.error("Leader retrieval of '{}' failed", COMPONENT_ID, error);
		}

	}

}
