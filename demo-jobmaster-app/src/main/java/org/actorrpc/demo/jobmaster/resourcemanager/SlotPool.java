package org.actorrpc.demo.jobmaster.resourcemanager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.actorrpc.demo.api.ExecutionAttemptId;
import org.actorrpc.demo.api.SlotAssignment;
import org.actorrpc.demo.api.SlotOffer;
import org.actorrpc.demo.api.TaskExecutorRegistration;
import org.actorrpc.demo.api.TaskManagerInfo;
import org.actorrpc.demo.api.TaskManagerState;

/**
 * The ResourceManager's registry of TaskManagers and their slots: registrations, slot offers,
 * allocations to executions, and removal of lost TaskManagers.
 *
 * <p><b>Threading:</b> confined to the ResourceManager's main thread; no locks, no concurrent
 * collections. Every public method runs the main-thread check given at construction.
 */
public final class SlotPool {

	private final String registrationIdPrefix;

	private final Runnable mainThreadCheck;

	private final Map<String, TaskManagerEntry> taskManagers = new LinkedHashMap<>();

	private long registrationCounter;

	/**
	 * Creates an empty pool.
	 * @param registrationIdPrefix prefix of registration ids (the leader session, so that ids of an
	 * earlier leader never match)
	 * @param mainThreadCheck throws when not on the main thread
	 */
	public SlotPool(String registrationIdPrefix, Runnable mainThreadCheck) {
		this.registrationIdPrefix = Objects.requireNonNull(registrationIdPrefix, "registrationIdPrefix");
		this.mainThreadCheck = Objects.requireNonNull(mainThreadCheck, "mainThreadCheck");
	}

	/**
	 * Registers a TaskManager, replacing an earlier registration under the same resource id.
	 * @param registration the TaskManager
	 * @param nowMillis the current time
	 * @return the new registration id and the executions the replaced registration still had
	 */
	public Registered register(TaskExecutorRegistration registration, long nowMillis) {
		this.mainThreadCheck.run();
		TaskManagerEntry previous = this.taskManagers.get(registration.resourceId());
		List<ExecutionAttemptId> dropped = new ArrayList<>();
		int registrations = 1;
		if (previous != null) {
			dropped.addAll(previous.allocatedExecutions());
			registrations = previous.registrations + 1;
		}
		String registrationId = this.registrationIdPrefix + "-" + (++this.registrationCounter);
		this.taskManagers.put(registration.resourceId(),
				new TaskManagerEntry(registration, registrationId, nowMillis, registrations));
		return new Registered(registrationId, dropped);
	}

	/**
	 * Takes an offered slot into the pool.
	 * @param offer the slot
	 * @throws IllegalArgumentException when the TaskManager, the registration or the slot index is
	 * unknown (a stale offer)
	 */
	public void offerSlot(SlotOffer offer) {
		this.mainThreadCheck.run();
		TaskManagerEntry entry = currentEntry(offer.resourceId(), offer.registrationId());
		if (entry == null) {
			throw new IllegalArgumentException("Slot offer " + offer.slotId() + " refers to registration '"
					+ offer.registrationId() + "', which is not current: register the TaskManager again");
		}
		if (offer.slotIndex() >= entry.registration.numberOfSlots()) {
			throw new IllegalArgumentException("Slot offer " + offer.slotId() + " is out of range: the TaskManager"
					+ " registered " + entry.registration.numberOfSlots() + " slots");
		}
		entry.slots.putIfAbsent(offer.slotIndex(), new SlotEntry());
	}

	/**
	 * Whether a registration is the current one of a registered TaskManager.
	 * @param resourceId the TaskManager
	 * @param registrationId the registration
	 * @return whether it is current
	 */
	public boolean isRegistered(String resourceId, String registrationId) {
		this.mainThreadCheck.run();
		return currentEntry(resourceId, registrationId) != null;
	}

	/**
	 * Records the mailbox depth a TaskManager reported with its heartbeat.
	 * @param resourceId the TaskManager
	 * @param mailboxDepth the reported depth
	 */
	public void updateReportedMailboxDepth(String resourceId, int mailboxDepth) {
		this.mainThreadCheck.run();
		TaskManagerEntry entry = this.taskManagers.get(resourceId);
		if (entry != null) {
			entry.mailboxDepth = mailboxDepth;
		}
	}

	/**
	 * Allocates a free slot, on the registered TaskManager with the most free slots (spreading
	 * tasks over TaskManagers).
	 * @param executionId the execution that gets the slot
	 * @return the slot, or empty when none is free
	 */
	public Optional<SlotAssignment> allocate(ExecutionAttemptId executionId) {
		this.mainThreadCheck.run();
		TaskManagerEntry best = null;
		for (TaskManagerEntry entry : this.taskManagers.values()) {
			if (entry.state == TaskManagerState.REGISTERED && entry.freeSlots() > 0
					&& (best == null || entry.freeSlots() > best.freeSlots())) {
				best = entry;
			}
		}
		if (best == null) {
			return Optional.empty();
		}
		for (Map.Entry<Integer, SlotEntry> slot : best.slots.entrySet()) {
			if (slot.getValue().allocatedTo == null) {
				slot.getValue().allocatedTo = executionId;
				String resourceId = best.registration.resourceId();
				return Optional.of(new SlotAssignment(resourceId + "/" + slot.getKey(), resourceId,
						best.registration.address()));
			}
		}
		return Optional.empty();
	}

	/**
	 * Frees a slot if it is still allocated to the given execution.
	 * @param slotId the slot, {@code <resourceId>/<index>}
	 * @param executionId the execution giving it back
	 * @return whether the slot was freed
	 */
	public boolean release(String slotId, ExecutionAttemptId executionId) {
		this.mainThreadCheck.run();
		int separator = slotId.lastIndexOf('/');
		if (separator < 0) {
			return false;
		}
		TaskManagerEntry entry = this.taskManagers.get(slotId.substring(0, separator));
		if (entry == null) {
			return false;
		}
		SlotEntry slot = entry.slots.get(parseIndex(slotId.substring(separator + 1)));
		if (slot == null || !executionId.equals(slot.allocatedTo)) {
			return false;
		}
		slot.allocatedTo = null;
		return true;
	}

	/**
	 * Declares a TaskManager lost: its slots leave the pool.
	 * @param resourceId the TaskManager
	 * @return the executions that had slots on it
	 */
	public List<ExecutionAttemptId> markLost(String resourceId) {
		this.mainThreadCheck.run();
		TaskManagerEntry entry = this.taskManagers.get(resourceId);
		if (entry == null || entry.state != TaskManagerState.REGISTERED) {
			return List.of();
		}
		return remove(entry, TaskManagerState.LOST);
	}

	/**
	 * Removes a TaskManager that said it leaves: its slots leave the pool.
	 * @param resourceId the TaskManager
	 * @param registrationId the registration it leaves
	 * @return the executions that had slots on it, or empty when the registration is not the
	 * current one (a newer registration stays untouched)
	 */
	public Optional<List<ExecutionAttemptId>> disconnect(String resourceId, String registrationId) {
		this.mainThreadCheck.run();
		TaskManagerEntry entry = currentEntry(resourceId, registrationId);
		return (entry != null) ? Optional.of(remove(entry, TaskManagerState.DISCONNECTED)) : Optional.empty();
	}

	private static List<ExecutionAttemptId> remove(TaskManagerEntry entry, TaskManagerState state) {
		List<ExecutionAttemptId> executions = entry.allocatedExecutions();
		entry.state = state;
		entry.slots.clear();
		return executions;
	}

	/**
	 * Returns the number of free slots on registered TaskManagers.
	 * @return the count
	 */
	public int freeSlots() {
		this.mainThreadCheck.run();
		int free = 0;
		for (TaskManagerEntry entry : this.taskManagers.values()) {
			if (entry.state == TaskManagerState.REGISTERED) {
				free += entry.freeSlots();
			}
		}
		return free;
	}

	/**
	 * Describes every TaskManager.
	 * @param heartbeats the heartbeat monitor, for last-heartbeat times
	 * @return the TaskManagers, in first-registration order
	 */
	public List<TaskManagerInfo> describe(HeartbeatMonitor heartbeats) {
		this.mainThreadCheck.run();
		List<TaskManagerInfo> result = new ArrayList<>();
		for (TaskManagerEntry entry : this.taskManagers.values()) {
			TaskExecutorRegistration registration = entry.registration;
			long lastHeartbeat = (entry.state == TaskManagerState.REGISTERED)
					? heartbeats.lastHeartbeat(registration.resourceId()) : entry.lastSeenMillis;
			entry.lastSeenMillis = Math.max(entry.lastSeenMillis, lastHeartbeat);
			result.add(new TaskManagerInfo(registration.resourceId(), registration.address(),
					registration.webUrl(), entry.state, registration.numberOfSlots(), entry.freeSlots(),
					entry.registeredAtMillis, entry.lastSeenMillis, entry.registrations, entry.mailboxDepth));
		}
		return result;
	}

	private TaskManagerEntry currentEntry(String resourceId, String registrationId) {
		TaskManagerEntry entry = this.taskManagers.get(resourceId);
		return (entry != null && entry.state == TaskManagerState.REGISTERED
				&& entry.registrationId.equals(registrationId)) ? entry : null;
	}

	private static int parseIndex(String index) {
		try {
			return Integer.parseInt(index);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * Result of a registration.
	 *
	 * @param registrationId the new registration id
	 * @param droppedExecutions executions that had slots under the replaced registration
	 */
	public record Registered(String registrationId, List<ExecutionAttemptId> droppedExecutions) {

	}

	/** A TaskManager's registration and slots. Main-thread confined. */
	private static final class TaskManagerEntry {

		private final TaskExecutorRegistration registration;

		private final String registrationId;

		private final long registeredAtMillis;

		private final int registrations;

		private final TreeMap<Integer, SlotEntry> slots = new TreeMap<>();

		private TaskManagerState state = TaskManagerState.REGISTERED;

		private long lastSeenMillis;

		private int mailboxDepth;

		TaskManagerEntry(TaskExecutorRegistration registration, String registrationId, long registeredAtMillis,
				int registrations) {
			this.registration = registration;
			this.registrationId = registrationId;
			this.registeredAtMillis = registeredAtMillis;
			this.registrations = registrations;
			this.lastSeenMillis = registeredAtMillis;
		}

		int freeSlots() {
			int free = 0;
			for (SlotEntry slot : this.slots.values()) {
				if (slot.allocatedTo == null) {
					free++;
				}
			}
			return free;
		}

		List<ExecutionAttemptId> allocatedExecutions() {
			List<ExecutionAttemptId> result = new ArrayList<>();
			for (SlotEntry slot : this.slots.values()) {
				if (slot.allocatedTo != null) {
					result.add(slot.allocatedTo);
				}
			}
			return result;
		}

	}

	/** One pooled slot. Main-thread confined. */
	private static final class SlotEntry {

		private ExecutionAttemptId allocatedTo;

	}

}
