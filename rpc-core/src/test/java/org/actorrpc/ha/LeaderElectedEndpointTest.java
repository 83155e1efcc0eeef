package org.actorrpc.ha;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.FencedRpcEndpoint;
import org.actorrpc.FencedRpcGateway;
import org.actorrpc.MainThreadExecutable;
import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcService;
import org.actorrpc.exceptions.FencingTokenException;
import org.actorrpc.testutil.Bounded;
import org.actorrpc.testutil.Failures;
import org.actorrpc.testutil.RpcServicePair;
import org.actorrpc.testutil.RpcServices;

import static org.actorrpc.testutil.Bounded.BOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * A fenced endpoint whose token follows leadership, driven by an {@link EndpointLeaderContender}
 * over real Pekko remoting: it refuses everything until it leads, accepts the session id while it
 * leads, and refuses the old session from the very next message once leadership is revoked.
 */
class LeaderElectedEndpointTest {

	@RegisterExtension
	final RpcServices services = new RpcServices();

	private RpcServicePair pair;

	private CounterEndpoint endpoint;

	private ManualLeaderElection election;

	private EndpointLeaderContender contender;

	@BeforeEach
	void startEndpoint() {
		this.pair = this.services.pair();
		this.endpoint = this.pair.startEndpoint(CounterEndpoint::new, "counter");
		this.election = new ManualLeaderElection();
		this.contender = new EndpointLeaderContender(this.endpoint, this.election, List.of());
		this.contender.start();
	}

	@Test
	void endpointWithoutLeadershipRefusesEveryCallAsNotTheLeader() throws Exception {
		CounterGateway gateway = this.pair.connect(this.endpoint, UUID.randomUUID(), CounterGateway.class);

		Throwable failure = Failures.failureOf(gateway.increment(), BOUND);

		assertThat(failure).isInstanceOf(FencingTokenException.class).hasMessageContaining("Not the leader");
		assertThat(this.contender.view().state()).isEqualTo(LeadershipView.State.STANDBY);
	}

	@Test
	void grantedEndpointServesItsSessionIdAndConfirmsWithItsAddressAfterTheCallback() throws Exception {
		UUID session = this.election.grant();

		await().atMost(BOUND).until(() -> !this.election.confirmed.isEmpty());
		CounterGateway leader = this.pair.connect(this.endpoint, session, CounterGateway.class);
		CounterGateway other = this.pair.connect(this.endpoint, UUID.randomUUID(), CounterGateway.class);

		assertThat(Bounded.get(leader.increment())).isEqualTo(1);
		assertThat(Failures.failureOf(other.increment(), BOUND)).isInstanceOf(FencingTokenException.class);
		assertThat(this.election.confirmed).containsExactly(new LeaderInformation(session, this.endpoint.getAddress()));
		assertThat(this.endpoint.events).containsExactly("granted " + session + " on " + this.endpoint.mainThreadName);
		assertThat(this.endpoint.tokenSeenWhenGranted).isEqualTo(session);
		assertThat(this.contender.view().state()).isEqualTo(LeadershipView.State.LEADER);
		assertThat(this.contender.view().leaderSessionId()).isEqualTo(session);
	}

	@Test
	void revocationRefusesTheOldSessionEvenForCallsAlreadyQueued() throws Exception {
		UUID session = this.election.grant();
		await().atMost(BOUND).until(() -> !this.election.confirmed.isEmpty());
		CounterGateway leader = this.pair.connect(this.endpoint, session, CounterGateway.class);
		CountDownLatch release = new CountDownLatch(1);
		this.endpoint.latches.put(7, release);
		CompletableFuture<Integer> blocking = leader.blockUntilReleased(7);
		CompletableFuture<Integer> queued = leader.increment();
		await().atMost(BOUND).until(() -> mailboxDepth() >= 1);

		this.election.revoke();
		release.countDown();

		assertThat(Bounded.get(blocking)).as("the message being processed finishes").isZero();
		assertThat(Failures.failureOf(queued, BOUND)).isInstanceOf(FencingTokenException.class)
			.hasMessageContaining("Not the leader");
		await().atMost(BOUND).until(() -> this.endpoint.events.size() == 2);
		assertThat(this.endpoint.events.get(1)).isEqualTo("revoked on " + this.endpoint.mainThreadName);
		assertThat(Failures.failureOf(this.endpoint.getSelfGateway(CounterGateway.class).count(), BOUND))
			.as("self gateway calls while not leading are refused too")
			.isInstanceOf(FencingTokenException.class);
	}

	@Test
	void selfGatewayCreatedBeforeTheGrantCarriesTheCurrentSession() throws Exception {
		CounterGateway self = this.endpoint.getSelfGateway(CounterGateway.class);

		UUID session = this.election.grant();

		assertThat(self.getFencingToken()).isEqualTo(session);
		assertThat(Bounded.get(self.increment())).isEqualTo(1);
	}

	@Test
	void grantRevokedBeforeItsCallbackRanIsSkippedWithItsRevocation() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		((MainThreadExecutable) this.endpoint.getSelfGateway(CounterGateway.class)).runAsync(() -> {
			try {
				release.await(BOUND.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		UUID first = this.election.grant();
		this.election.revoke();
		UUID second = this.election.grant();
		release.countDown();

		await().atMost(BOUND).until(() -> !this.election.confirmed.isEmpty());
		assertThat(this.endpoint.events).containsExactly("granted " + second + " on " + this.endpoint.mainThreadName);
		assertThat(this.election.confirmed).extracting(LeaderInformation::sessionId).containsExactly(second);
		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void failingGrantCallbackGivesUpLeadershipAndWithdraws() throws Exception {
		this.endpoint.failNextGrant = true;

		UUID session = this.election.grant();

		await().atMost(BOUND).until(this.election::isClosed);
		assertThat(this.contender.view().state()).isEqualTo(LeadershipView.State.FAILED);
		assertThat(this.endpoint.getFencingToken()).isNull();
		assertThat(this.election.confirmed).isEmpty();
		CounterGateway gateway = this.pair.connect(this.endpoint, session, CounterGateway.class);
		assertThat(Failures.failureOf(gateway.increment(), BOUND)).isInstanceOf(FencingTokenException.class);
	}

	@Test
	void closingTheContenderStopsLeadingAtOnceButKeepsTheEndpointRunning() throws Exception {
		UUID session = this.election.grant();
		await().atMost(BOUND).until(() -> !this.election.confirmed.isEmpty());

		this.contender.close();

		assertThat(this.election.isClosed()).isTrue();
		assertThat(this.endpoint.getFencingToken()).isNull();
		CounterGateway gateway = this.pair.connect(this.endpoint, session, CounterGateway.class);
		assertThat(Failures.failureOf(gateway.increment(), BOUND)).isInstanceOf(FencingTokenException.class);
		await().atMost(BOUND).until(() -> this.endpoint.events.size() == 2);
		assertThat(this.contender.view().state()).isEqualTo(LeadershipView.State.STOPPED);
		assertThat(this.contender.view().changes()).isEqualTo(2);
	}

	@Test
	void fixedTokenEndpointCannotBeLeaderElected() {
		FixedEndpoint fixed = this.pair.startEndpoint((service, id) -> new FixedEndpoint(service, id), "fixed");

		assertThatIllegalStateException().isThrownBy(() -> fixed.updateFencingToken(UUID.randomUUID()))
			.withMessageContaining("fixed at construction");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EndpointLeaderContender(fixed, new ManualLeaderElection(), List.of()))
			.withMessageContaining("FencedRpcEndpoint(rpcService, endpointId)");
	}

	private int mailboxDepth() {
		return this.pair.server()
			.getEndpointViews()
			.stream()
			.filter((view) -> view.getEndpointId().equals("counter"))
			.mapToInt(RpcEndpointView::getMailboxDepth)
			.findFirst()
			.orElse(0);
	}

	/** The gateway of the test endpoint. */
	public interface CounterGateway extends FencedRpcGateway<UUID> {

		CompletableFuture<Integer> increment();

		CompletableFuture<Integer> count();

		CompletableFuture<Integer> blockUntilReleased(int latch);

		int blockingCount();

	}

	static final class CounterEndpoint extends FencedRpcEndpoint<UUID> implements CounterGateway, LeadershipListener {

		final List<String> events = new CopyOnWriteArrayList<>();

		final java.util.Map<Integer, CountDownLatch> latches = new java.util.concurrent.ConcurrentHashMap<>();

		volatile String mainThreadName;

		volatile UUID tokenSeenWhenGranted;

		volatile boolean failNextGrant;

		private int counter;

		CounterEndpoint(RpcService rpcService, String endpointId) {
			super(rpcService, endpointId);
		}

		@Override
		protected void onStart() {
			this.mainThreadName = Thread.currentThread().getName();
		}

		@Override
		public void onLeadershipGranted(UUID leaderSessionId) {
			validateRunsInMainThread();
			if (this.failNextGrant) {
				throw new IllegalStateException("cannot recover");
			}
			this.tokenSeenWhenGranted = getFencingToken();
			this.events.add("granted " + leaderSessionId + " on " + Thread.currentThread().getName());
		}

		@Override
		public void onLeadershipRevoked() {
			validateRunsInMainThread();
			this.events.add("revoked on " + Thread.currentThread().getName());
		}

		@Override
		public CompletableFuture<Integer> increment() {
			return CompletableFuture.completedFuture(++this.counter);
		}

		@Override
		public CompletableFuture<Integer> count() {
			return CompletableFuture.completedFuture(this.counter);
		}

		@Override
		public int blockingCount() {
			return this.counter;
		}

		@Override
		public CompletableFuture<Integer> blockUntilReleased(int latch) {
			try {
				await().atMost(BOUND).until(() -> this.latches.containsKey(latch));
				this.latches.get(latch).await(BOUND.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return CompletableFuture.completedFuture(0);
		}

	}

	static final class FixedEndpoint extends FencedRpcEndpoint<UUID> implements CounterGateway {

		FixedEndpoint(RpcService rpcService, String endpointId) {
			super(rpcService, endpointId, UUID.randomUUID());
		}

		@Override
		public CompletableFuture<Integer> increment() {
			return CompletableFuture.completedFuture(1);
		}

		@Override
		public CompletableFuture<Integer> count() {
			return CompletableFuture.completedFuture(1);
		}

		@Override
		public CompletableFuture<Integer> blockUntilReleased(int latch) {
			return CompletableFuture.completedFuture(0);
		}

		@Override
		public int blockingCount() {
			return 1;
		}

	}

}
