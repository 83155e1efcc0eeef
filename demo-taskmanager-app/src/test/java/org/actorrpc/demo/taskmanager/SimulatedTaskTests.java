package org.actorrpc.demo.taskmanager;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.actorrpc.demo.api.ExecutionAttemptId;
import org.actorrpc.demo.api.ExecutionState;
import org.actorrpc.demo.api.LeaderId;
import org.actorrpc.demo.api.TaskDeploymentDescriptor;
import org.actorrpc.demo.api.TaskStateSnapshot;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedTaskTests {

	private final TaskWorkers workers = new TaskWorkers("tm-test");

	private final RecordingListener listener = new RecordingListener();

	@AfterEach
	void closeWorkers() {
		this.workers.close();
	}

	private SimulatedTask task(long durationMillis) {
		TaskDeploymentDescriptor deployment = new TaskDeploymentDescriptor(new ExecutionAttemptId("job", 0, 0), "job",
				"tm-test/0", durationMillis, LeaderId.generate());
		return new SimulatedTask(deployment, 0, Duration.ofMillis(5), this.listener);
	}

	@Test
	void workRunsOnAWorkerThreadAndFinishes() throws Exception {
		SimulatedTask task = task(100);
		this.workers.execute(task);

		Outcome outcome = this.listener.outcome.get(10, TimeUnit.SECONDS);

		assertThat(outcome.state()).isEqualTo(ExecutionState.FINISHED);
		assertThat(outcome.thread()).startsWith("task-worker-tm-test-");
		assertThat(this.listener.runningThread).startsWith("task-worker-tm-test-");
		assertThat(task.recordsProcessed()).isPositive();
		assertThat(task.isRunning()).isFalse();
	}

	@Test
	void checkpointRequestIsAcknowledgedFromTheWorkerThreadWithTheProgressSoFar() throws Exception {
		SimulatedTask task = task(60_000);
		this.workers.execute(task);
		assertThat(this.listener.started.await(10, TimeUnit.SECONDS)).isTrue();

		task.triggerCheckpoint(7);
		Ack ack = this.listener.acks.get(10, TimeUnit.SECONDS);
		task.cancel();

		assertThat(ack.checkpointId()).isEqualTo(7);
		assertThat(ack.thread()).startsWith("task-worker-tm-test-");
		assertThat(ack.snapshot().stateSizeBytes())
			.isEqualTo(ack.snapshot().recordsProcessed() * SimulatedTask.STATE_BYTES_PER_RECORD);
		assertThat(this.listener.outcome.get(10, TimeUnit.SECONDS).state()).isEqualTo(ExecutionState.CANCELED);
	}

	@Test
	void cancelledTaskEndsCanceledLongBeforeItsDuration() throws Exception {
		SimulatedTask task = task(3_600_000);
		this.workers.execute(task);
		assertThat(this.listener.started.await(10, TimeUnit.SECONDS)).isTrue();

		task.cancel();

		assertThat(this.listener.outcome.get(10, TimeUnit.SECONDS).state()).isEqualTo(ExecutionState.CANCELED);
		assertThat(this.listener.endings).hasSize(1);
	}

	private record Outcome(ExecutionState state, String thread) {
	}

	private record Ack(long checkpointId, TaskStateSnapshot snapshot, String thread) {
	}

	private static final class RecordingListener implements TaskListener {

		private final CountDownLatch started = new CountDownLatch(1);

		private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

		private final CompletableFuture<Ack> acks = new CompletableFuture<>();

		private final List<ExecutionState> endings = new CopyOnWriteArrayList<>();

		private volatile String runningThread;

		@Override
		public void running(SimulatedTask task) {
			this.runningThread = Thread.currentThread().getName();
			this.started.countDown();
		}

		@Override
		public void checkpointTaken(SimulatedTask task, long checkpointId, TaskStateSnapshot snapshot) {
			this.acks.complete(new Ack(checkpointId, snapshot, Thread.currentThread().getName()));
		}

		@Override
		public void ended(SimulatedTask task, ExecutionState finalState, String failureCause) {
			this.endings.add(finalState);
			this.outcome.complete(new Outcome(finalState, Thread.currentThread().getName()));
		}

	}

}
