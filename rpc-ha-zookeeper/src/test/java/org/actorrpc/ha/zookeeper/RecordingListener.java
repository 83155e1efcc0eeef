package org.actorrpc.ha.zookeeper;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.actorrpc.ha.LeaderInformation;
import org.actorrpc.ha.LeaderRetrievalListener;

/**
 * A retrieval listener that records announcements ({@code Optional.empty()} for "no leader").
 */
final class RecordingListener implements LeaderRetrievalListener {

	private final BlockingQueue<Optional<LeaderInformation>> announcements = new LinkedBlockingQueue<>();

	@Override
	public void notifyLeaderAddress(LeaderInformation leader) {
		this.announcements.add(Optional.of(leader));
	}

	@Override
	public void notifyNoLeader() {
		this.announcements.add(Optional.empty());
	}

	@Override
	public void handleError(Throwable error) {
		throw new AssertionError("retrieval failed", error);
	}

	/** Waits for an announcement matching the condition, skipping others. */
	Optional<LeaderInformation> awaitAnnouncement(Predicate<Optional<LeaderInformation>> condition, Duration bound)
			throws InterruptedException {
		long deadline = System.nanoTime() + bound.toNanos();
		while (true) {
			long left = deadline - System.nanoTime();
			Optional<LeaderInformation> next = (left > 0) ? this.announcements.poll(left, TimeUnit.NANOSECONDS) : null;
			if (next == null) {
				throw new AssertionError("no matching leader announcement within " + bound);
			}
			if (condition.test(next)) {
				return next;
			}
		}
	}

	LeaderInformation awaitLeader(LeaderInformation expected, Duration bound) throws InterruptedException {
		return awaitAnnouncement((a) -> a.isPresent() && a.get().equals(expected), bound).get();
	}

	void awaitNoLeader(Duration bound) throws InterruptedException {
		awaitAnnouncement(Optional::isEmpty, bound);
	}

	Optional<LeaderInformation> poll(Duration bound) throws InterruptedException {
		return this.announcements.poll(bound.toMillis(), TimeUnit.MILLISECONDS);
	}

}
