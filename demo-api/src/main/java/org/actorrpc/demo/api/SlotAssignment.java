package org.actorrpc.demo.api;

import java.util.Objects;

/**
 * A slot the ResourceManager assigned to an execution ({@link ResourceManagerGateway#allocateSlot}).
 *
 * @param slotId the slot, {@code <resourceId>/<slotIndex>}
 * @param resourceId the TaskManager owning it
 * @param taskExecutorAddress RPC address of that TaskManager's TaskExecutor endpoint
 */
public record SlotAssignment(String slotId, String resourceId, String taskExecutorAddress) {

	/**
	 * Checks the components.
	 * @throws NullPointerException on a missing component
	 */
	public SlotAssignment {
		Objects.requireNonNull(slotId, "slotId");
		Objects.requireNonNull(resourceId, "resourceId");
		Objects.requireNonNull(taskExecutorAddress, "taskExecutorAddress");
	}

}
