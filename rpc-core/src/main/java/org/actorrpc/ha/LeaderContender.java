package org.actorrpc.ha;

import java.util.UUID;

/**
 * A component that takes part in a {@link LeaderElection}: it is granted leadership with a fresh
 * session id, confirms it through {@link LeaderElection#confirmLeadership(UUID, String)} once it
 * serves, and is told when the leadership is revoked.
 *
 * <p>Threading: the election calls these methods one at a time, in the order the events happened,
 * on a thread of the election (never the caller of {@link LeaderElection#startLeaderElection}).
 * A grant is always followed by its revocation before the next grant. Implementations must return
 * quickly; work that belongs to an endpoint's main thread is handed over with
 * {@link org.actorrpc.RpcEndpoint#runAsync(Runnable)} or similar. Because the callbacks are
 * asynchronous, a contender must check that the session id it confirms is still the current one
 * ({@link LeaderElection#hasLeadership(UUID)}); a confirmation of an old session is ignored.
 */
public interface LeaderContender {

	/**
	 * Called when the contender becomes leader.
	 * @param leaderSessionId the new session id; use it as the fencing token while leading
	 */
	void grantLeadership(UUID leaderSessionId);

	/**
	 * Called when the leadership granted last is lost: stop serving under its session id at once,
	 * another contender may already lead.
	 */
	void revokeLeadership();

	/**
	 * Called when the election failed in a way it cannot recover from by itself (for example
	 * unreadable data in the coordination service). The contender no longer leads.
	 * @param error what went wrong
	 */
	void handleError(Throwable error);

}
