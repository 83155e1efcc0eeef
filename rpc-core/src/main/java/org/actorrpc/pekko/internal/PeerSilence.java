package org.actorrpc.pekko.internal;

import java.time.Duration;

/**
 * How long one peer has been silent, counted in probe rounds and in credited time of the prober's
 * own {@link ProbeClock}. The peer is judged unreachable only when both hold: it missed
 * {@link #requiredRounds()} consecutive rounds (no sign of life between two ticks), and those
 * rounds credit at least {@code peerUnreachableAfter}. On a prober that runs on time this is
 * {@code peerUnreachableAfter} after the last sign of life, plus at most one interval; time in
 * which the prober itself was stalled is not counted. Monitor thread only; not thread-safe.
 */
final class PeerSilence {

	/** Fewest missed rounds that make a peer unreachable, whatever the ratio of the settings. */
	static final int MIN_MISSED_ROUNDS = 2;

	private final long limitNanos;

	private final int requiredRounds;

	private int missedRounds;

	private long silentNanos;

	/**
	 * Creates the judge of one peer.
	 * @param heartbeatInterval {@code peerHeartbeatInterval}
	 * @param unreachableAfter {@code peerUnreachableAfter}
	 */
	PeerSilence(Duration heartbeatInterval, Duration unreachableAfter) {
		this.limitNanos = unreachableAfter.toNanos();
		long interval = heartbeatInterval.toNanos();
		long rounds = (this.limitNanos + interval - 1) / interval;
		this.requiredRounds = (int) Math.max(MIN_MISSED_ROUNDS, Math.min(rounds, Integer.MAX_VALUE));
	}

	/** @return how many consecutive missed rounds make the peer unreachable */
	int requiredRounds() {
		return this.requiredRounds;
	}

	/**
	 * The peer gave a sign of life in the round that ended with this tick (or it just got something
	 * in flight): its silence starts again.
	 * @param silentSoFar how long ago, on the prober's clock, it was last heard (at most the
	 * round's credit), counted toward the next rounds
	 */
	void heard(long silentSoFar) {
		this.missedRounds = 0;
		this.silentNanos = Math.max(0, silentSoFar);
	}

	/**
	 * The peer gave no sign of life in the round that ended with this tick.
	 * @param creditedNanos what the {@link ProbeClock} credited this round
	 * @return whether the peer is now unreachable
	 */
	boolean missed(long creditedNanos) {
		if (this.missedRounds < Integer.MAX_VALUE) {
			this.missedRounds++;
		}
		this.silentNanos += creditedNanos;
		return this.missedRounds >= this.requiredRounds && this.silentNanos >= this.limitNanos;
	}

	/** @return how many consecutive rounds the peer missed */
	int missedRounds() {
		return this.missedRounds;
	}

	/** @return the silence counted so far, in nanoseconds of the prober's running time */
	long silentNanos() {
		return this.silentNanos;
	}

}
