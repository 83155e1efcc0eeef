package org.actorrpc.demo.jobmaster.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import org.actorrpc.RpcService;
import org.actorrpc.demo.api.CheckpointDetails;
import org.actorrpc.demo.api.JobDetails;
import org.actorrpc.demo.api.JobOverview;
import org.actorrpc.demo.api.TaskManagerInfo;
import org.actorrpc.demo.jobmaster.execution.JobMaster;
import org.actorrpc.demo.jobmaster.ha.LeadershipStatus;

/**
 * The cluster's REST API. Every request is answered by the Dispatcher endpoint (an RPC through
 * its mailbox); see {@link RestExceptionHandler} for the error answers. Stateless, so Tomcat's
 * request threads share it safely; they block at most 10 seconds per request.
 */
@RestController
class JobsController {

	private final DispatcherClient dispatcher;

	private final LeadershipStatus leadership;

	private final RpcService rpcService;

	JobsController(DispatcherClient dispatcher, LeadershipStatus leadership, RpcService rpcService) {
		this.dispatcher = dispatcher;
		this.leadership = leadership;
		this.rpcService = rpcService;
	}

	@PostMapping("/jobs")
	ResponseEntity<Map<String, String>> submit(@RequestBody JobSubmissionRequest request) {
		String jobId = this.dispatcher.await(this.dispatcher.gateway().submitJob(request.toSubmission()));
		return ResponseEntity.created(URI.create("/jobs/" + jobId)).body(Map.of("jobId", jobId));
	}

	@GetMapping("/jobs")
	List<JobOverview> jobs() {
		return this.dispatcher.await(this.dispatcher.gateway().listJobs());
	}

	@GetMapping("/jobs/{jobId}")
	JobDetails job(@PathVariable String jobId) {
		return this.dispatcher.await(this.dispatcher.gateway().getJobDetails(jobId));
	}

	@GetMapping("/jobs/{jobId}/checkpoints")
	List<CheckpointDetails> checkpoints(@PathVariable String jobId) {
		return this.dispatcher.await(this.dispatcher.gateway().getCheckpointDetails(jobId));
	}

	@PostMapping("/jobs/{jobId}/cancel")
	ResponseEntity<Map<String, String>> cancel(@PathVariable String jobId) {
		this.dispatcher.await(this.dispatcher.gateway().cancelJob(jobId));
		return ResponseEntity.accepted().body(Map.of("jobId", jobId, "status", "CANCELLING"));
	}

	@GetMapping("/taskmanagers")
	List<TaskManagerInfo> taskManagers() {
		return this.dispatcher.await(this.dispatcher.gateway().listTaskManagers());
	}

	/**
	 * Who leads: {@code role} is {@code LEADER} when this process leads, {@code STANDBY} when
	 * another one does, {@code NO_LEADER} during a failover; {@code leaderId} and
	 * {@code jobMasterAddress} are the leader's session id and JobMaster address ({@code null}
	 * without a leader); {@code thisJobMaster} is the address this process serves on when it leads.
	 * @return the leadership as this process sees it
	 */
	@GetMapping("/cluster")
	Map<String, String> cluster() {
		LeadershipStatus.Snapshot status = this.leadership.snapshot();
		String role = status.leading() ? "LEADER" : (status.leaderAddress() != null) ? "STANDBY" : "NO_LEADER";
		Map<String, String> cluster = new LinkedHashMap<>();
		cluster.put("role", role);
		cluster.put("leaderId", (status.leaderSessionId() != null) ? status.leaderSessionId().toString() : null);
		cluster.put("jobMasterAddress", status.leaderAddress());
		cluster.put("thisJobMaster", this.rpcService.getEndpointAddress(JobMaster.ENDPOINT_ID));
		return cluster;
	}

}
