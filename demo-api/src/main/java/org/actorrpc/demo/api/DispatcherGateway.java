package org.actorrpc.demo.api;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcGateway;

/**
 * The Dispatcher: accepts jobs and answers queries about them by asking the JobMaster. The REST
 * API talks only to this gateway.
 */
public interface DispatcherGateway extends RpcGateway {

	/**
	 * Submits a job.
	 * @param submission the job
	 * @return the new job's id
	 */
	CompletableFuture<String> submitJob(JobSubmission submission);

	/**
	 * Lists every job with its status.
	 * @return the jobs, in submission order
	 */
	CompletableFuture<List<JobOverview>> listJobs();

	/**
	 * Returns a job's tasks and checkpoints.
	 * @param jobId the job id
	 * @return the details; fails with {@link UnknownJobException}
	 */
	CompletableFuture<JobDetails> getJobDetails(String jobId);

	/**
	 * Returns a job's checkpoint history.
	 * @param jobId the job id
	 * @return the checkpoints, oldest first; fails with {@link UnknownJobException}
	 */
	CompletableFuture<List<CheckpointDetails>> getCheckpointDetails(String jobId);

	/**
	 * Cancels a job.
	 * @param jobId the job id
	 * @return acknowledged; fails with {@link UnknownJobException}
	 */
	CompletableFuture<Acknowledge> cancelJob(String jobId);

	/**
	 * Lists the TaskManagers known to the ResourceManager.
	 * @return the TaskManagers
	 */
	CompletableFuture<List<TaskManagerInfo>> listTaskManagers();

}
