package org.actorrpc.demo.taskmanager;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.actorrpc.demo.api.ExecutionAttemptId;

/**
 * The TaskManager's slots and the task occupying each.
 *
 * <p><b>Threading:</b> confined to the TaskExecutor's main thread (plain arrays and maps); every
 * method runs the main-thread check given at construction.
 */
final class TaskSlotTable {

	private final String resourceId;

	private final Runnable mainThreadCheck;

	private final SimulatedTask[] slots;

	private final Map<ExecutionAttemptId, SimulatedTask> tasks = new HashMap<>();

	TaskSlotTable(String resourceId, int numberOfSlots, Runnable mainThreadCheck) {
		this.resourceId = Objects.requireNonNull(resourceId, "resourceId");
		this.mainThreadCheck = Objects.requireNonNull(mainThreadCheck, "mainThreadCheck");
		this.slots = new SimulatedTask[numberOfSlots];
	}

	int numberOfSlots() {
		return this.slots.length;
	}

	/**
	 * Parses a slot id of this TaskManager and checks that the slot is free.
	 * @param slotId the slot id, {@code <resourceId>/<index>}
	 * @return the slot index
	 * @throws IllegalArgumentException when the slot is not one of this TaskManager's or is busy
	 */
	int freeSlotIndex(String slotId) {
		this.mainThreadCheck.run();
		String prefix = this.resourceId + "/";
		int index;
		try {
			index = slotId.startsWith(prefix) ? Integer.parseInt(slotId.substring(prefix.length())) : -1;
		}
		catch (NumberFormatException ex) {
			index = -1;
		}
		if (index < 0 || index >= this.slots.length) {
			throw new IllegalArgumentException("Slot '" + slotId + "' is not a slot of TaskManager " + this.resourceId
					+ " (it has slots " + prefix + "0.." + (this.slots.length - 1) + ")");
		}
		if (this.slots[index] != null) {
			throw new IllegalArgumentException("Slot '" + slotId + "' is busy with task " + this.slots[index].executionId());
		}
		return index;
	}

	void occupy(SimulatedTask task) {
		this.mainThreadCheck.run();
		this.slots[task.slotIndex()] = task;
		this.tasks.put(task.executionId(), task);
	}

	SimulatedTask get(ExecutionAttemptId executionId) {
		this.mainThreadCheck.run();
		return this.tasks.get(executionId);
	}

	/**
	 * Frees the task's slot if the task still holds it.
	 * @param task the task
	 * @return whether it held its slot (false once {@link #releaseAll()} detached it)
	 */
	boolean remove(SimulatedTask task) {
		this.mainThreadCheck.run();
		if (this.tasks.get(task.executionId()) != task) {
			return false;
		}
		this.tasks.remove(task.executionId());
		this.slots[task.slotIndex()] = null;
		return true;
	}

	/**
	 * Detaches every task from its slot (the slots are free at once) and returns them so that the
	 * caller can cancel them.
	 * @return the detached tasks
	 */
	List<SimulatedTask> releaseAll() {
		this.mainThreadCheck.run();
		List<SimulatedTask> released = new ArrayList<>(this.tasks.values());
		this.tasks.clear();
		Arrays.fill(this.slots, null);
		return released;
	}

	int taskCount() {
		this.mainThreadCheck.run();
		return this.tasks.size();
	}

}
