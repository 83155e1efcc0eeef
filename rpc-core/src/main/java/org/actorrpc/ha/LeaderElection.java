package org.actorrpc.ha;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The participation of one {@link LeaderContender} in the election of one component. Created by
 * {@link LeaderElectionService#createLeaderElection(String)}; started once; closed to withdraw
 * (which revokes the leadership if held and removes the published leader).
 *
 * <p>Thread-safe. The contender's callbacks run as described on {@link LeaderContender}.
 */
public interface LeaderElection extends AutoCloseable {

	/**
	 * Enters the election. The contender hears about leadership through its callbacks.
	 * @param contender the contender
	 * @throws IllegalStateException if the election was already started or is closed
	 */
	void startLeaderElection(LeaderContender contender);

	/**
	 * Publishes the contender as the leader of the component, under the given session id and
	 * address, provided that session is still the current one; otherwise nothing is published.
	 * Implementations write the information only while the leadership is really held, so a
	 * deposed leader can never overwrite its successor.
	 * @param leaderSessionId the session id of the grant being confirmed
	 * @param leaderAddress the address the contender serves on
	 * @return completes when the information is published, or when it was ignored because the
	 * session is no longer current; fails if publishing failed
	 */
	CompletableFuture<Void> confirmLeadership(UUID leaderSessionId, String leaderAddress);

	/**
	 * Returns whether the contender currently leads under the given session id.
	 * @param leaderSessionId a session id granted earlier
	 * @return true while that grant is the current one and has not been revoked
	 */
	boolean hasLeadership(UUID leaderSessionId);

	/**
	 * Withdraws from the election: revokes the leadership (the contender is told) and removes the
	 * published leader information if this contender published it. Idempotent.
	 */
	@Override
	void close();

}
