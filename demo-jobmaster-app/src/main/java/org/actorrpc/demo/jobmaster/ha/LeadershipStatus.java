package org.actorrpc.demo.jobmaster.ha;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

import org.actorrpc.ha.LeaderInformation;

/**
 * Who leads the cluster, as this JobMaster process sees it, for the REST API and the dashboard:
 * whether this process leads, and the leader's session id and address from leader retrieval.
 * Written by the {@link ClusterLeadership}'s threads, read by web requests; thread-safe (one
 * atomic reference to an immutable snapshot).
 */
@Component
public class LeadershipStatus {

	private final AtomicReference<Snapshot> current = new AtomicReference<>(new Snapshot(false, null, null));

	/**
	 * Returns the current view.
	 * @return the snapshot
	 */
	public Snapshot snapshot() {
		return this.current.get();
	}

	void leading(boolean leading) {
		this.current.updateAndGet((s) -> new Snapshot(leading, s.leaderSessionId(), s.leaderAddress()));
	}

	void leader(LeaderInformation leader) {
		this.current.updateAndGet((s) -> new Snapshot(s.leading(), (leader != null) ? leader.sessionId() : null,
				(leader != null) ? leader.address() : null));
	}

	/**
	 * What this process knows about the leadership.
	 *
	 * @param leading whether this process leads (it serves the JobMaster and the ResourceManager)
	 * @param leaderSessionId the current leader's session id (its fencing token), or {@code null}
	 * when no leader is known
	 * @param leaderAddress the current leader's JobMaster address, or {@code null}
	 */
	public record Snapshot(boolean leading, UUID leaderSessionId, String leaderAddress) {

	}

}
