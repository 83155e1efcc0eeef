package org.actorrpc.demo.jobmaster.execution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.actorrpc.demo.api.CheckpointDetails;
import org.actorrpc.demo.api.CheckpointStatus;
import org.actorrpc.demo.api.ExecutionAttemptId;
import org.actorrpc.demo.api.ExecutionState;
import org.actorrpc.demo.api.TaskStateSnapshot;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointCoordinatorTests {

	private final AtomicLong clock = new AtomicLong(10_000);

	private final List<Scheduled> scheduled = new ArrayList<>();

	private final List<Long> triggered = new ArrayList<>();

	private List<DeployedExecution> running = new ArrayList<>();

	private final CheckpointCoordinator coordinator = new CheckpointCoordinator("job1", Duration.ofSeconds(2),
			Duration.ofSeconds(10), 3, (action, delay) -> this.scheduled.add(new Scheduled(action, delay)), () -> {
			}, this.clock::get, () -> this.running, (id, ts, tasks) -> this.triggered.add(id));

	private static ExecutionAttemptId id(int subtask) {
		return new ExecutionAttemptId("job1", subtask, 0);
	}

	private void running(int... subtasks) {
		this.running = new ArrayList<>();
		for (int subtask : subtasks) {
			this.running.add(new DeployedExecution(id(subtask), "tm-1", "tm-1/" + subtask));
		}
	}

	private static final TaskStateSnapshot SNAPSHOT = new TaskStateSnapshot(10, 100);

	@Test
	void startSchedulesPeriodicTriggersThroughTheMainThreadScheduler() {
		running(0);
		this.coordinator.start();
		assertThat(this.scheduled).singleElement().extracting(Scheduled::delay).isEqualTo(Duration.ofSeconds(2));

		this.scheduled.remove(0).action().run();

		assertThat(this.triggered).containsExactly(1L);
		// the next trigger and the timeout of checkpoint 1
		assertThat(this.scheduled).extracting(Scheduled::delay)
			.containsExactlyInAnyOrder(Duration.ofSeconds(2), Duration.ofSeconds(10));
	}

	@Test
	void checkpointCompletesWhenEveryRunningTaskAcknowledged() {
		running(0, 1);
		long checkpointId = this.coordinator.triggerCheckpoint();

		assertThat(this.coordinator.receiveAcknowledge(id(0), checkpointId, SNAPSHOT)).isFalse();
		assertThat(this.coordinator.getHistory()).singleElement()
			.extracting(CheckpointDetails::status).isEqualTo(CheckpointStatus.IN_PROGRESS);
		assertThat(this.coordinator.receiveAcknowledge(id(1), checkpointId, SNAPSHOT)).isTrue();

		CheckpointDetails details = this.coordinator.getHistory().get(0);
		assertThat(details.status()).isEqualTo(CheckpointStatus.COMPLETED);
		assertThat(details.acknowledgedTasks()).isEqualTo(2);
		assertThat(details.stateSizeBytes()).isEqualTo(200);
	}

	@Test
	void taskFinishingBeforeAcknowledgingNoLongerBlocksCompletion() {
		running(0, 1);
		long checkpointId = this.coordinator.triggerCheckpoint();
		this.coordinator.receiveAcknowledge(id(0), checkpointId, SNAPSHOT);
		this.coordinator.taskLeftRunning(id(1), ExecutionState.FINISHED);
		CheckpointDetails details = this.coordinator.getHistory().get(0);
		assertThat(details.status()).isEqualTo(CheckpointStatus.COMPLETED);
		assertThat(details.totalTasks()).isEqualTo(1);
	}

	@Test
	void taskFailingBeforeAcknowledgingAbortsTheCheckpoint() {
		running(0, 1);
		long checkpointId = this.coordinator.triggerCheckpoint();
		this.coordinator.receiveAcknowledge(id(0), checkpointId, SNAPSHOT);
		this.coordinator.taskLeftRunning(id(1), ExecutionState.FAILED);

		CheckpointDetails details = this.coordinator.getHistory().get(0);
		assertThat(details.status()).isEqualTo(CheckpointStatus.ABORTED);
		assertThat(details.failureCause()).contains("job1/1#0").contains("FAILED");
		assertThat(this.coordinator.receiveAcknowledge(id(1), checkpointId, SNAPSHOT)).isFalse();
	}

	@Test
	void checkpointStillInProgressAtTheTimeoutIsAborted() {
		running(0);
		this.coordinator.triggerCheckpoint();
		Scheduled timeout = this.scheduled.get(0);
		assertThat(timeout.delay()).isEqualTo(Duration.ofSeconds(10));

		timeout.action().run();

		assertThat(this.coordinator.getHistory().get(0).failureCause()).contains("expired");
	}

	@Test
	void noCheckpointIsTriggeredWhileNoTaskRuns() {
		assertThat(this.coordinator.triggerCheckpoint()).isEqualTo(-1);
		assertThat(this.triggered).isEmpty();
	}

	@Test
	void stopEndsPeriodicTriggeringAndAbortsPendingCheckpoints() {
		running(0);
		this.coordinator.start();
		this.coordinator.triggerCheckpoint();
		this.coordinator.stop("job finished");
		this.scheduled.get(0).action().run();
		assertThat(this.triggered).containsExactly(1L);
		assertThat(this.coordinator.getHistory()).singleElement()
			.extracting(CheckpointDetails::failureCause).isEqualTo("job finished");
	}

	@Test
	void historyKeepsOnlyTheMostRecentCheckpoints() {
		running(0);
		for (int i = 0; i < 5; i++) {
			long checkpointId = this.coordinator.triggerCheckpoint();
			this.coordinator.receiveAcknowledge(id(0), checkpointId, SNAPSHOT);
		}
		assertThat(this.coordinator.getHistory()).extracting(CheckpointDetails::checkpointId).containsExactly(3L, 4L,
				5L);
		assertThat(this.coordinator.getCompletedCount()).isEqualTo(3);
	}

	private record Scheduled(Runnable action, Duration delay) {

	}

}
