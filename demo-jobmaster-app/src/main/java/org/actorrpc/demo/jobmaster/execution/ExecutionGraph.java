package org.actorrpc.demo.jobmaster.execution;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

import org.actorrpc.demo.api.CheckpointDetails;
import org.actorrpc.demo.api.ExecutionAttemptId;
import org.actorrpc.demo.api.ExecutionState;
import org.actorrpc.demo.api.JobDetails;
import org.actorrpc.demo.api.JobGraph;
import org.actorrpc.demo.api.JobStatus;
import org.actorrpc.demo.api.TaskDetails;
import org.actorrpc.demo.api.TaskStateSnapshot;
import org.actorrpc.demo.jobmaster.ha.CompletedCheckpoint;

/**
 * The JobMaster's view of one job: every subtask's current execution attempt and its state, and
 * the job's status.
 *
 * <p><b>Threading:</b> confined to the JobMaster endpoint's main thread, like Flink's
 * ExecutionGraph. It holds no locks and no concurrent collections; every public method first runs
 * the main-thread check given at construction ({@code RpcEndpoint::validateRunsInMainThread}) and
 * throws {@link IllegalStateException} when called from another thread.
 */
public final class ExecutionGraph {

	private final JobGraph jobGraph;

	private final Runnable mainThreadCheck;

	private final LongSupplier clock;

	private final int maxAttemptsPerSubtask;

	private final List<ExecutionVertex> vertices;

	private JobStatus status = JobStatus.CREATED;

	private long finishedAtMillis;

	private int redeployments;

	private long restoredCheckpointId;

	/**
	 * Creates the graph of a job, every subtask in CREATED.
	 * @param jobGraph the job
	 * @param maxAttemptsPerSubtask attempts a subtask may use before the job fails
	 * @param mainThreadCheck throws when not called on the owning main thread
	 * @param clock epoch milliseconds
	 */
	public ExecutionGraph(JobGraph jobGraph, int maxAttemptsPerSubtask, Runnable mainThreadCheck,
			LongSupplier clock) {
		this.jobGraph = Objects.requireNonNull(jobGraph, "jobGraph");
		this.mainThreadCheck = Objects.requireNonNull(mainThreadCheck, "mainThreadCheck");
		this.clock = Objects.requireNonNull(clock, "clock");
		if (maxAttemptsPerSubtask < 1) {
			throw new IllegalArgumentException("maxAttemptsPerSubtask must be >= 1, got " + maxAttemptsPerSubtask);
		}
		this.maxAttemptsPerSubtask = maxAttemptsPerSubtask;
		long now = clock.getAsLong();
		int parallelism = jobGraph.submission().parallelism();
		this.vertices = new ArrayList<>(parallelism);
		for (int i = 0; i < parallelism; i++) {
			this.vertices.add(new ExecutionVertex(jobGraph.jobId(), i, now));
		}
	}

	/**
	 * Returns the job id.
	 * @return the job id
	 */
	public String getJobId() {
		return this.jobGraph.jobId();
	}

	/**
	 * Returns the job as submitted.
	 * @return the job graph
	 */
	public JobGraph getJobGraph() {
		return this.jobGraph;
	}

	/**
	 * Returns the job status.
	 * @return the status
	 */
	public JobStatus getStatus() {
		this.mainThreadCheck.run();
		return this.status;
	}

	/**
	 * Restores a job taken over from a previous leader: subtasks that had finished at the
	 * checkpoint are FINISHED, the others resume from their snapshot in it when deployed. Call
	 * before scheduling.
	 * @param checkpoint the last completed checkpoint of the job
	 */
	public void restoreFrom(CompletedCheckpoint checkpoint) {
		this.mainThreadCheck.run();
		long now = this.clock.getAsLong();
		for (ExecutionVertex vertex : this.vertices) {
			int subtask = vertex.currentExecutionId().subtaskIndex();
			if (checkpoint.finishedSubtasks().contains(subtask)) {
				vertex.transitionTo(ExecutionState.FINISHED, now);
			}
			else {
				vertex.restoreFrom(checkpoint.subtaskStates().get(subtask));
			}
		}
		this.restoredCheckpointId = checkpoint.checkpointId();
		checkJobTermination(now);
	}

	/**
	 * Returns the state the deployment of an attempt resumes from.
	 * @param executionId the attempt
	 * @return its subtask's snapshot in the latest completed checkpoint, or {@code null} to start
	 * from scratch
	 */
	public TaskStateSnapshot getRestoredState(ExecutionAttemptId executionId) {
		this.mainThreadCheck.run();
		ExecutionVertex vertex = currentVertex(executionId);
		return (vertex != null) ? vertex.restoredState() : null;
	}

	/**
	 * Returns the subtasks that have finished.
	 * @return their indexes
	 */
	public Set<Integer> getFinishedSubtasks() {
		this.mainThreadCheck.run();
		Set<Integer> finished = new HashSet<>();
		for (ExecutionVertex vertex : this.vertices) {
			if (vertex.state() == ExecutionState.FINISHED) {
				finished.add(vertex.currentExecutionId().subtaskIndex());
			}
		}
		return finished;
	}

	/**
	 * Moves every subtask waiting in CREATED to SCHEDULED and returns their attempts: the JobMaster
	 * requests a slot for each. Returns nothing once the job is cancelling or terminal.
	 * @return the attempts that need a slot
	 */
	public List<ExecutionAttemptId> takeExecutionsToSchedule() {
		this.mainThreadCheck.run();
		List<ExecutionAttemptId> result = new ArrayList<>();
		if (this.status != JobStatus.CREATED && this.status != JobStatus.RUNNING) {
			return result;
		}
		long now = this.clock.getAsLong();
		for (ExecutionVertex vertex : this.vertices) {
			if (vertex.state() == ExecutionState.CREATED) {
				vertex.transitionTo(ExecutionState.SCHEDULED, now);
				result.add(vertex.currentExecutionId());
			}
		}
		if (!result.isEmpty() && this.status == JobStatus.CREATED) {
			this.status = JobStatus.RUNNING;
		}
		return result;
	}

	/**
	 * A slot arrived for a scheduled attempt: the attempt moves to DEPLOYING.
	 * @param executionId the attempt
	 * @param resourceId the TaskManager
	 * @param slotId the slot
	 * @return whether the attempt is still current and SCHEDULED; when false the caller must give
	 * the slot back
	 */
	public boolean markDeploying(ExecutionAttemptId executionId, String resourceId, String slotId) {
		this.mainThreadCheck.run();
		ExecutionVertex vertex = currentVertex(executionId);
		if (vertex == null || vertex.state() != ExecutionState.SCHEDULED) {
			return false;
		}
		vertex.assignSlot(resourceId, slotId);
		vertex.transitionTo(ExecutionState.DEPLOYING, this.clock.getAsLong());
		return true;
	}

	/**
	 * Slot allocation for a scheduled attempt failed (no free slot): the attempt goes back to
	 * CREATED so that the next scheduling round retries it. Not counted as a failure.
	 * @param executionId the attempt
	 */
	public void slotRequestFailed(ExecutionAttemptId executionId) {
		this.mainThreadCheck.run();
		ExecutionVertex vertex = currentVertex(executionId);
		if (vertex != null && vertex.state() == ExecutionState.SCHEDULED) {
			vertex.transitionTo(ExecutionState.CREATED, this.clock.getAsLong());
		}
	}

	/**
	 * Applies a transition reported by a TaskManager (or decided by the JobMaster, e.g. a failed
	 * deployment). A FAILED attempt is replaced by a new one in CREATED while the restart budget
	 * lasts; beyond it the job fails. Reports about attempts that are not current are ignored.
	 * @param executionId the attempt
	 * @param newState the new state
	 * @param failureCause why it failed, or {@code null}
	 * @return what was done
	 */
	public StateUpdateResult updateState(ExecutionAttemptId executionId, ExecutionState newState,
			String failureCause) {
		this.mainThreadCheck.run();
		ExecutionVertex vertex = currentVertex(executionId);
		if (vertex == null || vertex.state().isTerminal() || vertex.state() == newState) {
			return StateUpdateResult.IGNORED;
		}
		long now = this.clock.getAsLong();
		if (newState == ExecutionState.CANCELED && this.status != JobStatus.CANCELLING) {
			// Nobody asked for it (e.g. a TaskManager dropped its tasks when it re-registered): a failure.
			newState = ExecutionState.FAILED;
			failureCause = (failureCause != null) ? failureCause : "Task was canceled by its TaskManager";
		}
		if (newState == ExecutionState.FAILED) {
			vertex.fail(failureCause, now);
			StateUpdateResult result = restartOrFailJob(vertex, now);
			checkJobTermination(now);
			return result;
		}
		vertex.transitionTo(newState, now);
		checkJobTermination(now);
		return StateUpdateResult.APPLIED;
	}

	/**
	 * Fails every non-terminal attempt deployed on a TaskManager that was lost, and schedules new
	 * attempts for them (within the restart budget).
	 * @param resourceId the lost TaskManager
	 * @param cause why it was lost
	 * @return the attempts that were failed
	 */
	public List<DeployedExecution> failExecutionsOn(String resourceId, String cause) {
		this.mainThreadCheck.run();
		List<DeployedExecution> failed = new ArrayList<>();
		long now = this.clock.getAsLong();
		for (ExecutionVertex vertex : this.vertices) {
			if (resourceId.equals(vertex.resourceId()) && !vertex.state().isTerminal()) {
				failed.add(deployed(vertex));
				vertex.fail(cause, now);
				restartOrFailJob(vertex, now);
			}
		}
		checkJobTermination(now);
		return failed;
	}

	/**
	 * Starts cancelling the job: subtasks without a slot are CANCELED at once, deployed ones move to
	 * CANCELING and are returned so the JobMaster can call {@code cancelTask} on their TaskManager.
	 * @return the attempts to cancel on TaskManagers; empty when the job is already terminal
	 */
	public List<DeployedExecution> cancel() {
		this.mainThreadCheck.run();
		List<DeployedExecution> toCancel = new ArrayList<>();
		if (this.status.isGloballyTerminal()) {
			return toCancel;
		}
		this.status = JobStatus.CANCELLING;
		long now = this.clock.getAsLong();
		for (ExecutionVertex vertex : this.vertices) {
			ExecutionState state = vertex.state();
			if (state == ExecutionState.CREATED || state == ExecutionState.SCHEDULED) {
				vertex.transitionTo(ExecutionState.CANCELED, now);
			}
			else if (state == ExecutionState.DEPLOYING || state == ExecutionState.RUNNING) {
				vertex.transitionTo(ExecutionState.CANCELING, now);
				toCancel.add(deployed(vertex));
			}
			else if (state == ExecutionState.CANCELING) {
				toCancel.add(deployed(vertex));
			}
		}
		checkJobTermination(now);
		return toCancel;
	}

	/**
	 * Returns the attempts currently RUNNING, with where they run.
	 * @return the running attempts
	 */
	public List<DeployedExecution> getRunningExecutions() {
		this.mainThreadCheck.run();
		List<DeployedExecution> running = new ArrayList<>();
		for (ExecutionVertex vertex : this.vertices) {
			if (vertex.state() == ExecutionState.RUNNING) {
				running.add(deployed(vertex));
			}
		}
		return running;
	}

	/**
	 * Returns where an attempt is deployed, if it is the current attempt of its subtask and has a
	 * slot.
	 * @param executionId the attempt
	 * @return the deployment, or {@code null}
	 */
	public DeployedExecution getDeployment(ExecutionAttemptId executionId) {
		this.mainThreadCheck.run();
		ExecutionVertex vertex = currentVertex(executionId);
		return (vertex != null && vertex.slotId() != null) ? deployed(vertex) : null;
	}

	/**
	 * Returns the state of an attempt's subtask if the attempt is current.
	 * @param executionId the attempt
	 * @return the state, or {@code null} when the attempt is not current
	 */
	public ExecutionState getState(ExecutionAttemptId executionId) {
		this.mainThreadCheck.run();
		ExecutionVertex vertex = currentVertex(executionId);
		return (vertex != null) ? vertex.state() : null;
	}

	/**
	 * Returns a snapshot of the job for queries.
	 * @param checkpoints the checkpoint history to include
	 * @return the details
	 */
	public JobDetails getDetails(List<CheckpointDetails> checkpoints) {
		this.mainThreadCheck.run();
		List<TaskDetails> tasks = new ArrayList<>(this.vertices.size());
		for (ExecutionVertex vertex : this.vertices) {
			tasks.add(vertex.details());
		}
		return new JobDetails(this.jobGraph.jobId(), this.jobGraph.submission().name(), this.status,
				this.jobGraph.submission().parallelism(), this.jobGraph.submission().taskDurationMillis(),
				this.jobGraph.submittedAtMillis(), this.finishedAtMillis, this.redeployments, tasks, checkpoints,
				this.restoredCheckpointId);
	}

	private StateUpdateResult restartOrFailJob(ExecutionVertex vertex, long now) {
		if (this.status == JobStatus.CANCELLING || this.status.isGloballyTerminal()) {
			return StateUpdateResult.APPLIED;
		}
		if (vertex.attemptNumber() + 1 >= this.maxAttemptsPerSubtask) {
			this.status = JobStatus.FAILED;
			this.finishedAtMillis = now;
			for (ExecutionVertex other : this.vertices) {
				if (!other.state().isTerminal()) {
					other.transitionTo(ExecutionState.CANCELED, now);
				}
			}
			return StateUpdateResult.APPLIED;
		}
		vertex.resetForNewAttempt(now);
		this.redeployments++;
		return StateUpdateResult.APPLIED_AND_RESTARTING;
	}

	private void checkJobTermination(long now) {
		if (this.status.isGloballyTerminal()) {
			return;
		}
		boolean allTerminal = true;
		boolean allFinished = true;
		for (ExecutionVertex vertex : this.vertices) {
			allTerminal &= vertex.state().isTerminal();
			allFinished &= vertex.state() == ExecutionState.FINISHED;
		}
		if (this.status == JobStatus.CANCELLING && allTerminal) {
			this.status = JobStatus.CANCELED;
			this.finishedAtMillis = now;
		}
		else if (allFinished) {
			this.status = JobStatus.FINISHED;
			this.finishedAtMillis = now;
		}
	}

	private ExecutionVertex currentVertex(ExecutionAttemptId executionId) {
		if (!this.jobGraph.jobId().equals(executionId.jobId()) || executionId.subtaskIndex() >= this.vertices.size()) {
			return null;
		}
		ExecutionVertex vertex = this.vertices.get(executionId.subtaskIndex());
		return (vertex.attemptNumber() == executionId.attemptNumber()) ? vertex : null;
	}

	private static DeployedExecution deployed(ExecutionVertex vertex) {
		return new DeployedExecution(vertex.currentExecutionId(), vertex.resourceId(), vertex.slotId());
	}

}
