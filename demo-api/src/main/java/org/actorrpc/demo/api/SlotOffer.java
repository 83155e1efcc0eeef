package org.actorrpc.demo.api;

import java.util.Objects;

/**
 * A registered TaskManager asks the ResourceManager to take one of its slots into the slot pool
 * ({@link ResourceManagerGateway#requestSlot}).
 *
 * @param resourceId the TaskManager
 * @param registrationId the registration the offer belongs to
 * @param slotIndex index of the slot on the TaskManager, 0-based
 */
public record SlotOffer(String resourceId, String registrationId, int slotIndex) {

	/**
	 * Checks the components.
	 * @throws IllegalArgumentException on a negative slot index
	 */
	public SlotOffer {
		Objects.requireNonNull(resourceId, "resourceId");
		Objects.requireNonNull(registrationId, "registrationId");
		if (slotIndex < 0) {
			throw new IllegalArgumentException("slotIndex must be >= 0, got " + slotIndex);
		}
	}

	/**
	 * Returns the slot id, {@code <resourceId>/<slotIndex>}.
	 * @return the slot id
	 */
	public String slotId() {
		return this.resourceId + "/" + this.slotIndex;
	}

}
