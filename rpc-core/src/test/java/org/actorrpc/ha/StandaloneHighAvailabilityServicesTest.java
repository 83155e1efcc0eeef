package org.actorrpc.ha;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The default without high availability: every contender leads at once with the fixed session id,
 * retrieval announces the confirmed or configured leader, callbacks run on the services' thread.
 */
class StandaloneHighAvailabilityServicesTest {

	private static final Duration BOUND = Duration.ofSeconds(10);

	private final StandaloneHighAvailabilityServices services = new StandaloneHighAvailabilityServices(
			Map.of("resourcemanager", "pekko://rm@127.0.0.1:6124/user/rpc/resourcemanager"));

	@AfterEach
	void close() {
		this.services.close();
	}

	@Test
	void contenderIsGrantedAtOnceWithTheDefaultSessionOnTheServicesThread() throws Exception {
		Recorder contender = new Recorder();
		LeaderElection election = this.services.createLeaderElection("jobmaster");

		election.startLeaderElection(contender);

		assertThat(contender.next()).isEqualTo("granted " + StandaloneHighAvailabilityServices.DEFAULT_LEADER_SESSION_ID
				+ " on actorrpc-ha-standalone");
		assertThat(election.hasLeadership(StandaloneHighAvailabilityServices.DEFAULT_LEADER_SESSION_ID)).isTrue();
		assertThat(election.hasLeadership(UUID.randomUUID())).isFalse();
	}

	@Test
	void retrievalAnnouncesTheConfirmedLeaderAndNoLeaderAfterItWithdraws() throws Exception {
		Recorder listener = new Recorder();
		this.services.createLeaderRetrievalService("jobmaster").start(listener);
		assertThat(listener.next()).isEqualTo("no leader");
		LeaderElection election = this.services.createLeaderElection("jobmaster");
		election.startLeaderElection(new Recorder());

		election.confirmLeadership(StandaloneHighAvailabilityServices.DEFAULT_LEADER_SESSION_ID, "pekko://jm@h:1/user/rpc/jm")
			.get(10, TimeUnit.SECONDS);
		assertThat(listener.next()).isEqualTo("leader pekko://jm@h:1/user/rpc/jm");

		election.close();
		assertThat(listener.next()).isEqualTo("no leader");
	}

	@Test
	void retrievalAnnouncesAConfiguredAddressOfAComponentElsewhere() throws Exception {
		Recorder listener = new Recorder();

		this.services.createLeaderRetrievalService("resourcemanager").start(listener);

		assertThat(listener.next()).isEqualTo("leader pekko://rm@127.0.0.1:6124/user/rpc/resourcemanager");
	}

	@Test
	void closingTheElectionRevokesTheLeadership() throws Exception {
		Recorder contender = new Recorder();
		LeaderElection election = this.services.createLeaderElection("jobmaster");
		election.startLeaderElection(contender);
		contender.next();

		election.close();

		assertThat(contender.next()).isEqualTo("revoked");
		assertThat(election.hasLeadership(StandaloneHighAvailabilityServices.DEFAULT_LEADER_SESSION_ID)).isFalse();
	}

	@Test
	void closingTheServicesRevokesEveryLeadership() throws Exception {
		StandaloneHighAvailabilityServices own = new StandaloneHighAvailabilityServices();
		Recorder contender = new Recorder();
		own.createLeaderElection("jobmaster").startLeaderElection(contender);
		contender.next();

		own.close();

		assertThat(contender.next()).isEqualTo("revoked");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> own.createLeaderElection("jobmaster"))
			.withMessageContaining("closed");
	}

	@Test
	void startingAnElectionTwiceIsRefused() {
		LeaderElection election = this.services.createLeaderElection("jobmaster");
		election.startLeaderElection(new Recorder());

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> election.startLeaderElection(new Recorder()))
			.withMessageContaining("already started");
	}

	@Test
	void invalidComponentIdAndBlankAddressAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.services.createLeaderElection("a/b"))
			.withMessageContaining("'a/b'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new StandaloneHighAvailabilityServices(Map.of("jobmaster", " ")))
			.withMessageContaining("address");
	}

	/** Records contender and listener callbacks as text. */
	private static final class Recorder implements LeaderContender, LeaderRetrievalListener {

		private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

		@Override
		public void grantLeadership(UUID leaderSessionId) {
			this.events.add("granted " + leaderSessionId + " on " + Thread.currentThread().getName());
		}

		@Override
		public void revokeLeadership() {
			this.events.add("revoked");
		}

		@Override
		public void notifyLeaderAddress(LeaderInformation leader) {
			this.events.add("leader " + leader.address());
		}

		@Override
		public void notifyNoLeader() {
			this.events.add("no leader");
		}

		@Override
		public void handleError(Throwable error) {
			this.events.add("error " + error);
		}

		String next() throws InterruptedException {
			return Optional.ofNullable(this.events.poll(BOUND.toMillis(), TimeUnit.MILLISECONDS))
				.orElseThrow(() -> new AssertionError("nothing within " + BOUND));
		}

	}

}
