package org.actorrpc.demo.jobmaster.dispatcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcService;
import org.actorrpc.demo.api.Acknowledge;
import org.actorrpc.demo.api.CheckpointDetails;
import org.actorrpc.demo.api.DispatcherGateway;
import org.actorrpc.demo.api.JobDetails;
import org.actorrpc.demo.api.JobGraph;
import org.actorrpc.demo.api.JobMasterGateway;
import org.actorrpc.demo.api.JobOverview;
import org.actorrpc.demo.api.JobSubmission;
import org.actorrpc.demo.api.LeaderAddresses;
import org.actorrpc.demo.api.ResourceManagerGateway;
import org.actorrpc.demo.api.TaskManagerInfo;
import org.actorrpc.demo.api.UnknownJobException;
import org.actorrpc.demo.jobmaster.LeaderSession;
import org.actorrpc.demo.jobmaster.execution.JobMaster;
import org.actorrpc.demo.jobmaster.ha.JobStoreWriter;
import org.actorrpc.demo.jobmaster.resourcemanager.ResourceManager;
import org.actorrpc.ha.LeaderInformation;
import org.actorrpc.spring.RpcEndpointComponent;

/**
 * The Dispatcher endpoint: accepts jobs, persists them in the job store, hands them to the
 * JobMaster, and answers every query by calling the JobMaster ({@code requestJobStatus},
 * {@code requestJobDetails}) or the ResourceManager. The REST API talks only to it.
 *
 * <p>It runs in every JobMaster process, leader or standby. While its process leads, it serves
 * from the JobMaster and ResourceManager of the current leader session; on a standby it forwards
 * every call to the leader's Dispatcher, so the REST API and the dashboard of either process show
 * the cluster; while no leader is known, calls fail with a message saying so. The
 * {@link org.actorrpc.demo.jobmaster.ha.ClusterLeadership} tells it of grants, revocations and
 * leader changes.
 *
 * <p><b>Threading:</b> the job registry and the leadership state are plain fields confined to the
 * main thread (the leadership notifications are handed over with {@code runAsync}); answers are
 * composed from futures without blocking the main thread.
 */
@RpcEndpointComponent(Dispatcher.ENDPOINT_ID)
public class Dispatcher extends RpcEndpoint implements DispatcherGateway {

	/** Endpoint id, the last element of the Dispatcher's address. */
	public static final String ENDPOINT_ID = "dispatcher";

	private static final Logger logger = LoggerFactory.getLogger(Dispatcher.class);

	private final Map<String, JobGraph> jobs = new LinkedHashMap<>();

	/** Non-null while this process leads. */
	private LeaderSession session;

	private JobStoreWriter jobStore;

	private CompletableFuture<JobMasterGateway> jobMaster;

	private CompletableFuture<ResourceManagerGateway> resourceManager;

	/** The leader's Dispatcher while another process leads, else null. */
	private CompletableFuture<DispatcherGateway> leaderDispatcher;

	private String leaderDispatcherAddress;

	/**
	 * Creates the Dispatcher.
	 * @param rpcService the RPC service
	 */
	public Dispatcher(RpcService rpcService) {
		super(rpcService, ENDPOINT_ID);
	}

	/**
	 * This process leads under a new session, whose JobMaster and ResourceManager have started.
	 * @param leaderSession the session; its token fences the calls to them
	 * @param jobStore where submitted jobs are persisted
	 * @param recoveredJobs the jobs the JobMaster took over from the store
	 */
	public void grantLeadership(LeaderSession leaderSession, JobStoreWriter jobStore, List<JobGraph> recoveredJobs) {
		runAsync(() -> {
			RpcService rpcService = getRpcService();
			this.session = leaderSession;
			this.jobStore = jobStore;
			this.jobMaster = rpcService.connect(rpcService.getEndpointAddress(JobMaster.ENDPOINT_ID),
					leaderSession.leaderId(), JobMasterGateway.class);
			this.resourceManager = rpcService.connect(rpcService.getEndpointAddress(ResourceManager.ENDPOINT_ID),
					leaderSession.leaderId(), ResourceManagerGateway.class);
			this.jobs.clear();
			for (JobGraph job : recoveredJobs) {
				this.jobs.put(job.jobId(), job);
			}
			this.leaderDispatcher = null;
			this.leaderDispatcherAddress = null;
			logger.info("Dispatcher leads under session {} with {} recovered jobs", leaderSession.leaderId(),
					recoveredJobs.size());
		});
	}

	/**
	 * This process no longer leads: its jobs belong to the next leader.
	 */
	public void revokeLeadership() {
		runAsync(() -> {
			if (this.session != null) {
				logger.info("Dispatcher no longer leads (session {})", this.session.leaderId());
			}
			this.session = null;
			this.jobStore = null;
			this.jobMaster = null;
			this.resourceManager = null;
			this.jobs.clear();
		});
	}

	/**
	 * Leader retrieval announced a leader, or that there is none.
	 * @param leader the leader, or {@code null}
	 */
	public void leaderChanged(LeaderInformation leader) {
		runAsync(() -> {
			String address = (leader != null) ? LeaderAddresses.sibling(leader.address(), ENDPOINT_ID) : null;
			if (address == null || address.equals(getAddress())) {
				this.leaderDispatcher = null;
				this.leaderDispatcherAddress = null;
			}
			else if (!address.equals(this.leaderDispatcherAddress)) {
				this.leaderDispatcherAddress = address;
				this.leaderDispatcher = getRpcService().connect(address, DispatcherGateway.class);
			}
		});
	}

	@Override
	public CompletableFuture<String> submitJob(JobSubmission submission) {
		if (this.session == null) {
			return forward((leader) -> leader.submitJob(submission));
		}
		String jobId = newJobId();
		JobGraph jobGraph = new JobGraph(jobId, submission, System.currentTimeMillis());
		this.jobs.put(jobId, jobGraph);
		CompletableFuture<JobMasterGateway> target = this.jobMaster;
		// persisted before it runs, so that a successor recovers every job that was accepted
		return this.jobStore.putJobGraph(jobGraph).thenCompose((stored) -> target)
			.thenCompose((jm) -> jm.startJob(jobGraph))
			.whenCompleteAsync((ack, failure) -> {
				if (failure != null && this.jobs.get(jobId) == jobGraph) {
					this.jobs.remove(jobId);
				}
			}, getMainThreadExecutor())
			.thenApply((ack) -> jobId);
	}

	@Override
	public CompletableFuture<List<JobOverview>> listJobs() {
		if (this.session == null) {
			return forward(DispatcherGateway::listJobs);
		}
		List<CompletableFuture<JobOverview>> overviews = new ArrayList<>();
		for (JobGraph job : this.jobs.values()) {
			overviews.add(this.jobMaster.thenCompose((jm) -> jm.requestJobStatus(job.jobId()))
				.thenApply((status) -> new JobOverview(job.jobId(), job.submission().name(), status,
						job.submittedAtMillis())));
		}
		return CompletableFuture.allOf(overviews.toArray(CompletableFuture[]::new))
			.thenApply((done) -> overviews.stream().map(CompletableFuture::join).toList());
	}

	@Override
	public CompletableFuture<JobDetails> getJobDetails(String jobId) {
		if (this.session == null) {
			return forward((leader) -> leader.getJobDetails(jobId));
		}
		if (!this.jobs.containsKey(jobId)) {
			return CompletableFuture.failedFuture(new UnknownJobException(jobId));
		}
		return this.jobMaster.thenCompose((jm) -> jm.requestJobDetails(jobId));
	}

	@Override
	public CompletableFuture<List<CheckpointDetails>> getCheckpointDetails(String jobId) {
		return getJobDetails(jobId).thenApply(JobDetails::checkpoints);
	}

	@Override
	public CompletableFuture<Acknowledge> cancelJob(String jobId) {
		if (this.session == null) {
			return forward((leader) -> leader.cancelJob(jobId));
		}
		if (!this.jobs.containsKey(jobId)) {
			return CompletableFuture.failedFuture(new UnknownJobException(jobId));
		}
		return this.jobMaster.thenCompose((jm) -> jm.cancelJob(jobId));
	}

	@Override
	public CompletableFuture<List<TaskManagerInfo>> listTaskManagers() {
		if (this.session == null) {
			return forward(DispatcherGateway::listTaskManagers);
		}
		return this.resourceManager.thenCompose(ResourceManagerGateway::requestTaskManagers);
	}

	/** A standby answers through the leader's Dispatcher. */
	private <T> CompletableFuture<T> forward(Function<DispatcherGateway, CompletableFuture<T>> call) {
		if (this.leaderDispatcher == null) {
			return CompletableFuture.failedFuture(new IllegalStateException(
					"no JobMaster leads the cluster right now (this one is a standby); retry in a few seconds"));
		}
		return this.leaderDispatcher.thenCompose(call);
	}

	private String newJobId() {
		String jobId;
		do {
			jobId = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		}
		while (this.jobs.containsKey(jobId));
		return jobId;
	}

}
