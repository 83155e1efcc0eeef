package org.actorrpc.pekko;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.exceptions.RecipientUnreachableException;
import org.actorrpc.testutil.Bounded;
import org.actorrpc.testutil.EchoGateway;
import org.actorrpc.testutil.EchoNodeProcess;
import org.actorrpc.testutil.Failures;
import org.actorrpc.testutil.RpcServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Calls across a real process boundary: a second JVM ({@link org.actorrpc.testutil.EchoNodeMain})
 * hosts the endpoint; it is killed with SIGKILL during a call, or stopped gracefully, and restarted at the same
 * port.
 */
class ProcessBoundaryTest {

	/** A call failing by timeout could never pass this test. */
	private static final Duration ASK_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration DEAD_REMOTE_DETECTION = Duration.ofSeconds(2);

	private static final Duration BOUND = Duration.ofSeconds(30);

	@RegisterExtension
	final RpcServices services = new RpcServices();

	@Test
	void callsCrossTheProcessBoundarySigkillFailsTheInFlightCallFastAndARestartAtTheSamePortIsReachable()
			throws Exception {
		String systemName = RpcServices.uniqueName("echo-node");
		EchoNodeProcess node = this.services.register(EchoNodeProcess.start(systemName, 0, "echo"));
		PekkoRpcService client = this.services.create("client", b -> b.askTimeout(ASK_TIMEOUT));
		EchoGateway gateway = Bounded.get(client.connect(node.address(), EchoGateway.class), BOUND);

		// 1. real remote calls: async, blocking and fire-and-forget
		assertThat(Bounded.get(gateway.echo("across processes"), BOUND)).isEqualTo("across processes");
		assertThat(gateway.echoSync("blocking")).isEqualTo("blocking");
		gateway.tell("told");
		assertThat(Bounded.get(gateway.told(), BOUND)).containsExactly("told");

		// 2. SIGKILL during a call: the in-flight call fails fast, not after the ask timeout
		CompletableFuture<String> inFlight = gateway.hang();
		assertThat(Bounded.get(gateway.echo("hang was delivered"), BOUND)).isNotNull();
		assertThat(inFlight).isNotDone();
		node.kill();
		assertThat(node.handle().isAlive()).isFalse();

		Throwable failure = Failures.failureOf(inFlight, DEAD_REMOTE_DETECTION);
		assertThat(failure).as("output of the killed node:\n%s", node.output())
			.isInstanceOf(RecipientUnreachableException.class);
		assertThat(Failures.failureOfCall(() -> gateway.echo("while dead"), BOUND))
			.isInstanceOf(RecipientUnreachableException.class);

		// 3. restart at the same port: the same caller gateway works again
		EchoNodeProcess restarted = this.services.register(EchoNodeProcess.start(systemName, node.port(), "echo"));
		assertThat(restarted.address()).isEqualTo(node.address());
		await().atMost(BOUND).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
			.until(() -> "after restart".equals(gateway.echo("after restart").get(5, TimeUnit.SECONDS)));
		assertThat(Bounded.get(gateway.told(), BOUND))
			.as("a fresh process has fresh state")
			.isEmpty();
		EchoGateway reconnected = Bounded.get(client.connect(restarted.address(), EchoGateway.class), BOUND);
		assertThat(reconnected.echoSync("fresh connect from the same caller service"))
			.isEqualTo("fresh connect from the same caller service");
	}

	@Test
	void processRestartedAtTheSamePortAfterAGracefulStopAcceptsNewConnections() throws Exception {
		String systemName = RpcServices.uniqueName("echo-node");
		EchoNodeProcess node = this.services.register(EchoNodeProcess.start(systemName, 0, "echo"));
		PekkoRpcService client = this.services.create("client", b -> b.askTimeout(Duration.ofSeconds(10)));
		EchoGateway gateway = Bounded.get(client.connect(node.address(), EchoGateway.class), BOUND);
		assertThat(Bounded.get(gateway.echo("first incarnation"), BOUND)).isEqualTo("first incarnation");

		// A graceful stop tells the caller that this incarnation is gone for good, and Artery stops its
		// association with it; like a TaskManager waiting for its JobMaster, the caller keeps trying meanwhile.
		node.close();
		assertThat(node.handle().isAlive()).isFalse();
		await().during(Duration.ofSeconds(4)).atMost(BOUND).pollInterval(Duration.ofMillis(500))
			.until(() -> Failures.allMessages(Failures.failureOfCall(
					() -> client.connect(node.address(), EchoGateway.class), BOUND))
				.contains("connection refused"));

		EchoNodeProcess restarted = this.services.register(EchoNodeProcess.start(systemName, node.port(), "echo"));
		EchoGateway reconnected = Bounded.get(client.connect(restarted.address(), EchoGateway.class), BOUND);
		assertThat(Bounded.get(reconnected.echo("second incarnation"), BOUND)).isEqualTo("second incarnation");
	}

}
