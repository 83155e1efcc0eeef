package org.actorrpc.pekko;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.FencedRpcEndpoint;
import org.actorrpc.FencedRpcGateway;
import org.actorrpc.RpcService;
import org.actorrpc.exceptions.FencingTokenException;
import org.actorrpc.testutil.Bounded;
import org.actorrpc.testutil.Failures;
import org.actorrpc.testutil.RpcServicePair;
import org.actorrpc.testutil.RpcServices;

import static org.actorrpc.testutil.Bounded.BOUND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fencing is checked for every message: the right token works, a wrong one is refused with a
 * {@link FencingTokenException}, an unfenced gateway cannot reach a fenced endpoint (Flink's
 * FencedRpcEndpointTest).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FencingTest {

	/** Two services shared by the tests of this class; each test gets a fresh endpoint. */
	@RegisterExtension
	static final RpcServices SERVICES = new RpcServices();

	private RpcServicePair services;

	private FencedCounterEndpoint endpoint;

	private UUID token;

	@BeforeAll
	void startServices() {
		this.services = SERVICES.pair(UnaryOperator.identity(), (b) -> b.askTimeout(Duration.ofSeconds(60)));
	}

	@BeforeEach
	void startFencedEndpoint() {
		UUID token = UUID.randomUUID();
		this.token = token;
		this.endpoint = this.services.startEndpoint((service, id) -> new FencedCounterEndpoint(service, id, token),
				this.services.nextEndpointId("fenced"));
	}

	@Test
	void callsWithTheEndpointsTokenAreProcessed() throws Exception {
		FencedCounterGateway gateway = connect(this.token);

		assertThat(Bounded.get(gateway.increment())).isEqualTo(1);
		assertThat(gateway.getFencingToken()).isEqualTo(this.token);
	}

	@Test
	void callWithAWrongTokenFailsWithFencingTokenException() throws Exception {
		FencedCounterGateway wrong = connect(UUID.randomUUID());

		Throwable failure = Failures.failureOf(wrong.increment(), BOUND);

		assertThat(failure).isInstanceOf(FencingTokenException.class);
	}

	@Test
	void tokenIsCheckedOnEveryMessageNotOnlyAtConnect() throws Exception {
		FencedCounterGateway right = connect(this.token);
		FencedCounterGateway wrong = connect(UUID.randomUUID());

		for (int i = 1; i <= 5; i++) {
			assertThat(Bounded.get(right.increment())).isEqualTo(i);
			assertThat(Failures.failureOf(wrong.increment(), BOUND)).isInstanceOf(FencingTokenException.class);
			wrong.incrementAndForget();
		}

		assertThat(Bounded.get(right.count()))
			.as("wrong-token calls, including fire-and-forget ones, never ran")
			.isEqualTo(5);
	}

	@Test
	void unfencedConnectToAFencedEndpointCannotInvokeIt() throws Exception {
		CompletableFuture<FencedCounterGateway> unfenced = this.services.client()
			.connect(this.endpoint.getAddress(), FencedCounterGateway.class);

		Throwable failure;
		try {
			FencedCounterGateway gateway = Bounded.get(unfenced);
			failure = Failures.failureOfCall(gateway::increment, BOUND);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			failure = Failures.unwrap(ex);
		}

		assertThat(failure).isInstanceOfAny(org.actorrpc.exceptions.RpcException.class,
				org.actorrpc.exceptions.RpcRuntimeException.class);
		assertThat(Failures.allMessages(failure).toLowerCase(java.util.Locale.ROOT)).contains("fenc");
		assertThat(Bounded.get(this.endpoint.getSelfGateway(FencedCounterGateway.class).count())).isZero();
	}

	@Test
	void selfGatewayOfAFencedEndpointCarriesItsToken() throws Exception {
		FencedCounterGateway self = this.endpoint.getSelfGateway(FencedCounterGateway.class);

		assertThat(self.getFencingToken()).isEqualTo(this.token);
		assertThat(Bounded.get(self.increment())).isEqualTo(1);
	}

	@Test
	void newLeaderEndpointWithANewTokenRejectsTheOldLeadersGateway() throws Exception {
		FencedCounterGateway oldLeader = connect(this.token);
		Bounded.get(this.endpoint.closeAsync());
		UUID newToken = UUID.randomUUID();
		this.services.startEndpoint((service, id) -> new FencedCounterEndpoint(service, id, newToken),
				this.endpoint.getEndpointId());

		FencedCounterGateway oldTokenGateway = connect(this.token);

		assertThat(Failures.failureOf(oldTokenGateway.increment(), BOUND)).isInstanceOf(FencingTokenException.class);
		assertThat(Bounded.get(connect(newToken).increment())).isEqualTo(1);
		assertThat(oldLeader.getFencingToken()).isEqualTo(this.token);
	}

	private FencedCounterGateway connect(UUID fencingToken) throws Exception {
		return this.services.connect(this.endpoint, fencingToken, FencedCounterGateway.class);
	}

	/** A fenced gateway. */
	public interface FencedCounterGateway extends FencedRpcGateway<UUID> {

		CompletableFuture<Integer> increment();

		void incrementAndForget();

		CompletableFuture<Integer> count();

	}

	static class FencedCounterEndpoint extends FencedRpcEndpoint<UUID> implements FencedCounterGateway {

		private int counter;

		FencedCounterEndpoint(RpcService rpcService, String endpointId, UUID token) {
			super(rpcService, endpointId, token);
		}

		@Override
		public CompletableFuture<Integer> increment() {
			return CompletableFuture.completedFuture(++this.counter);
		}

		@Override
		public void incrementAndForget() {
			this.counter++;
		}

		@Override
		public CompletableFuture<Integer> count() {
			return CompletableFuture.completedFuture(this.counter);
		}

	}

}
