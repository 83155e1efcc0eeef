package org.actorrpc.pekko.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The clock of a journaled endpoint: reads the system clock and journals every reading made on
 * the endpoint's main thread, so that a replay reads the same time. Thread-safe.
 */
final class JournalingClock extends Clock {

	private final EndpointJournal journal;

	private final Clock delegate;

	JournalingClock(EndpointJournal journal, Clock delegate) {
		this.journal = journal;
		this.delegate = delegate;
	}

	@Override
	public ZoneId getZone() {
		return this.delegate.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new JournalingClock(this.journal, this.delegate.withZone(zone));
	}

	@Override
	public Instant instant() {
		Instant now = this.delegate.instant();
		this.journal.clockRead(now);
		return now;
	}

	@Override
	public long millis() {
		return instant().toEpochMilli();
	}

}
