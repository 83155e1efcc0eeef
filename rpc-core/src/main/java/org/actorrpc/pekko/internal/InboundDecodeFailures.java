package org.actorrpc.pekko.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the inbound messages of one actor system that could not be decoded and logs them without
 * letting a peer that sends garbage flood the log: the first failure is logged with its reason,
 * later ones at most once per interval as a count with the latest reason. Thread-safe.
 */
final class InboundDecodeFailures {

	private static final Logger logger = LoggerFactory.getLogger(InboundDecodeFailures.class);

	private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

	private final AtomicLong total = new AtomicLong();

	private final AtomicLong unlogged = new AtomicLong();

	private final AtomicLong nextLogAt = new AtomicLong(Long.MIN_VALUE);

	/**
	 * Records one failure.
	 * @param kind what could not be decoded (request, response, handshake, …)
	 * @param reason why
	 */
	void record(String kind, String reason) {
		this.total.incrementAndGet();
		this.unlogged.incrementAndGet();
		long now = System.nanoTime();
		long next = this.nextLogAt.get();
		if ((next == Long.MIN_VALUE || now - next >= 0) && this.nextLogAt.compareAndSet(next, now + LOG_INTERVAL_NANOS)) {
			long count = this.unlogged.getAndSet(0);
			logger.warn("Could not decode {} inbound actorrpc message(s) (latest: a {}): {}. Total so far: {}; "
					+ "further failures are logged at most every {} s", count, kind, reason, this.total.get(),
					TimeUnit.NANOSECONDS.toSeconds(LOG_INTERVAL_NANOS));
		}
	}

	/** @return how many inbound messages could not be decoded since the actor system started */
	long total() {
		return this.total.get();
	}

}
