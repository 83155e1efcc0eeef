package org.actorrpc.demo.api;

import java.util.List;

/**
 * Everything the JobMaster knows about one job.
 *
 * @param jobId the job id
 * @param name the job's name
 * @param status current status
 * @param parallelism number of subtasks
 * @param taskDurationMillis simulated work per subtask
 * @param submittedAtMillis submission time, epoch milliseconds
 * @param finishedAtMillis time the job reached a terminal status, epoch milliseconds; 0 before
 * @param redeployments how many task attempts were redeployed after a failure
 * @param tasks the current attempt of every subtask, by subtask index
 * @param checkpoints the most recent checkpoints, oldest first
 * @param restoredCheckpointId the completed checkpoint the job was restored from when a new leader
 * took it over, or 0 when it was never restored
 * @param journalSequence the JobMaster message that read these details, as numbered in its journal:
 * a replay of the journal to this message rebuilds exactly this state; 0 when the JobMaster is not
 * journaled
 */
public record JobDetails(String jobId, String name, JobStatus status, int parallelism, long taskDurationMillis,
		long submittedAtMillis, long finishedAtMillis, int redeployments, List<TaskDetails> tasks,
		List<CheckpointDetails> checkpoints, long restoredCheckpointId, long journalSequence) {

	/**
	 * Copies the lists.
	 */
	public JobDetails {
		tasks = List.copyOf(tasks);
		checkpoints = List.copyOf(checkpoints);
	}

	/**
	 * Creates the details of a job, read outside a journaled message.
	 * @param jobId the job id
	 * @param name the name
	 * @param status the status
	 * @param parallelism the parallelism
	 * @param taskDurationMillis work per subtask
	 * @param submittedAtMillis submission time
	 * @param finishedAtMillis end time or 0
	 * @param redeployments redeployed attempts
	 * @param tasks the tasks
	 * @param checkpoints the checkpoints
	 * @param restoredCheckpointId the checkpoint restored from, or 0
	 */
	public JobDetails(String jobId, String name, JobStatus status, int parallelism, long taskDurationMillis,
			long submittedAtMillis, long finishedAtMillis, int redeployments, List<TaskDetails> tasks,
			List<CheckpointDetails> checkpoints, long restoredCheckpointId) {
		this(jobId, name, status, parallelism, taskDurationMillis, submittedAtMillis, finishedAtMillis, redeployments,
				tasks, checkpoints, restoredCheckpointId, 0);
	}

	/**
	 * Creates the details of a job that was never restored from a checkpoint.
	 * @param jobId the job id
	 * @param name the name
	 * @param status the status
	 * @param parallelism the parallelism
	 * @param taskDurationMillis work per subtask
	 * @param submittedAtMillis submission time
	 * @param finishedAtMillis end time or 0
	 * @param redeployments redeployed attempts
	 * @param tasks the tasks
	 * @param checkpoints the checkpoints
	 */
	public JobDetails(String jobId, String name, JobStatus status, int parallelism, long taskDurationMillis,
			long submittedAtMillis, long finishedAtMillis, int redeployments, List<TaskDetails> tasks,
			List<CheckpointDetails> checkpoints) {
		this(jobId, name, status, parallelism, taskDurationMillis, submittedAtMillis, finishedAtMillis, redeployments,
				tasks, checkpoints, 0);
	}

	/**
	 * Returns these details as read by the given journaled message.
	 * @param sequence the JobMaster message's journal sequence number
	 * @return the details with that number
	 */
	public JobDetails withJournalSequence(long sequence) {
		return new JobDetails(this.jobId, this.name, this.status, this.parallelism, this.taskDurationMillis,
				this.submittedAtMillis, this.finishedAtMillis, this.redeployments, this.tasks, this.checkpoints,
				this.restoredCheckpointId, sequence);
	}

}
