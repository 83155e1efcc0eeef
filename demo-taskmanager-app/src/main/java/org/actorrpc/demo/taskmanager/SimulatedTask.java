package org.actorrpc.demo.taskmanager;

import java.time.Duration;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.actorrpc.demo.api.ExecutionAttemptId;
import org.actorrpc.demo.api.ExecutionState;
import org.actorrpc.demo.api.LeaderId;
import org.actorrpc.demo.api.TaskDeploymentDescriptor;
import org.actorrpc.demo.api.TaskStateSnapshot;

/**
 * One deployed task: simulated work that "processes records" in small steps until its duration
 * has elapsed, takes a snapshot when a checkpoint is requested, and stops early when cancelled. A
 * task restored from a checkpoint resumes from the snapshot's record count: only the work not
 * covered by it remains.
 *
 * <p><b>Threading:</b> {@link #run()} runs on a worker thread of {@link TaskWorkers}, never on the
 * TaskExecutor's main thread. {@link #triggerCheckpoint} and {@link #cancel()} are called from the
 * main thread; they communicate with the worker through a concurrent queue and a volatile flag.
 * The progress counter is written by the worker only.
 */
final class SimulatedTask implements Runnable {

	/** Simulated records processed per step. */
	static final long RECORDS_PER_STEP = 1_000;

	/** Simulated state size per processed record, in bytes. */
	static final long STATE_BYTES_PER_RECORD = 8;

	private final TaskDeploymentDescriptor deployment;

	private final int slotIndex;

	private final Duration step;

	private final TaskListener listener;

	private final Queue<Long> checkpointRequests = new ConcurrentLinkedQueue<>();

	private volatile boolean cancelled;

	private volatile boolean running;

	private volatile long recordsProcessed;

	SimulatedTask(TaskDeploymentDescriptor deployment, int slotIndex, Duration step, TaskListener listener) {
		this.deployment = Objects.requireNonNull(deployment, "deployment");
		this.slotIndex = slotIndex;
		this.step = Objects.requireNonNull(step, "step");
		this.listener = Objects.requireNonNull(listener, "listener");
		if (deployment.restoredState() != null) {
			this.recordsProcessed = deployment.restoredState().recordsProcessed();
		}
	}

	LeaderId leaderId() {
		return this.deployment.leaderId();
	}

	/** The work left: the duration minus the steps the restored record count stands for. */
	private long remainingNanos() {
		long total = TimeUnit.MILLISECONDS.toNanos(this.deployment.durationMillis());
		long done = (this.recordsProcessed / RECORDS_PER_STEP) * this.step.toNanos();
		return Math.max(Math.min(total, this.step.toNanos()), total - done);
	}

	ExecutionAttemptId executionId() {
		return this.deployment.executionId();
	}

	int slotIndex() {
		return this.slotIndex;
	}

	boolean isRunning() {
		return this.running;
	}

	long recordsProcessed() {
		return this.recordsProcessed;
	}

	/**
	 * Asks the task to snapshot its state; it acknowledges from its worker thread at its next step.
	 * @param checkpointId the checkpoint
	 */
	void triggerCheckpoint(long checkpointId) {
		this.checkpointRequests.add(checkpointId);
	}

	/**
	 * Asks the task to stop; it ends CANCELED at its next step.
	 */
	void cancel() {
		this.cancelled = true;
	}

	@Override
	public void run() {
		long deadline = System.nanoTime() + remainingNanos();
		this.running = true;
		ExecutionState finalState = ExecutionState.FINISHED;
		String failureCause = null;
		try {
			this.listener.running(this);
			while (System.nanoTime() < deadline) {
				if (this.cancelled) {
					finalState = ExecutionState.CANCELED;
					break;
				}
				if (Thread.currentThread().isInterrupted()) {
					finalState = ExecutionState.FAILED;
					failureCause = "TaskManager is shutting down";
					break;
				}
				processStep(Math.min(this.step.toNanos(), deadline - System.nanoTime()));
				takeRequestedSnapshots();
			}
			if (finalState == ExecutionState.FINISHED && this.cancelled) {
				finalState = ExecutionState.CANCELED;
			}
		}
		catch (RuntimeException ex) {
			finalState = ExecutionState.FAILED;
			failureCause = ex.toString();
		}
		finally {
			this.running = false;
			this.listener.ended(this, finalState, failureCause);
		}
	}

	private void processStep(long nanos) {
		if (nanos > 0) {
			LockSupport.parkNanos(nanos);
		}
		this.recordsProcessed += RECORDS_PER_STEP;
	}

	private void takeRequestedSnapshots() {
		Long checkpointId;
		while ((checkpointId = this.checkpointRequests.poll()) != null) {
			long records = this.recordsProcessed;
			this.listener.checkpointTaken(this, checkpointId,
					new TaskStateSnapshot(records, records * STATE_BYTES_PER_RECORD));
		}
	}

}
