package org.actorrpc.demo.api;

/**
 * Answer to {@link ResourceManagerGateway#registerTaskExecutor}.
 *
 * @param accepted whether the TaskManager is registered
 * @param registrationId id of this registration, sent with every slot offer and heartbeat; a
 * heartbeat with a stale id is answered {@link HeartbeatResponse#UNKNOWN_TASK_EXECUTOR}
 * @param reason why the registration was refused, or {@code null}
 */
public record RegistrationResponse(boolean accepted, String registrationId, String reason) {

	/**
	 * An accepted registration.
	 * @param registrationId the registration id
	 * @return the response
	 */
	public static RegistrationResponse accepted(String registrationId) {
		return new RegistrationResponse(true, registrationId, null);
	}

	/**
	 * A refused registration.
	 * @param reason why
	 * @return the response
	 */
	public static RegistrationResponse refused(String reason) {
		return new RegistrationResponse(false, null, reason);
	}

}
