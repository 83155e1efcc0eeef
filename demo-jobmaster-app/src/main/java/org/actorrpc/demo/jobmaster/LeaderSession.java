package org.actorrpc.demo.jobmaster;

import java.util.Objects;

import org.actorrpc.demo.api.LeaderId;

/**
 * The leader session this JobMaster process runs: the fencing token of its JobMaster and
 * ResourceManager endpoints. Immutable.
 *
 * @param leaderId the fencing token
 */
public record LeaderSession(LeaderId leaderId) {

	/**
	 * Checks the token.
	 */
	public LeaderSession {
		Objects.requireNonNull(leaderId, "leaderId");
	}

}
