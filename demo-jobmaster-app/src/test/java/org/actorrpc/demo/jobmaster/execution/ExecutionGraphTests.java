package org.actorrpc.demo.jobmaster.execution;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.actorrpc.demo.api.ExecutionAttemptId;
import org.actorrpc.demo.api.ExecutionState;
import org.actorrpc.demo.api.JobDetails;
import org.actorrpc.demo.api.JobGraph;
import org.actorrpc.demo.api.JobStatus;
import org.actorrpc.demo.api.JobSubmission;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutionGraphTests {

	private final AtomicLong clock = new AtomicLong(1_000);

	private final Thread owner = Thread.currentThread();

	private ExecutionGraph graph(int parallelism, int maxAttempts) {
		JobGraph job = new JobGraph("job1", new JobSubmission("test", parallelism, 1000), 1_000);
		return new ExecutionGraph(job, maxAttempts, () -> {
			if (Thread.currentThread() != this.owner) {
				throw new IllegalStateException("not on main thread");
			}
		}, this.clock::get);
	}

	private static ExecutionAttemptId id(int subtask, int attempt) {
		return new ExecutionAttemptId("job1", subtask, attempt);
	}

	private void deployAndRun(ExecutionGraph graph, ExecutionAttemptId id, String resourceId) {
		assertThat(graph.markDeploying(id, resourceId, resourceId + "/" + id.subtaskIndex())).isTrue();
		assertThat(graph.updateState(id, ExecutionState.RUNNING, null)).isEqualTo(StateUpdateResult.APPLIED);
	}

	@Test
	void jobFinishesWhenEverySubtaskWentThroughDeployingRunningFinished() {
		ExecutionGraph graph = graph(2, 3);
		assertThat(graph.getStatus()).isEqualTo(JobStatus.CREATED);
		assertThat(graph.takeExecutionsToSchedule()).containsExactly(id(0, 0), id(1, 0));
		assertThat(graph.getStatus()).isEqualTo(JobStatus.RUNNING);
		deployAndRun(graph, id(0, 0), "tm-1");
		deployAndRun(graph, id(1, 0), "tm-2");
		assertThat(graph.getRunningExecutions()).extracting(DeployedExecution::resourceId)
			.containsExactly("tm-1", "tm-2");

		graph.updateState(id(0, 0), ExecutionState.FINISHED, null);
		assertThat(graph.getStatus()).isEqualTo(JobStatus.RUNNING);
		this.clock.set(5_000);
		graph.updateState(id(1, 0), ExecutionState.FINISHED, null);

		JobDetails details = graph.getDetails(List.of());
		assertThat(details.status()).isEqualTo(JobStatus.FINISHED);
		assertThat(details.finishedAtMillis()).isEqualTo(5_000);
		assertThat(details.tasks()).extracting("state").containsOnly(ExecutionState.FINISHED);
	}

	@Test
	void lostTaskManagerFailsItsTasksAndSchedulesNewAttempts() {
		ExecutionGraph graph = graph(3, 3);
		graph.takeExecutionsToSchedule();
		deployAndRun(graph, id(0, 0), "tm-1");
		deployAndRun(graph, id(1, 0), "tm-2");
		deployAndRun(graph, id(2, 0), "tm-1");

		List<DeployedExecution> failed = graph.failExecutionsOn("tm-1", "heartbeat timeout");

		assertThat(failed).extracting(DeployedExecution::executionId).containsExactly(id(0, 0), id(2, 0));
		assertThat(graph.takeExecutionsToSchedule()).containsExactly(id(0, 1), id(2, 1));
		JobDetails details = graph.getDetails(List.of());
		assertThat(details.redeployments()).isEqualTo(2);
		assertThat(details.tasks().get(0).failureCause()).isEqualTo("heartbeat timeout");
		assertThat(details.status()).isEqualTo(JobStatus.RUNNING);
	}

	@Test
	void reportsOfSupersededAttemptsAreIgnored() {
		ExecutionGraph graph = graph(1, 3);
		graph.takeExecutionsToSchedule();
		deployAndRun(graph, id(0, 0), "tm-1");
		graph.failExecutionsOn("tm-1", "lost");

		assertThat(graph.updateState(id(0, 0), ExecutionState.FINISHED, null)).isEqualTo(StateUpdateResult.IGNORED);
		assertThat(graph.getState(id(0, 1))).isEqualTo(ExecutionState.CREATED);
		assertThat(graph.getStatus()).isEqualTo(JobStatus.RUNNING);
	}

	@Test
	void failedTaskIsRestartedUntilTheBudgetIsExhaustedThenTheJobFails() {
		ExecutionGraph graph = graph(2, 2);
		graph.takeExecutionsToSchedule();
		deployAndRun(graph, id(0, 0), "tm-1");
		deployAndRun(graph, id(1, 0), "tm-1");

		assertThat(graph.updateState(id(0, 0), ExecutionState.FAILED, "boom"))
			.isEqualTo(StateUpdateResult.APPLIED_AND_RESTARTING);
		assertThat(graph.takeExecutionsToSchedule()).containsExactly(id(0, 1));
		deployAndRun(graph, id(0, 1), "tm-2");
		graph.updateState(id(0, 1), ExecutionState.FAILED, "boom again");

		assertThat(graph.getStatus()).isEqualTo(JobStatus.FAILED);
		assertThat(graph.takeExecutionsToSchedule()).isEmpty();
	}

	@Test
	void cancelCancelsWaitingTasksAtOnceAndDeployedOnesThroughTheirTaskManager() {
		ExecutionGraph graph = graph(2, 3);
		graph.takeExecutionsToSchedule();
		deployAndRun(graph, id(0, 0), "tm-1");

		List<DeployedExecution> toCancel = graph.cancel();

		assertThat(toCancel).extracting(DeployedExecution::executionId).containsExactly(id(0, 0));
		assertThat(graph.getState(id(1, 0))).isEqualTo(ExecutionState.CANCELED);
		assertThat(graph.getStatus()).isEqualTo(JobStatus.CANCELLING);
		graph.updateState(id(0, 0), ExecutionState.CANCELED, null);
		assertThat(graph.getStatus()).isEqualTo(JobStatus.CANCELED);
	}

	@Test
	void slotArrivingAfterCancelIsRefusedSoTheCallerReleasesIt() {
		ExecutionGraph graph = graph(1, 3);
		graph.takeExecutionsToSchedule();
		graph.cancel();
		assertThat(graph.markDeploying(id(0, 0), "tm-1", "tm-1/0")).isFalse();
		assertThat(graph.getStatus()).isEqualTo(JobStatus.CANCELED);
	}

	@Test
	void failedSlotRequestPutsTheTaskBackForTheNextRound() {
		ExecutionGraph graph = graph(1, 3);
		graph.takeExecutionsToSchedule();
		graph.slotRequestFailed(id(0, 0));
		assertThat(graph.takeExecutionsToSchedule()).containsExactly(id(0, 0));
	}

	@Test
	void unrequestedCancellationByATaskManagerCountsAsAFailure() {
		ExecutionGraph graph = graph(1, 3);
		graph.takeExecutionsToSchedule();
		deployAndRun(graph, id(0, 0), "tm-1");
		assertThat(graph.updateState(id(0, 0), ExecutionState.CANCELED, null))
			.isEqualTo(StateUpdateResult.APPLIED_AND_RESTARTING);
		assertThat(graph.getState(id(0, 1))).isEqualTo(ExecutionState.CREATED);
	}

	@Test
	void refusesCallsFromAnotherThreadThanTheMainThread() throws Exception {
		ExecutionGraph graph = graph(1, 3);
		Throwable[] failure = new Throwable[1];
		Thread other = new Thread(() -> {
			try {
				graph.takeExecutionsToSchedule();
			}
			catch (Throwable ex) {
				failure[0] = ex;
			}
		});
		other.start();
		other.join();
		assertThat(failure[0]).isInstanceOf(IllegalStateException.class).hasMessageContaining("main thread");
	}

}
