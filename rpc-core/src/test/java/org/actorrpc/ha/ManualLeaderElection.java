package org.actorrpc.ha;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link LeaderElection} the test drives by hand: {@link #grant()} and {@link #revoke()} call
 * the contender on the test's thread (standing in for the election's thread) and record every
 * confirmation. Thread-safe.
 */
final class ManualLeaderElection implements LeaderElection {

	private volatile LeaderContender contender;

	private volatile UUID current;

	private volatile boolean closed;

	final List<LeaderInformation> confirmed = new CopyOnWriteArrayList<>();

	@Override
	public void startLeaderElection(LeaderContender contender) {
		this.contender = contender;
	}

	UUID grant() {
		UUID session = UUID.randomUUID();
		this.current = session;
		this.contender.grantLeadership(session);
		return session;
	}

	void revoke() {
		this.current = null;
		this.contender.revokeLeadership();
	}

	boolean isClosed() {
		return this.closed;
	}

	@Override
	public CompletableFuture<Void> confirmLeadership(UUID leaderSessionId, String leaderAddress) {
		if (leaderSessionId.equals(this.current)) {
			this.confirmed.add(new LeaderInformation(leaderSessionId, leaderAddress));
		}
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public boolean hasLeadership(UUID leaderSessionId) {
		return leaderSessionId.equals(this.current);
	}

	@Override
	public void close() {
		this.closed = true;
		this.current = null;
	}

}
