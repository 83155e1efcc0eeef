package org.actorrpc.demo.taskmanager;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.actorrpc.demo.api.ExecutionAttemptId;
import org.actorrpc.demo.api.ExecutionState;
import org.actorrpc.demo.api.LeaderId;
import org.actorrpc.demo.api.TaskDeploymentDescriptor;
import org.actorrpc.demo.api.TaskStateSnapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TaskSlotTableTests {

	private final TaskSlotTable table = new TaskSlotTable("tm-1", 2, () -> {
	});

	private static SimulatedTask task(int subtask, int slot) {
		TaskDeploymentDescriptor deployment = new TaskDeploymentDescriptor(new ExecutionAttemptId("job", subtask, 0),
				"job", "tm-1/" + slot, 1000, LeaderId.generate());
		return new SimulatedTask(deployment, slot, Duration.ofMillis(10), new TaskListener() {

			@Override
			public void running(SimulatedTask task) {
			}

			@Override
			public void checkpointTaken(SimulatedTask task, long checkpointId, TaskStateSnapshot snapshot) {
			}

			@Override
			public void ended(SimulatedTask task, ExecutionState finalState, String failureCause) {
			}

		});
	}

	@Test
	void occupiedSlotIsRefusedUntilItsTaskIsRemoved() {
		SimulatedTask task = task(0, 1);
		assertThat(this.table.freeSlotIndex("tm-1/1")).isEqualTo(1);
		this.table.occupy(task);
		assertThatIllegalArgumentException().isThrownBy(() -> this.table.freeSlotIndex("tm-1/1"))
			.withMessageContaining("busy with task job/0#0");
		assertThat(this.table.remove(task)).isTrue();
		assertThat(this.table.freeSlotIndex("tm-1/1")).isEqualTo(1);
	}

	@Test
	void slotOfAnotherTaskManagerOrOutOfRangeIsRefusedWithTheValidRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.table.freeSlotIndex("tm-2/0"))
			.withMessageContaining("tm-1/0..1");
		assertThatIllegalArgumentException().isThrownBy(() -> this.table.freeSlotIndex("tm-1/2"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.table.freeSlotIndex("tm-1/x"));
	}

	@Test
	void releaseAllFreesEverySlotAndDetachesTheTasks() {
		SimulatedTask first = task(0, 0);
		SimulatedTask second = task(1, 1);
		this.table.occupy(first);
		this.table.occupy(second);

		assertThat(this.table.releaseAll()).containsExactlyInAnyOrder(first, second);

		assertThat(this.table.taskCount()).isZero();
		assertThat(this.table.remove(first)).as("a detached task no longer owns its slot").isFalse();
		assertThat(this.table.freeSlotIndex("tm-1/0")).isZero();
	}

}
