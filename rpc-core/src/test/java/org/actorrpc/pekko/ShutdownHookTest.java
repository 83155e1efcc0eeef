package org.actorrpc.pekko;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.testutil.Bounded;
import org.actorrpc.testutil.EchoEndpoint;
import org.actorrpc.testutil.EchoGateway;
import org.actorrpc.testutil.EchoNodeProcess;
import org.actorrpc.testutil.GoodbyeNodeMain;
import org.actorrpc.testutil.RpcServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A process stopped with SIGTERM that closes its services from its own JVM shutdown hook (what Spring does) keeps
 * its transport until its endpoints' {@code onStop} has run: Pekko's own JVM shutdown hooks, which would shut the
 * transport down at the same moment, are off.
 */
class ShutdownHookTest {

	private static final int GOODBYE_CALLS = 20;

	private static final Duration BOUND = Duration.ofSeconds(60);

	@RegisterExtension
	final RpcServices services = new RpcServices();

	@Test
	void callsMadeFromOnStopOfAProcessStoppedWithSigtermArriveBeforeItsTransportCloses() throws Exception {
		PekkoRpcService caller = this.services.create("caller");
		EchoEndpoint echo = new EchoEndpoint(caller, "echo");
		echo.start();
		EchoNodeProcess node = this.services.register(EchoNodeProcess.start(List.of("-Xmx128m"),
				GoodbyeNodeMain.class, RpcServices.uniqueName("goodbye-node"), echo.getAddress(),
				Integer.toString(GOODBYE_CALLS)));

		node.handle().destroy();

		await().atMost(BOUND).until(() -> !node.handle().isAlive());
		EchoGateway self = echo.getSelfGateway(EchoGateway.class);
		assertThat(Bounded.get(self.told(), BOUND))
			.as("what the stopped node told, after %d calls from its onStop; its output:%n%s", GOODBYE_CALLS,
					node.output())
			.containsExactly(GoodbyeNodeMain.GOODBYE);
		assertThat(node.output()).doesNotContain("closing the service failed");
	}

}
