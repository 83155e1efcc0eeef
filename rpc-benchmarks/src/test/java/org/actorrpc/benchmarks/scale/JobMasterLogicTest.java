package org.actorrpc.benchmarks.scale;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JobMasterLogic} on a main thread driven by the test: tasks run at once, scheduled ones when the test
 * runs them, with TaskManagers that accept everything and record what they were sent.
 */
class JobMasterLogicTest {

	private static final ScaleSettings SETTINGS = new ScaleSettings(2, 2, 100, Duration.ofSeconds(1),
			Duration.ofMillis(500), Duration.ZERO, Duration.ofSeconds(1));

	private final List<Scheduled> scheduled = new ArrayList<>();

	private final List<Long> triggers = new ArrayList<>();

	private final JobMasterLogic logic = new JobMasterLogic(SETTINGS, new MainThread() {
		@Override
		public void execute(Runnable task) {
			task.run();
		}

		@Override
		public void schedule(Runnable task, Duration delay) {
			JobMasterLogicTest.this.scheduled.add(new Scheduled(task, delay));
		}
	});

	@BeforeEach
	void deploy() {
		for (int taskManager = 0; taskManager < 2; taskManager++) {
			assertThat(this.logic.registerTaskManager(taskManager, new AcceptingTaskManager())).isTrue();
			assertThat(this.logic.offerSlots(taskManager, 2)).isTrue();
			for (int task = 0; task < 2; task++) {
				this.logic.updateTaskExecutionState(taskManager, task, TaskStates.INITIALIZING);
				this.logic.updateTaskExecutionState(taskManager, task, TaskStates.RUNNING);
			}
		}
		assertThat(this.logic.deployed()).isCompleted();
		this.logic.record(true);
		this.logic.startCheckpointing();
	}

	@Test
	void aCheckpointCompletesWithTheLastAcknowledgementOfEveryTask() {
		assertThat(this.triggers).containsExactly(1L, 1L);
		acknowledgeAll(1);
		CompletableFuture<Void> stopped = this.logic.stopCheckpointing();

		assertThat(stopped).isCompleted();
		JobMasterLogic.Report report = this.logic.report();
		assertThat(report.anomalies()).isNull();
		assertThat(report.checkpoints()).isEqualTo(1);
		assertThat(report.acknowledgements()).isEqualTo(4);
		assertThat(report.checkpointRoundTrips()).hasSize(1);
	}

	@Test
	void theNextCheckpointIsTriggeredOnlyAfterThePreviousCompleted() {
		acknowledgeAll(1);
		runScheduled(SETTINGS.checkpointInterval());

		assertThat(this.triggers).containsExactly(1L, 1L, 2L, 2L);
	}

	@Test
	void aRepeatedAcknowledgementIsAnAnomaly() {
		this.logic.acknowledgeCheckpoint(0, 1, 1);
		this.logic.acknowledgeCheckpoint(0, 1, 1);

		assertThat(this.logic.report().anomalies()).contains("task 0/1 acknowledged checkpoint 1 twice");
	}

	@Test
	void anAcknowledgementOfAnotherCheckpointIsAnAnomaly() {
		this.logic.acknowledgeCheckpoint(1, 0, 7);

		assertThat(this.logic.report().anomalies()).contains("acknowledgement of checkpoint 7 from task 1/0");
	}

	@Test
	void aCheckpointMissingAnAcknowledgementFailsAtItsTimeoutNamingTheTask() {
		this.logic.acknowledgeCheckpoint(0, 0, 1);
		this.logic.acknowledgeCheckpoint(0, 1, 1);
		this.logic.acknowledgeCheckpoint(1, 1, 1);
		CompletableFuture<Void> stopped = this.logic.stopCheckpointing();
		assertThat(stopped).isNotDone();

		runScheduled(JobMasterLogic.CHECKPOINT_TIMEOUT);

		assertThat(stopped).isCompleted();
		JobMasterLogic.Report report = this.logic.report();
		assertThat(report.anomalies()).contains("checkpoint 1 got 3 of 4 acknowledgements",
				"the first missing: task 1/0");
		assertThat(report.checkpoints()).isZero();
	}

	private void acknowledgeAll(long checkpointId) {
		for (int taskManager = 0; taskManager < 2; taskManager++) {
			for (int task = 0; task < 2; task++) {
				this.logic.acknowledgeCheckpoint(taskManager, task, checkpointId);
			}
		}
	}

	private void runScheduled(Duration upTo) {
		List<Scheduled> due = this.scheduled.stream().filter((task) -> task.delay().compareTo(upTo) <= 0).toList();
		this.scheduled.removeAll(due);
		due.forEach((task) -> task.task().run());
	}

	private record Scheduled(Runnable task, Duration delay) {
	}

	private final class AcceptingTaskManager implements TaskManagerHandle {

		@Override
		public CompletableFuture<Boolean> submitTask(int task) {
			return CompletableFuture.completedFuture(true);
		}

		@Override
		public CompletableFuture<Boolean> triggerCheckpoint(long checkpointId, long timestampMillis) {
			JobMasterLogicTest.this.triggers.add(checkpointId);
			return CompletableFuture.completedFuture(true);
		}

		@Override
		public void heartbeatFromJobManager(long requestNanos) {
		}

	}

}
