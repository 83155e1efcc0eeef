package org.actorrpc.demo.api;

import java.util.Objects;

/**
 * A TaskManager introduces itself to the ResourceManager
 * ({@link ResourceManagerGateway#registerTaskExecutor}).
 *
 * @param resourceId stable id of the TaskManager (survives a restart of its process)
 * @param address RPC address of its TaskExecutor endpoint
 * @param webUrl base URL of its HTTP server (Actuator), for the dashboard
 * @param numberOfSlots number of task slots it offers
 */
public record TaskExecutorRegistration(String resourceId, String address, String webUrl, int numberOfSlots) {

	/**
	 * Checks the components.
	 * @throws IllegalArgumentException when there is no slot
	 */
	public TaskExecutorRegistration {
		Objects.requireNonNull(resourceId, "resourceId");
		Objects.requireNonNull(address, "address");
		if (numberOfSlots < 1) {
			throw new IllegalArgumentException("numberOfSlots must be >= 1, got " + numberOfSlots);
		}
	}

}
