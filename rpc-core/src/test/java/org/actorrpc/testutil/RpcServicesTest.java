package org.actorrpc.testutil;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.actorrpc.pekko.PekkoRpcService;

import static org.actorrpc.testutil.Bounded.BOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The fixture every remote test builds on: services are always closed at the end of the scope
 * they were created in, newest first, and a pair's client reaches the endpoints of its server
 * (Flink's TestingRpcServiceExtension, with real services). The extension's callbacks are driven
 * directly, as JUnit would around a test and a class; it reads nothing from the context.
 */
class RpcServicesTest {

	@Test
	void servicesCreatedInATestAreClosedAfterItNewestFirstEvenWhenAnEarlierCloseFails() throws Exception {
		RpcServices fixture = new RpcServices();
		List<String> closed = new CopyOnWriteArrayList<>();
		fixture.beforeEach(null);
		PekkoRpcService service = fixture.create("closed-after-test");
		fixture.register(() -> {
			closed.add("first");
			throw new IllegalStateException("first close failed");
		});
		fixture.register(() -> closed.add("second"));

		assertThatIllegalStateException().isThrownBy(() -> fixture.afterEach(null)).withMessage("first close failed");
		assertThat(closed).containsExactly("second", "first");
		assertThat(service.getTerminationFuture()).as("closed although a later-registered close failed")
			.succeedsWithin(BOUND);
	}

	@Test
	void servicesCreatedOutsideATestLiveUntilTheClassEnds() throws Exception {
		RpcServices fixture = new RpcServices();
		PekkoRpcService shared = fixture.create("closed-after-class");
		try {
			fixture.beforeEach(null);
			PekkoRpcService perTest = fixture.create("closed-after-test");
			fixture.afterEach(null);

			assertThat(perTest.getTerminationFuture()).succeedsWithin(BOUND);
			assertThat(shared.getTerminationFuture()).as("still open between the tests of the class").isNotDone();
		}
		finally {
			fixture.afterAll(null);
		}
		assertThat(shared.getTerminationFuture()).succeedsWithin(BOUND);
	}

	@Test
	void pairConnectsItsClientToAnEndpointStartedOnItsServerOverLoopback() throws Exception {
		RpcServices fixture = new RpcServices();
		fixture.beforeEach(null);
		try {
			RpcServicePair pair = fixture.pair();
			String firstId = pair.nextEndpointId("echo");
			String secondId = pair.nextEndpointId("echo");
			EchoEndpoint endpoint = pair.startEndpoint(EchoEndpoint::new, firstId);

			EchoGateway gateway = pair.connect(endpoint, EchoGateway.class);

			assertThat(firstId).isNotEqualTo(secondId).startsWith("echo-");
			assertThat(pair.server().getAddress()).isEqualTo("127.0.0.1");
			assertThat(pair.client().getPort()).isPositive().isNotEqualTo(pair.server().getPort());
			assertThat(gateway.getAddress()).isEqualTo(pair.server().getEndpointAddress(firstId));
			assertThat(Bounded.get(gateway.echo("through the pair"))).isEqualTo("through the pair");
		}
		finally {
			fixture.afterEach(null);
		}
	}

}
