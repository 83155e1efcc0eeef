package org.actorrpc.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Clock} that stands still until it is told to move: the virtual time of a
 * {@link TestingRpcService}. Its endpoints read it through {@code RpcEndpoint#getClock()}, and the
 * service's timers ({@code scheduleRunAsync}, {@code callAsync} and call timeouts, its scheduled
 * executor) are due on it.
 *
 * <p>Move it with {@link TestingRpcService#advanceTime(Duration)}, which also fires the timers that
 * fall due on the way, each at its own time and in order. {@link #advance(Duration)} moves only the
 * clock: timers that became due fire the next time the service runs.
 *
 * <p>Thread-safe; time never goes backwards. Views created by {@link #withZone(ZoneId)} share the
 * same time.
 */
public final class ManualClock extends Clock {

	private final AtomicLong epochNanos;

	private final ZoneId zone;

	/**
	 * Creates a clock showing the given instant, in UTC.
	 * @param start the time the clock shows until it is advanced
	 */
	public ManualClock(Instant start) {
		this(new AtomicLong(toEpochNanos(Objects.requireNonNull(start, "start"))), ZoneOffset.UTC);
	}

	private ManualClock(AtomicLong epochNanos, ZoneId zone) {
		this.epochNanos = epochNanos;
		this.zone = zone;
	}

	@Override
	public ZoneId getZone() {
		return this.zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new ManualClock(this.epochNanos, Objects.requireNonNull(zone, "zone"));
	}

	@Override
	public Instant instant() {
		long nanos = this.epochNanos.get();
		return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
	}

	@Override
	public long millis() {
		return Math.floorDiv(this.epochNanos.get(), 1_000_000L);
	}

	/**
	 * Returns the virtual time in nanoseconds since the epoch: the time base of the service's
	 * timers, as {@link System#nanoTime()} is for real ones.
	 * @return nanoseconds since 1970-01-01T00:00:00Z
	 */
	public long nanos() {
		return this.epochNanos.get();
	}

	/**
	 * Moves the clock forward. Timers that become due are not fired by this method; prefer
	 * {@link TestingRpcService#advanceTime(Duration)}.
	 * @param duration how far, zero or positive
	 * @throws IllegalArgumentException if the duration is negative
	 */
	public void advance(Duration duration) {
		Objects.requireNonNull(duration, "duration");
		if (duration.isNegative()) {
			throw new IllegalArgumentException("A ManualClock only moves forward, but was asked to advance by "
					+ duration);
		}
		long delta = saturatedNanos(duration);
		this.epochNanos.accumulateAndGet(delta, (now, by) -> (now > Long.MAX_VALUE - by) ? Long.MAX_VALUE : now + by);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ManualClock clock && clock.epochNanos == this.epochNanos
				&& clock.zone.equals(this.zone);
	}

	@Override
	public int hashCode() {
		return System.identityHashCode(this.epochNanos) * 31 + this.zone.hashCode();
	}

	@Override
	public String toString() {
		return "ManualClock[" + instant() + "," + this.zone + "]";
	}

	private static long saturatedNanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
		}
	}

	private static long toEpochNanos(Instant instant) {
		return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
	}

}
