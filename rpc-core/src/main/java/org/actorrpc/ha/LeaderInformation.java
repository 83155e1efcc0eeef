package org.actorrpc.ha;

import java.util.Objects;
import java.util.UUID;

/**
 * The confirmed leader of a component: the session id it was granted (its fencing token) and the
 * address it serves on. An immutable value.
 *
 * @param sessionId the leader session id; callers send it as the fencing token
 * @param address the RPC address of the leader's endpoint
 */
public record LeaderInformation(UUID sessionId, String address) {

	/**
	 * Creates the value.
	 * @param sessionId the leader session id
	 * @param address the leader's RPC address, not blank
	 */
	public LeaderInformation {
		Objects.requireNonNull(sessionId, "sessionId");
		Objects.requireNonNull(address, "address");
		if (address.isBlank()) {
			throw new IllegalArgumentException("The leader address must not be blank");
		}
	}

}
