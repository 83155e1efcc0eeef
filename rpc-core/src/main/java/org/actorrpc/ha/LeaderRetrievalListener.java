package org.actorrpc.ha;

/**
 * Learns who leads a component, from a {@link LeaderRetrievalService}.
 *
 * <p>Threading: the methods are called one at a time, in the order the changes were observed, on
 * a thread of the retrieval service (never the caller of
 * {@link LeaderRetrievalService#start(LeaderRetrievalListener)}); they must return quickly.
 * Consecutive notifications differ (the same leader is not announced twice in a row).
 */
public interface LeaderRetrievalListener {

	/**
	 * Called when a leader has been confirmed, or when the leader changed.
	 * @param leader its address and session id (the fencing token to send)
	 */
	void notifyLeaderAddress(LeaderInformation leader);

	/**
	 * Called when the component has no known leader any more (the leader left, its session
	 * expired, or the connection to the coordination service was lost). Calls should fail fast
	 * until the next {@link #notifyLeaderAddress(LeaderInformation)}.
	 */
	void notifyNoLeader();

	/**
	 * Called when retrieval failed in a way it cannot recover from by itself.
	 * @param error what went wrong
	 */
	void handleError(Throwable error);

}
