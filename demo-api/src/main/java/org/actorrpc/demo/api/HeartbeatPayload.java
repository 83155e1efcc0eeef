package org.actorrpc.demo.api;

import java.util.Objects;

/**
 * Periodic sign of life of a TaskManager ({@link ResourceManagerGateway#sendHeartbeat}).
 *
 * @param resourceId the TaskManager
 * @param registrationId its current registration
 * @param runningTasks tasks it runs right now
 * @param mailboxDepth messages waiting in its TaskExecutor endpoint's mailbox
 */
public record HeartbeatPayload(String resourceId, String registrationId, int runningTasks, int mailboxDepth) {

	/**
	 * Checks the components.
	 * @throws NullPointerException on a missing id
	 */
	public HeartbeatPayload {
		Objects.requireNonNull(resourceId, "resourceId");
		Objects.requireNonNull(registrationId, "registrationId");
	}

}
