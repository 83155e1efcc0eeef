package org.actorrpc.ha;

/**
 * Follows the leader of one component and tells a {@link LeaderRetrievalListener}. Created by
 * {@link HighAvailabilityServices#createLeaderRetrievalService(String)}; started once with one
 * listener; stopped when no longer needed. Thread-safe.
 */
public interface LeaderRetrievalService {

	/**
	 * Starts following the leader. The listener first hears the current state (a leader or "no
	 * leader"), then every change.
	 * @param listener the listener
	 * @throws IllegalStateException if already started or stopped
	 */
	void start(LeaderRetrievalListener listener);

	/**
	 * Stops following the leader; no notification starts after this returns (one already running
	 * may finish). Idempotent.
	 */
	void stop();

}
