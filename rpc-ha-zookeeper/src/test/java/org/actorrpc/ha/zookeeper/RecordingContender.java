package org.actorrpc.ha.zookeeper;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.actorrpc.ha.LeaderContender;

/**
 * A contender that records what it is told, in order, for tests to wait on.
 */
final class RecordingContender implements LeaderContender {

	/** What the contender was told. */
	sealed interface Event permits Granted, Revoked, Failed {
	}

	record Granted(UUID sessionId, String thread) implements Event {
	}

	record Revoked() implements Event {
	}

	record Failed(Throwable error) implements Event {
	}

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	@Override
	public void grantLeadership(UUID leaderSessionId) {
		this.events.add(new Granted(leaderSessionId, Thread.currentThread().getName()));
	}

	@Override
	public void revokeLeadership() {
		this.events.add(new Revoked());
	}

	@Override
	public void handleError(Throwable error) {
		this.events.add(new Failed(error));
	}

	Event next(Duration bound) throws InterruptedException {
		Event event = this.events.poll(bound.toMillis(), TimeUnit.MILLISECONDS);
		if (event == null) {
			throw new AssertionError("the contender heard nothing within " + bound);
		}
		return event;
	}

	Granted nextGrant(Duration bound) throws InterruptedException {
		Event event = next(bound);
		if (event instanceof Granted granted) {
			return granted;
		}
		throw new AssertionError("expected a grant, got " + event);
	}

	void nextRevoke(Duration bound) throws InterruptedException {
		Event event = next(bound);
		if (!(event instanceof Revoked)) {
			throw new AssertionError("expected a revocation, got " + event);
		}
	}

	/** Returns the next event if one arrives within the bound, else null. */
	Event poll(Duration bound) throws InterruptedException {
		return this.events.poll(bound.toMillis(), TimeUnit.MILLISECONDS);
	}

}
