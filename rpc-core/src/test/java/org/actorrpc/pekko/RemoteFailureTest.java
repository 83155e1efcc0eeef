package org.actorrpc.pekko;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.exceptions.RecipientUnreachableException;
import org.actorrpc.testutil.Bounded;
import org.actorrpc.testutil.EchoEndpoint;
import org.actorrpc.testutil.EchoGateway;
import org.actorrpc.testutil.Failures;
import org.actorrpc.testutil.RpcServicePair;
import org.actorrpc.testutil.RpcServices;

import static org.actorrpc.testutil.Bounded.BOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A terminated endpoint or a dead remote service fails calls fast with
 * {@link RecipientUnreachableException} (never by ask timeout), and a remote restarted at the
 * same address is reachable again without restarting the caller (RemotePekkoRpcActorTest, and
 * DESIGN.md "better than Flink" point 2). Both services live in this JVM; see
 * {@link ProcessBoundaryTest} for a real SIGKILL.
 */
class RemoteFailureTest {

	/** A call failing by timeout could never pass these tests. */
	private static final Duration ASK_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration DEAD_REMOTE_DETECTION = Duration.ofSeconds(2);

	@RegisterExtension
	final RpcServices rpcServices = new RpcServices();

	/** A fresh pair for every test: the tests close the server. */
	private RpcServicePair services;

	private EchoEndpoint endpoint;

	private EchoGateway gateway;

	@BeforeEach
	void connectToAnEchoEndpoint() throws Exception {
		this.services = this.rpcServices.pair(UnaryOperator.identity(), (b) -> b.askTimeout(ASK_TIMEOUT));
		this.endpoint = this.services.startEndpoint(EchoEndpoint::new, "echo");
		this.gateway = this.services.connect(this.endpoint, EchoGateway.class);
	}

	@Test
	void callToATerminatedRemoteEndpointFailsAtOnceWithRecipientUnreachableException() throws Exception {
		PekkoRpcService server = this.services.server();
		Bounded.get(this.endpoint.closeAsync());

		Throwable failure = Failures.failureOfCall(() -> this.gateway.echo("after stop"), BOUND);

		assertThat(failure).isInstanceOf(RecipientUnreachableException.class);
		assertThat(server.getEndpointViews()).noneMatch(v -> v.getEndpointId().equals("echo")
				&& v.getState() == org.actorrpc.RpcEndpointView.State.STARTED);
	}

	@Test
	void callAfterTheRemoteServiceClosedFailsFastWithRecipientUnreachableException() throws Exception {
		PekkoRpcService server = this.services.server();
		Bounded.get(server.closeAsync());

		Throwable failure = Failures.failureOfCall(() -> this.gateway.echo("nobody home"), BOUND);

		assertThat(failure).isInstanceOf(RecipientUnreachableException.class);
	}

	@Test
	void inFlightCallFailsWithinTwoSecondsWhenTheRemoteServiceGoesDown() throws Exception {
		PekkoRpcService server = this.services.server();
		CompletableFuture<String> inFlight = this.gateway.hang();
		assertThat(Bounded.get(this.gateway.echo("hang is queued before this"))).isNotNull();

		Bounded.get(server.closeAsync());

		Throwable failure = Failures.failureOf(inFlight, DEAD_REMOTE_DETECTION);
		assertThat(failure).isInstanceOf(RecipientUnreachableException.class);
	}

	@Test
	void restartedRemoteServiceAtTheSameAddressIsReachableAgainThroughTheSameGateway() throws Exception {
		PekkoRpcService server = this.services.server();
		String address = this.endpoint.getAddress();
		assertThat(Bounded.get(this.gateway.echo("before"))).isEqualTo("before");
		int port = server.getPort();

		Bounded.get(server.closeAsync());
		assertThat(Failures.failureOfCall(() -> this.gateway.echo("while down"), BOUND))
			.isInstanceOf(RecipientUnreachableException.class);
		PekkoRpcService restarted = this.rpcServices.create(server.getSettings().toBuilder().port(port).build());
		EchoEndpoint restartedEndpoint = new EchoEndpoint(restarted, "echo");
		restartedEndpoint.start();

		assertThat(restartedEndpoint.getAddress()).isEqualTo(address);
		await().atMost(BOUND).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
			.until(() -> "after restart".equals(this.gateway.echo("after restart").get(5, TimeUnit.SECONDS)));
		EchoGateway reconnected = this.services.connect(address, EchoGateway.class);
		assertThat(Bounded.get(reconnected.echo("fresh connect"))).isEqualTo("fresh connect");
	}

	@Test
	void serviceRestartedAtTheSameAddressAfterAGracefulCloseAcceptsNewConnections() throws Exception {
		PekkoRpcService server = this.services.server();
		String address = this.endpoint.getAddress();
		int port = server.getPort();
		// A graceful close tells the caller that this incarnation is gone for good: Artery stops its association
		// with it, and drops whatever is sent there until a new incarnation has shaken hands. In one JVM the new
		// incarnation is up before that news arrives, so the first handshake races it (and is resent).
		Bounded.get(server.closeAsync());
		await().atMost(BOUND).pollInterval(Duration.ofMillis(200))
			.until(() -> Failures.allMessages(Failures.failureOfCall(
					() -> this.services.client().connect(address, EchoGateway.class), BOUND))
				.contains("connection refused"));

		PekkoRpcService restarted = this.rpcServices.create(server.getSettings().toBuilder().port(port).build());
		new EchoEndpoint(restarted, "echo").start();

		// Within the bound, far below the 60 s ask timeout: a lost handshake is not waited out.
		EchoGateway reconnected = Bounded.get(this.services.client().connect(address, EchoGateway.class));
		assertThat(Bounded.get(reconnected.echo("new incarnation"))).isEqualTo("new incarnation");
	}

}
