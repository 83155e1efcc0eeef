package org.actorrpc.demo.jobmaster.web;

import java.net.URI;
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
import org.actorrpc.demo.jobmaster.LeaderSession;
import org.actorrpc.demo.jobmaster.execution.JobMaster;

/**
 * The cluster's REST API. Every request is answered by the Dispatcher endpoint (an RPC through
 * its mailbox); see {@link RestExceptionHandler} for the error answers. Stateless, so Tomcat's
 * request threads share it safely; they block at most 10 seconds per request.
 */
@RestController
class JobsController {

	private final DispatcherClient dispatcher;

	private final LeaderSession leaderSession;

	private final RpcService rpcService;

	JobsController(DispatcherClient dispatcher, LeaderSession leaderSession, RpcService rpcService) {
		this.dispatcher = dispatcher;
		this.leaderSession = leaderSession;
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

	@GetMapping("/cluster")
	Map<String, String> cluster() {
		return Map.of("leaderId", this.leaderSession.leaderId().toString(), "jobMasterAddress",
				this.rpcService.getEndpointAddress(JobMaster.ENDPOINT_ID));
	}

}
