package org.actorrpc.demo.jobmaster;

import java.util.Objects;

import org.actorrpc.demo.api.LeaderId;

/**
 * A leader session of this JobMaster process, one per leadership grant: the fencing token of the
 * JobMaster and ResourceManager endpoints serving it. Immutable.
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
