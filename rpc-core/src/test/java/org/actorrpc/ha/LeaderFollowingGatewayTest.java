package org.actorrpc.ha;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.RpcGateway;
import org.actorrpc.client.ClientSettings;
import org.actorrpc.client.RpcClientView;
import org.actorrpc.exceptions.FencingTokenException;
import org.actorrpc.exceptions.RpcConnectionException;
import org.actorrpc.exceptions.RpcRuntimeException;
import org.actorrpc.ha.LeaderElectedEndpointTest.CounterEndpoint;
import org.actorrpc.ha.LeaderElectedEndpointTest.CounterGateway;
import org.actorrpc.testutil.Bounded;
import org.actorrpc.testutil.Failures;
import org.actorrpc.testutil.RpcServicePair;
import org.actorrpc.testutil.RpcServices;

import static org.actorrpc.testutil.Bounded.BOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * A client that follows the leader of a component over real Pekko remoting: it fails fast while
 * there is no leader, calls the announced leader with its session id, and is re-fenced or
 * re-targeted by every announcement without any code of the caller's.
 */
class LeaderFollowingGatewayTest {

	@RegisterExtension
	final RpcServices services = new RpcServices();

	private RpcServicePair pair;

	private CounterEndpoint endpoint;

	private ManualLeaderElection election;

	private ManualLeaderRetrieval retrieval;

	private LeaderFollowingGateway<CounterGateway> client;

	@BeforeEach
	void setUp() {
		this.pair = this.services.pair();
		this.endpoint = this.pair.startEndpoint(CounterEndpoint::new, "counter");
		this.election = new ManualLeaderElection();
		new EndpointLeaderContender(this.endpoint, this.election, List.of()).start();
		this.retrieval = new ManualLeaderRetrieval();
		this.client = LeaderFollowingGateway
			.builder(this.pair.client(), CounterGateway.class, "counter", this.retrieval)
			.settings(ClientSettings.of("counter-client", "leader of counter"))
			.build();
		this.client.start();
	}

	@Test
	void withoutALeaderCallsFailAtOnceNamingTheClientAndTheComponent() {
		this.retrieval.noLeader();

		CompletableFuture<Integer> call = this.client.gateway().increment();

		assertThat(call).isCompletedExceptionally();
		Throwable failure = Failures.failureOf(call, BOUND);
		assertThat(failure).isInstanceOf(RpcConnectionException.class)
			.hasMessageStartingWith("no leader for 'counter-client'")
			.hasMessageContaining("endpoint 'counter'");
		assertThat(this.client.gateway().getFencingToken()).isNull();
		assertThat(this.client.view().lastFailure()).contains("no leader for 'counter-client'");
	}

	@Test
	void callsGoToTheAnnouncedLeaderWithItsSessionIdAndFollowEveryNewSession() throws Exception {
		UUID first = this.election.grant();
		this.retrieval.announce(new LeaderInformation(first, this.endpoint.getAddress()));

		assertThat(Bounded.get(this.client.gateway().increment())).isEqualTo(1);
		assertThat(this.client.gateway().getFencingToken()).isEqualTo(first);
		assertThat(this.client.gateway().getAddress()).isEqualTo(this.endpoint.getAddress());

		this.election.revoke();
		UUID second = this.election.grant();
		this.retrieval.announce(new LeaderInformation(second, this.endpoint.getAddress()));

		assertThat(Bounded.get(this.client.gateway().increment())).as("re-fenced with the new session").isEqualTo(2);
		assertThat(this.client.gateway().getFencingToken()).isEqualTo(second);
	}

	@Test
	void aNewLeaderElsewhereIsCalledAndTheDeposedOneRefusesItsOldSession() throws Exception {
		UUID first = this.election.grant();
		this.retrieval.announce(new LeaderInformation(first, this.endpoint.getAddress()));
		assertThat(Bounded.get(this.client.gateway().increment())).isEqualTo(1);
		CounterEndpoint successor = this.pair.startEndpoint(CounterEndpoint::new, "counter-successor");
		ManualLeaderElection successorElection = new ManualLeaderElection();
		new EndpointLeaderContender(successor, successorElection, List.of()).start();

		this.election.revoke();
		this.retrieval.noLeader();
		assertThat(this.client.gateway().increment()).isCompletedExceptionally();
		UUID second = successorElection.grant();
		this.retrieval.announce(new LeaderInformation(second, successor.getAddress()));

		await().atMost(BOUND).until(() -> !successorElection.confirmed.isEmpty());
		assertThat(Bounded.get(this.client.gateway().increment())).as("the successor's own counter").isEqualTo(1);
		CounterGateway stale = this.pair.connect(this.endpoint, first, CounterGateway.class);
		assertThat(Failures.failureOf(stale.increment(), BOUND)).isInstanceOf(FencingTokenException.class);
		LeaderFollowerView view = this.client.followerView();
		assertThat(view.leader()).isEqualTo(new LeaderInformation(second, successor.getAddress()));
		assertThat(view.changes()).isEqualTo(3);
		assertThat(view.leaderlessTime()).isPositive();
	}

	@Test
	void anAnnouncedLeaderThatCannotBeReachedIsNamedAsLeaderRetrievalsAnswer() {
		String nowhere = this.pair.server().getEndpointAddress("no-such-counter");
		this.retrieval.announce(new LeaderInformation(UUID.randomUUID(), nowhere));

		assertThat(Failures.failureOf(this.client.gateway().increment(), BOUND))
			.isInstanceOf(RpcConnectionException.class)
			.hasMessageContaining("RPC client 'counter-client' (CounterGateway) cannot reach " + nowhere
					+ " (leader of endpoint 'counter', from leader retrieval)");
		RpcClientView view = this.client.view();
		assertThat(view.address()).isEqualTo(nowhere);
		assertThat(view.failedAttempts()).as("reconnecting to the announced leader").isPositive();
		assertThat(view.lastFailure()).contains("from leader retrieval");
	}

	@Test
	void fireAndForgetAndBlockingCallsWithoutALeaderThrowAtOnce() {
		this.retrieval.noLeader();

		assertThat(Failures.failureOfBlockingCall(() -> this.client.gateway().blockingCount()))
			.isInstanceOf(RpcRuntimeException.class)
			.hasMessageContaining("no leader for 'counter-client'");
	}

	@Test
	void closingStopsTheRetrievalAndLaterCallsFail() {
		this.client.close();

		assertThat(this.retrieval.isStopped()).isTrue();
		assertThat(Failures.failureOf(this.client.gateway().increment(), BOUND))
			.isInstanceOf(RpcConnectionException.class)
			.hasMessageContaining("closed");
	}

	@Test
	void onlyUuidFencedGatewaysCanFollowALeader() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LeaderFollowingGateway.builder(this.pair.client(), PlainGateway.class, "counter",
					new ManualLeaderRetrieval()))
			.withMessageContaining("FencedRpcGateway<UUID>");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LeaderFollowingGateway.builder(this.pair.client(), StringFencedGateway.class, "counter",
					new ManualLeaderRetrieval()))
			.withMessageContaining("java.lang.String");
	}

	@Test
	void standaloneServicesAnnounceALeaderConfirmedInTheSameProcess() throws Exception {
		try (StandaloneHighAvailabilityServices ha = new StandaloneHighAvailabilityServices()) {
			CounterEndpoint local = this.pair.startEndpoint(CounterEndpoint::new, "standalone-counter");
			new EndpointLeaderContender(local, ha.createLeaderElection("standalone-counter"), List.of()).start();
			LeaderFollowingGateway<CounterGateway> follower = LeaderFollowingGateway
				.builder(this.pair.server(), CounterGateway.class, "standalone-counter",
						ha.createLeaderRetrievalService("standalone-counter"))
				.settings(ClientSettings.of("local", "leader of standalone-counter"))
				.build();
			follower.start();

			await().atMost(BOUND).until(() -> follower.gateway().getFencingToken() != null);
			assertThat(follower.gateway().getFencingToken())
				.isEqualTo(StandaloneHighAvailabilityServices.DEFAULT_LEADER_SESSION_ID);
			assertThat(Bounded.get(follower.gateway().increment())).isEqualTo(1);
			follower.close();
		}
	}

	/** Not fenced. */
	public interface PlainGateway extends RpcGateway {

		CompletableFuture<Integer> increment();

	}

	/** Fenced with strings. */
	public interface StringFencedGateway extends org.actorrpc.FencedRpcGateway<String> {

		CompletableFuture<Integer> increment();

	}

}
