package org.actorrpc.demo.jobmaster.resourcemanager;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.actorrpc.demo.api.ExecutionAttemptId;
import org.actorrpc.demo.api.SlotAssignment;
import org.actorrpc.demo.api.SlotOffer;
import org.actorrpc.demo.api.TaskExecutorRegistration;
import org.actorrpc.demo.api.TaskManagerInfo;
import org.actorrpc.demo.api.TaskManagerState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SlotPoolTests {

	private final SlotPool pool = new SlotPool("leader", () -> {
	});

	private final HeartbeatMonitor heartbeats = new HeartbeatMonitor(Duration.ofSeconds(5), () -> {
	});

	private String register(String resourceId, int slots) {
		String registrationId = this.pool
			.register(new TaskExecutorRegistration(resourceId, "pekko://tm@127.0.0.1:1/user/rpc/taskexecutor",
					"http://127.0.0.1:2", slots), 0)
			.registrationId();
		for (int i = 0; i < slots; i++) {
			this.pool.offerSlot(new SlotOffer(resourceId, registrationId, i));
		}
		return registrationId;
	}

	private static ExecutionAttemptId id(int subtask) {
		return new ExecutionAttemptId("job1", subtask, 0);
	}

	@Test
	void allocationSpreadsTasksOverTaskManagers() {
		register("tm-1", 2);
		register("tm-2", 2);
		String first = this.pool.allocate(id(0)).orElseThrow().resourceId();
		String second = this.pool.allocate(id(1)).orElseThrow().resourceId();
		assertThat(first).isNotEqualTo(second);
		assertThat(this.pool.freeSlots()).isEqualTo(2);
	}

	@Test
	void noSlotIsAllocatedWhenAllAreTaken() {
		register("tm-1", 1);
		assertThat(this.pool.allocate(id(0))).isPresent();
		assertThat(this.pool.allocate(id(1))).isEmpty();
	}

	@Test
	void releasedSlotCanBeAllocatedAgainButOnlyItsHolderMayReleaseIt() {
		register("tm-1", 1);
		SlotAssignment slot = this.pool.allocate(id(0)).orElseThrow();
		assertThat(this.pool.release(slot.slotId(), id(1))).isFalse();
		assertThat(this.pool.release(slot.slotId(), id(0))).isTrue();
		assertThat(this.pool.allocate(id(1))).isPresent();
	}

	@Test
	void lostTaskManagerLeavesThePoolAndReportsItsExecutions() {
		register("tm-1", 2);
		this.pool.allocate(id(0));
		assertThat(this.pool.markLost("tm-1")).containsExactly(id(0));
		assertThat(this.pool.allocate(id(1))).isEmpty();
		assertThat(this.pool.describe(this.heartbeats)).singleElement()
			.extracting(TaskManagerInfo::state).isEqualTo(TaskManagerState.LOST);
	}

	@Test
	void returningTaskManagerRegistersAgainWithANewRegistrationId() {
		String first = register("tm-1", 1);
		this.pool.markLost("tm-1");
		String second = register("tm-1", 1);
		assertThat(second).isNotEqualTo(first);
		assertThat(this.pool.isRegistered("tm-1", first)).isFalse();
		assertThat(this.pool.isRegistered("tm-1", second)).isTrue();
		TaskManagerInfo info = this.pool.describe(this.heartbeats).get(0);
		assertThat(info.state()).isEqualTo(TaskManagerState.REGISTERED);
		assertThat(info.registrations()).isEqualTo(2);
	}

	@Test
	void reRegistrationReportsTheExecutionsOfTheReplacedRegistration() {
		register("tm-1", 1);
		this.pool.allocate(id(0));
		assertThat(this.pool.register(new TaskExecutorRegistration("tm-1", "addr", "url", 1), 5)
			.droppedExecutions()).containsExactly(id(0));
	}

	@Test
	void staleSlotOfferIsRefusedWithAClearMessage() {
		String old = register("tm-1", 1);
		register("tm-1", 1);
		assertThatIllegalArgumentException().isThrownBy(() -> this.pool.offerSlot(new SlotOffer("tm-1", old, 0)))
			.withMessageContaining("not current");
	}

	@Test
	void slotOfferBeyondTheRegisteredSlotsIsRefused() {
		String registrationId = register("tm-1", 1);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.pool.offerSlot(new SlotOffer("tm-1", registrationId, 1)))
			.withMessageContaining("out of range");
		assertThat(this.pool.allocate(id(0))).map(SlotAssignment::slotId).isEqualTo(Optional.of("tm-1/0"));
	}

}
