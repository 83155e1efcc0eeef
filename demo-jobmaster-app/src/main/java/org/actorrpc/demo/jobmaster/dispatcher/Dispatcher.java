package org.actorrpc.demo.jobmaster.dispatcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

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
import org.actorrpc.demo.api.ResourceManagerGateway;
import org.actorrpc.demo.api.TaskManagerInfo;
import org.actorrpc.demo.api.UnknownJobException;
import org.actorrpc.demo.jobmaster.LeaderSession;
import org.actorrpc.spring.RpcEndpointComponent;

/**
 * The Dispatcher endpoint: accepts jobs, hands them to the JobMaster, and answers every query by
 * calling the JobMaster ({@code requestJobStatus}, {@code requestJobDetails}) or the
 * ResourceManager. The REST API talks only to it.
 *
 * <p><b>Threading:</b> the job registry is a plain map confined to the main thread; answers are
 * composed from the JobMaster's futures without blocking the main thread.
 */
@RpcEndpointComponent(Dispatcher.ENDPOINT_ID)
public class Dispatcher extends RpcEndpoint implements DispatcherGateway {

	/** Endpoint id, the last element of the Dispatcher's address. */
	public static final String ENDPOINT_ID = "dispatcher";

	private final LeaderSession leaderSession;

	private final Map<String, JobGraph> jobs = new LinkedHashMap<>();

	private CompletableFuture<JobMasterGateway> jobMaster;

	private CompletableFuture<ResourceManagerGateway> resourceManager;

	/**
	 * Creates the Dispatcher.
	 * @param rpcService the RPC service
	 * @param leaderSession the leader session, whose token the Dispatcher's calls carry
	 */
	public Dispatcher(RpcService rpcService, LeaderSession leaderSession) {
		super(rpcService, ENDPOINT_ID);
		this.leaderSession = leaderSession;
	}

	@Override
	protected void onStart() {
		RpcService rpcService = getRpcService();
		this.jobMaster = rpcService.connect(rpcService.getEndpointAddress("jobmaster"), this.leaderSession.leaderId(),
				JobMasterGateway.class);
		this.resourceManager = rpcService.connect(rpcService.getEndpointAddress("resourcemanager"),
				this.leaderSession.leaderId(), ResourceManagerGateway.class);
	}

	@Override
	public CompletableFuture<String> submitJob(JobSubmission submission) {
		String jobId = newJobId();
		JobGraph jobGraph = new JobGraph(jobId, submission, System.currentTimeMillis());
		this.jobs.put(jobId, jobGraph);
		return this.jobMaster.thenCompose((jm) -> jm.startJob(jobGraph)).thenApply((ack) -> jobId);
	}

	@Override
	public CompletableFuture<List<JobOverview>> listJobs() {
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
		if (!this.jobs.containsKey(jobId)) {
			return CompletableFuture.failedFuture(new UnknownJobException(jobId));
		}
		return this.jobMaster.thenCompose((jm) -> jm.cancelJob(jobId));
	}

	@Override
	public CompletableFuture<List<TaskManagerInfo>> listTaskManagers() {
		return this.resourceManager.thenCompose(ResourceManagerGateway::requestTaskManagers);
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
