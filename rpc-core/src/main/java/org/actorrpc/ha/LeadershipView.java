package org.actorrpc.ha;

import java.time.Instant;
import java.util.UUID;

/**
 * A snapshot of the leadership of one leader-elected endpoint, as its
 * {@link EndpointLeaderContender} sees it. An immutable value.
 *
 * @param componentId the election's component id (the endpoint id)
 * @param address the endpoint's address
 * @param state where the contender stands
 * @param leaderSessionId the session id it leads under, or {@code null} unless {@code LEADER}
 * @param since when the state was entered
 * @param changes how many times leadership was granted or revoked so far
 */
public record LeadershipView(String componentId, String address, State state, UUID leaderSessionId, Instant since,
		long changes) {

	/**
	 * Where a contender stands.
	 */
	public enum State {

		/** Created, not contending yet. */
		NOT_STARTED,

		/** Contending without leading: a standby, ready to take over. */
		STANDBY,

		/** Leading: calls with {@link LeadershipView#leaderSessionId()} are accepted. */
		LEADER,

		/** Withdrawn from the election (closed). */
		STOPPED,

		/**
		 * Withdrawn after a failure: the election reported an error, or the endpoint's
		 * {@link LeadershipListener#onLeadershipGranted} threw.
		 */
		FAILED

	}

}
