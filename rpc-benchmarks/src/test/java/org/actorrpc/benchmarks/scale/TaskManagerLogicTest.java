package org.actorrpc.benchmarks.scale;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a simulated TaskManager connects, on a main thread driven by the test (tasks run at once, scheduled ones when
 * the test runs them): like Flink's TaskExecutor, it tries again after a failed connection, a bounded number of
 * times, and then says why it gave up.
 */
class TaskManagerLogicTest {

	private static final ScaleSettings SETTINGS = new ScaleSettings(1, 2, 100, Duration.ofSeconds(1),
			Duration.ofMillis(500), Duration.ZERO, Duration.ofSeconds(1));

	private final List<Runnable> scheduled = new ArrayList<>();

	private final List<Duration> delays = new ArrayList<>();

	private final TaskManagerLogic logic = new TaskManagerLogic(7, SETTINGS, new MainThread() {
		@Override
		public void execute(Runnable task) {
			task.run();
		}

		@Override
		public void schedule(Runnable task, Duration delay) {
			TaskManagerLogicTest.this.scheduled.add(task);
			TaskManagerLogicTest.this.delays.add(delay);
		}
	}, "taskmanager-7");

	private final AtomicInteger registrations = new AtomicInteger();

	@Test
	void aFailedConnectionIsTriedAgainAfterTheRetryDelayAndThenRegisters() {
		AtomicInteger attempts = new AtomicInteger();
		this.logic.connect(() -> (attempts.incrementAndGet() == 1)
				? CompletableFuture.failedFuture(new IllegalStateException("handshake not answered"))
				: CompletableFuture.completedFuture(new SilentJobMaster()), this::resourceManager);

		assertThat(this.registrations).hasValue(0);
		assertThat(this.delays).containsExactly(TaskManagerLogic.CONNECT_RETRY_DELAY);
		runScheduled(0);

		assertThat(attempts).hasValue(2);
		assertThat(this.registrations).hasValue(1);
		assertThat(this.logic.connectRetries()).isEqualTo(1);
		assertThat(this.logic.deployed()).isNotDone();
	}

	@Test
	void aTaskManagerThatNeverConnectsGivesUpAfterTheLastAttemptSayingWhy() {
		this.logic.connect(() -> CompletableFuture.failedFuture(new IllegalStateException("handshake not answered")),
				this::resourceManager);
		for (int retry = 0; retry < TaskManagerLogic.CONNECT_ATTEMPTS - 1; retry++) {
			runScheduled(retry);
		}

		assertThat(this.scheduled).hasSize(TaskManagerLogic.CONNECT_ATTEMPTS - 1);
		assertThat(this.registrations).hasValue(0);
		assertThat(this.logic.deployed()).isCompletedExceptionally();
		assertThat(this.logic.deployed().handle((ignored, failure) -> failure.getMessage()).join())
			.contains("TaskManager 7 could not connect in " + TaskManagerLogic.CONNECT_ATTEMPTS + " attempts")
			.contains("handshake not answered");
	}

	private void runScheduled(int index) {
		assertThat(this.scheduled).hasSizeGreaterThan(index);
		this.scheduled.get(index).run();
	}

	private CompletableFuture<ResourceManagerHandle> resourceManager() {
		return CompletableFuture.completedFuture(new ResourceManagerHandle() {
			@Override
			public CompletableFuture<Boolean> registerTaskExecutor(int taskManager, String address) {
				TaskManagerLogicTest.this.registrations.incrementAndGet();
				return new CompletableFuture<>();
			}

			@Override
			public CompletableFuture<Boolean> requestSlot(int taskManager, int slot) {
				return new CompletableFuture<>();
			}

			@Override
			public CompletableFuture<Boolean> sendHeartbeat(int taskManager, long previousRoundTripNanos) {
				return new CompletableFuture<>();
			}
		});
	}

	private static final class SilentJobMaster implements JobMasterHandle {

		@Override
		public CompletableFuture<Boolean> registerTaskManager(int taskManager, String address) {
			return new CompletableFuture<>();
		}

		@Override
		public CompletableFuture<Boolean> offerSlots(int taskManager, int slots) {
			return new CompletableFuture<>();
		}

		@Override
		public CompletableFuture<Boolean> updateTaskExecutionState(int taskManager, int task, int state) {
			return new CompletableFuture<>();
		}

		@Override
		public void acknowledgeCheckpoint(int taskManager, int task, long checkpointId) {
		}

		@Override
		public void heartbeatFromTaskManager(int taskManager, long requestNanos) {
		}

	}

}
