package org.actorrpc.demo.jobmaster.execution;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.actorrpc.demo.api.CheckpointDetails;
import org.actorrpc.demo.api.CheckpointStatus;
import org.actorrpc.demo.api.ExecutionAttemptId;
import org.actorrpc.demo.api.ExecutionState;
import org.actorrpc.demo.api.TaskStateSnapshot;

/**
 * Periodically triggers checkpoints of one job and completes each one when every task that was
 * RUNNING at trigger time acknowledged it (a task that FINISHED meanwhile no longer has to). A
 * task that fails or is cancelled before acknowledging aborts the checkpoint, and so does the
 * checkpoint timeout.
 *
 * <p><b>Threading:</b> confined to the JobMaster's main thread. Timers go through the
 * {@link MainThreadScheduler} ({@code scheduleRunAsync}), so a timer firing and an acknowledgement
 * arriving are never concurrent and no lock is needed. Every public method runs the main-thread
 * check given at construction.
 */
public final class CheckpointCoordinator {

	private final String jobId;

	private final Duration interval;

	private final Duration timeout;

	private final int maxRetainedHistory;

	private final MainThreadScheduler scheduler;

	private final Runnable mainThreadCheck;

	private final LongSupplier clock;

	private final Supplier<List<DeployedExecution>> runningTasks;

	private final CheckpointTrigger trigger;

	private final Map<Long, PendingCheckpoint> pending = new LinkedHashMap<>();

	private final ArrayDeque<CheckpointDetails> history = new ArrayDeque<>();

	private long nextCheckpointId = 1;

	private CompletionListener completionListener = (checkpointId, triggeredAtMillis, completedAtMillis,
			states) -> {
	};

	private boolean running;

	/**
	 * Creates a stopped coordinator.
	 * @param jobId the job
	 * @param interval time between two triggers
	 * @param timeout time after which a checkpoint still in progress is aborted
	 * @param maxRetainedHistory number of finished checkpoints kept for queries
	 * @param scheduler schedules timers on the main thread
	 * @param mainThreadCheck throws when not on the main thread
	 * @param clock epoch milliseconds
	 * @param runningTasks the job's RUNNING tasks at the moment of the call
	 * @param trigger sends the trigger to the tasks
	 */
	public CheckpointCoordinator(String jobId, Duration interval, Duration timeout, int maxRetainedHistory,
			MainThreadScheduler scheduler, Runnable mainThreadCheck, LongSupplier clock,
			Supplier<List<DeployedExecution>> runningTasks, CheckpointTrigger trigger) {
		this.jobId = Objects.requireNonNull(jobId, "jobId");
		this.interval = requirePositive(interval, "interval");
		this.timeout = requirePositive(timeout, "timeout");
		if (maxRetainedHistory < 1) {
			throw new IllegalArgumentException("maxRetainedHistory must be >= 1, got " + maxRetainedHistory);
		}
		this.maxRetainedHistory = maxRetainedHistory;
		this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
		this.mainThreadCheck = Objects.requireNonNull(mainThreadCheck, "mainThreadCheck");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.runningTasks = Objects.requireNonNull(runningTasks, "runningTasks");
		this.trigger = Objects.requireNonNull(trigger, "trigger");
	}

	/**
	 * Sets who hears of every completed checkpoint (the JobMaster persists it for a successor).
	 * @param listener called on the main thread when a checkpoint completes
	 */
	public void onCompletion(CompletionListener listener) {
		this.mainThreadCheck.run();
		this.completionListener = Objects.requireNonNull(listener, "listener");
	}

	/**
	 * Takes over the job's checkpoint history from a previous leader: the checkpoint restored from
	 * is listed as completed, and checkpoint ids continue after it.
	 * @param restored the completed checkpoint the job restarts from
	 */
	public void restoredFrom(CheckpointDetails restored) {
		this.mainThreadCheck.run();
		this.nextCheckpointId = Math.max(this.nextCheckpointId, restored.checkpointId() + 1);
		record(restored);
	}

	/**
	 * Starts periodic triggering; the first checkpoint is triggered one interval from now.
	 */
	public void start() {
		this.mainThreadCheck.run();
		if (this.running) {
			return;
		}
		this.running = true;
		this.scheduler.schedule(this::periodicTrigger, this.interval);
	}

	/**
	 * Stops periodic triggering and aborts the checkpoints in progress.
	 * @param reason why (recorded on the aborted checkpoints)
	 */
	public void stop(String reason) {
		this.mainThreadCheck.run();
		this.running = false;
		for (PendingCheckpoint checkpoint : new ArrayList<>(this.pending.values())) {
			abort(checkpoint, reason);
		}
	}

	/**
	 * Whether periodic triggering is on.
	 * @return whether started and not stopped
	 */
	public boolean isRunning() {
		this.mainThreadCheck.run();
		return this.running;
	}

	/**
	 * Triggers a checkpoint now, if at least one task runs.
	 * @return the checkpoint id, or -1 when no task runs
	 */
	public long triggerCheckpoint() {
		this.mainThreadCheck.run();
		List<DeployedExecution> tasks = this.runningTasks.get();
		if (tasks.isEmpty()) {
			return -1;
		}
		long checkpointId = this.nextCheckpointId++;
		long now = this.clock.getAsLong();
		Set<ExecutionAttemptId> awaited = new HashSet<>();
		for (DeployedExecution task : tasks) {
			awaited.add(task.executionId());
		}
		PendingCheckpoint checkpoint = new PendingCheckpoint(checkpointId, now, awaited);
		this.pending.put(checkpointId, checkpoint);
		this.scheduler.schedule(() -> expire(checkpointId), this.timeout);
		this.trigger.trigger(checkpointId, now, tasks);
		return checkpointId;
	}

	/**
	 * A task acknowledged a checkpoint. Unknown or finished checkpoints and tasks that were not
	 * asked are ignored (late acknowledgements after an abort are normal).
	 * @param executionId the task
	 * @param checkpointId the checkpoint
	 * @param snapshot the task's snapshot
	 * @return whether this acknowledgement completed the checkpoint
	 */
	public boolean receiveAcknowledge(ExecutionAttemptId executionId, long checkpointId,
			TaskStateSnapshot snapshot) {
		this.mainThreadCheck.run();
		PendingCheckpoint checkpoint = this.pending.get(checkpointId);
		if (checkpoint == null || !checkpoint.notYetAcknowledged.remove(executionId)) {
			return false;
		}
		checkpoint.acknowledged++;
		checkpoint.stateSizeBytes += snapshot.stateSizeBytes();
		checkpoint.states.put(executionId.subtaskIndex(), snapshot);
		return completeIfDone(checkpoint);
	}

	/**
	 * A task left RUNNING: if it FINISHED it no longer has to acknowledge; if it failed or was
	 * cancelled, every checkpoint waiting for it is aborted.
	 * @param executionId the task
	 * @param newState its new state
	 */
	public void taskLeftRunning(ExecutionAttemptId executionId, ExecutionState newState) {
		this.mainThreadCheck.run();
		for (PendingCheckpoint checkpoint : new ArrayList<>(this.pending.values())) {
			if (!checkpoint.notYetAcknowledged.contains(executionId)) {
				continue;
			}
			if (newState == ExecutionState.FINISHED) {
				checkpoint.notYetAcknowledged.remove(executionId);
				checkpoint.finishedWithoutAck++;
				completeIfDone(checkpoint);
			}
			else {
				abort(checkpoint, "Task " + executionId + " went " + newState + " before acknowledging");
			}
		}
	}

	/**
	 * Aborts a checkpoint because its trigger could not be delivered.
	 * @param checkpointId the checkpoint
	 * @param cause why
	 */
	public void triggerFailed(long checkpointId, String cause) {
		this.mainThreadCheck.run();
		PendingCheckpoint checkpoint = this.pending.get(checkpointId);
		if (checkpoint != null) {
			abort(checkpoint, cause);
		}
	}

	/**
	 * Returns the checkpoint history: finished checkpoints (at most the configured number) and
	 * those in progress, oldest first.
	 * @return the checkpoints
	 */
	public List<CheckpointDetails> getHistory() {
		this.mainThreadCheck.run();
		List<CheckpointDetails> result = new ArrayList<>(this.history);
		for (PendingCheckpoint checkpoint : this.pending.values()) {
			result.add(checkpoint.details(CheckpointStatus.IN_PROGRESS, 0, null));
		}
		return result;
	}

	/**
	 * Returns the number of completed checkpoints still in the history.
	 * @return the count
	 */
	public long getCompletedCount() {
		this.mainThreadCheck.run();
		return this.history.stream().filter((c) -> c.status() == CheckpointStatus.COMPLETED).count();
	}

	private void periodicTrigger() {
		if (!this.running) {
			return;
		}
		triggerCheckpoint();
		this.scheduler.schedule(this::periodicTrigger, this.interval);
	}

	private void expire(long checkpointId) {
		PendingCheckpoint checkpoint = this.pending.get(checkpointId);
		if (checkpoint != null) {
			abort(checkpoint, "Checkpoint " + checkpointId + " of job " + this.jobId + " expired after "
					+ this.timeout.toMillis() + " ms (demo.jobmaster.checkpoint-timeout)");
		}
	}

	private boolean completeIfDone(PendingCheckpoint checkpoint) {
		if (!checkpoint.notYetAcknowledged.isEmpty()) {
			return false;
		}
		if (checkpoint.acknowledged == 0) {
			// Every task finished before acknowledging: nothing was snapshotted.
			abort(checkpoint, "Every task finished before acknowledging");
			return false;
		}
		this.pending.remove(checkpoint.checkpointId);
		long now = this.clock.getAsLong();
		record(checkpoint.details(CheckpointStatus.COMPLETED, now, null));
		this.completionListener.completed(checkpoint.checkpointId, checkpoint.triggeredAtMillis, now,
				Map.copyOf(checkpoint.states));
		return true;
	}

	private void abort(PendingCheckpoint checkpoint, String cause) {
		this.pending.remove(checkpoint.checkpointId);
		record(checkpoint.details(CheckpointStatus.ABORTED, this.clock.getAsLong(), cause));
	}

	private void record(CheckpointDetails details) {
		this.history.addLast(details);
		while (this.history.size() > this.maxRetainedHistory) {
			this.history.removeFirst();
		}
	}

	private static Duration requirePositive(Duration duration, String name) {
		Objects.requireNonNull(duration, name);
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, got " + duration);
		}
		return duration;
	}

	/** Hears of completed checkpoints, on the main thread. */
	@FunctionalInterface
	public interface CompletionListener {

		/**
		 * A checkpoint completed.
		 * @param checkpointId the checkpoint
		 * @param triggeredAtMillis when it was triggered
		 * @param completedAtMillis when it completed
		 * @param states the snapshot of every subtask that acknowledged it, by subtask index
		 */
		void completed(long checkpointId, long triggeredAtMillis, long completedAtMillis,
				Map<Integer, TaskStateSnapshot> states);

	}

	/** A checkpoint in progress. Main-thread confined like its coordinator. */
	private static final class PendingCheckpoint {

		private final long checkpointId;

		private final long triggeredAtMillis;

		private final int totalTasks;

		private final Set<ExecutionAttemptId> notYetAcknowledged;

		private int acknowledged;

		private int finishedWithoutAck;

		private long stateSizeBytes;

		private final Map<Integer, TaskStateSnapshot> states = new HashMap<>();

		PendingCheckpoint(long checkpointId, long triggeredAtMillis, Set<ExecutionAttemptId> awaited) {
			this.checkpointId = checkpointId;
			this.triggeredAtMillis = triggeredAtMillis;
			this.totalTasks = awaited.size();
			this.notYetAcknowledged = awaited;
		}

		CheckpointDetails details(CheckpointStatus status, long finishedAtMillis, String cause) {
			return new CheckpointDetails(this.checkpointId, status, this.triggeredAtMillis, finishedAtMillis,
					this.acknowledged, this.totalTasks - this.finishedWithoutAck, this.stateSizeBytes, cause);
		}

	}

}
