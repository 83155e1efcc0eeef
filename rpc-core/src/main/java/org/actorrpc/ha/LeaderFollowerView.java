package org.actorrpc.ha;

import java.time.Duration;
import java.time.Instant;

/**
 * A snapshot of what a {@link LeaderFollowingGateway} knows about the leader it follows. An
 * immutable value.
 *
 * @param clientName the client's name
 * @param componentId the followed component (the leader-elected endpoint's id)
 * @param leader the current leader's address and session id, or {@code null} while none is known
 * @param since when the current state (this leader, or none) began
 * @param changes leader changes observed so far (a new leader, or "no leader")
 * @param leaderlessTime total time without a known leader since the client was created
 */
public record LeaderFollowerView(String clientName, String componentId, LeaderInformation leader, Instant since,
		long changes, Duration leaderlessTime) {

}
