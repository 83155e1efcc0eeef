package org.actorrpc.pekko.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the prober judges a peer's silence ({@link PeerSilence} on the prober's own
 * {@link ProbeClock}), driven tick by tick with virtual time: a real silence is detected within
 * {@code peerUnreachableAfter} plus two intervals of the prober's running time, and a prober whose
 * own scheduler was paused does not blame a peer that is alive.
 */
class PeerSilenceTest {

	private static final Duration INTERVAL = Duration.ofMillis(200);

	private static final Duration LIMIT = Duration.ofMillis(1200);

	private static final long MS = 1_000_000L;

	private final ProbeClock clock = new ProbeClock(INTERVAL.toNanos());

	private final PeerSilence silence = new PeerSilence(INTERVAL, LIMIT);

	private long now = 1_000_000 * MS;

	@Test
	void silentPeerOnAProberThatRunsOnTimeIsUnreachableWithinTheBoundAndNotARoundEarlier() {
		long lastHeard = this.now + 50 * MS;
		tickAfter(200);
		this.silence.heard(this.now - lastHeard);
		int rounds = 0;
		boolean unreachable = false;
		while (!unreachable) {
			unreachable = this.silence.missed(tickAfter(200));
			rounds++;
			assertThat(rounds).as("rounds until declared").isLessThanOrEqualTo(this.silence.requiredRounds());
		}
		assertThat(rounds).isEqualTo(6);
		Duration silent = Duration.ofNanos(this.now - lastHeard);
		assertThat(silent).isGreaterThanOrEqualTo(LIMIT).isLessThanOrEqualTo(LIMIT.plus(INTERVAL.multipliedBy(2)));
	}

	@Test
	void proberWhoseSchedulerWasPausedDoesNotBlameALivePeerForThePause() {
		tickAfter(200);
		this.silence.heard(0);
		assertThat(this.silence.missed(tickAfter(200))).isFalse();
		assertThat(this.silence.missed(tickAfter(200))).isFalse();

		// The prober's scheduler thread did not run for 10 s (a starved or paused JVM): the peer's
		// answers wait unread in the prober's own inbound queue, so this late round shows no sign of life.
		long credited = tickAfter(10_000);
		assertThat(credited).as("a tick more than one interval late credits one interval").isEqualTo(INTERVAL.toNanos());
		assertThat(this.silence.missed(credited)).as("the prober's own pause is not the peer's silence").isFalse();
		assertThat(this.silence.missedRounds()).isEqualTo(3);

		// One interval later the answer that waited in the queue has been read.
		tickAfter(200);
		this.silence.heard(150 * MS);
		assertThat(this.silence.missedRounds()).isZero();
		for (int round = 1; round < this.silence.requiredRounds(); round++) {
			assertThat(this.silence.missed(tickAfter(200))).as("fresh silent round %d", round).isFalse();
		}
		assertThat(this.silence.missed(tickAfter(200))).as("a full bound of fresh silence").isTrue();
	}

	@Test
	void realSilenceIsStillDetectedWhenTheProberStallsOnceAndCountsThePauseAsOneRound() {
		tickAfter(200);
		this.silence.heard(0);
		long running = 0;
		boolean unreachable = false;
		int round = 0;
		while (!unreachable) {
			long credited = tickAfter((round == 2) ? 5_000 : 200);
			running += credited;
			unreachable = this.silence.missed(credited);
			round++;
		}
		assertThat(round).isEqualTo(this.silence.requiredRounds());
		assertThat(Duration.ofNanos(running)).as("silence counted on the prober's running time")
			.isGreaterThanOrEqualTo(LIMIT)
			.isLessThanOrEqualTo(LIMIT.plus(INTERVAL.multipliedBy(2)));
	}

	@Test
	void aPeerIsJudgedOnSeveralRoundsEvenWhenTheBoundIsBarelyLongerThanTheInterval() {
		PeerSilence tight = new PeerSilence(Duration.ofMillis(600), Duration.ofMillis(1000));
		assertThat(tight.requiredRounds()).isEqualTo(2);
		PeerSilence minimal = new PeerSilence(Duration.ofMillis(500), Duration.ofMillis(501));
		assertThat(minimal.requiredRounds()).isEqualTo(PeerSilence.MIN_MISSED_ROUNDS);
		assertThat(minimal.missed(Duration.ofMillis(600).toNanos())).as("one round, however long").isFalse();
		assertThat(minimal.missed(Duration.ofMillis(500).toNanos())).isTrue();
	}

	@Test
	void aSignOfLifeStartsTheSilenceAgain() {
		tickAfter(200);
		this.silence.heard(0);
		for (int round = 0; round < 5; round++) {
			assertThat(this.silence.missed(tickAfter(200))).isFalse();
		}
		tickAfter(200);
		this.silence.heard(10 * MS);
		for (int round = 0; round < 5; round++) {
			assertThat(this.silence.missed(tickAfter(200))).isFalse();
		}
		assertThat(this.silence.missed(tickAfter(200))).isTrue();
	}

	private long tickAfter(long millis) {
		this.now += millis * MS;
		return this.clock.tick(this.now);
	}

}
