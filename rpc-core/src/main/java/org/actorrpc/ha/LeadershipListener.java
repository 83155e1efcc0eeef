package org.actorrpc.ha;

import java.util.UUID;

/**
 * Told when a leader-elected endpoint gains and loses leadership. Implement it on the
 * {@link org.actorrpc.FencedRpcEndpoint} itself (the starter and {@link EndpointLeaderContender}
 * pick it up) to start and stop leader-only work.
 *
 * <p>Threading: both methods run on the endpoint's main thread, like any other message, so they
 * may touch the endpoint's state without locks. When they run, the fencing token has already
 * switched: during {@link #onLeadershipGranted} the endpoint accepts calls with the new session id,
 * during {@link #onLeadershipRevoked} it refuses every call. Calls are, however, in the mailbox
 * with them: a call that arrived before the callback runs after it only if it was queued later.
 * A revocation is delivered only after its grant; a grant that was revoked before its callback
 * ran is skipped together with its revocation.
 */
public interface LeadershipListener {

	/**
	 * The endpoint leads under a new session id. The leadership is confirmed (published to
	 * followers) after this method returns, so work done here — recovering state, say — is done
	 * before followers learn about the new leader. If it throws, the endpoint gives up the
	 * leadership and withdraws from the election (another contender can then lead).
	 * @param leaderSessionId the leader session id, which is now the endpoint's fencing token
	 */
	void onLeadershipGranted(UUID leaderSessionId);

	/**
	 * The endpoint no longer leads; it already refuses calls. Stop leader-only work (timers,
	 * outgoing calls made as leader); another endpoint may already lead.
	 */
	void onLeadershipRevoked();

}
