package org.actorrpc.pekko;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.ActorSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.testutil.EchoEndpoint;
import org.actorrpc.testutil.EchoGateway;
import org.actorrpc.testutil.RpcServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@link ActorSystem} the user created from a plain {@code ConfigFactory.load()} (only Pekko's
 * own remoting keys set, nothing of actorrpc's merged in) carries an RPC service: rpc-core's
 * {@code reference.conf} brings its serializer, bindings and dispatchers, as any Pekko library's
 * does.
 */
class PlainActorSystemTest {

	@RegisterExtension
	final RpcServices services = new RpcServices();

	private ActorSystem plainSystem(String prefix) {
		Config config = ConfigFactory.parseString("""
				pekko.actor.provider = remote
				pekko.remote.artery.transport = tcp
				pekko.remote.artery.canonical.hostname = "127.0.0.1"
				pekko.remote.artery.canonical.port = 0
				pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
				""").withFallback(ConfigFactory.load());
		ActorSystem system = ActorSystem.create(RpcServices.uniqueName(prefix), config);
		this.services.register(() -> {
			system.terminate();
			system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
		});
		return system;
	}

	private PekkoRpcService serviceOn(ActorSystem system) {
		PekkoRpcServiceSettings settings = PekkoRpcServiceSettings.builder()
			.systemName(system.name())
			.host("127.0.0.1")
			.port(0)
			.shutdownTimeout(Duration.ofSeconds(10))
			.build();
		PekkoRpcService service = new PekkoRpcService(system, settings);
		this.services.register(() -> service.closeAsync().get(30, TimeUnit.SECONDS));
		return service;
	}

	@Test
	void servicesOnPlainActorSystemsCallEachOtherOverArtery() throws Exception {
		PekkoRpcService server = serviceOn(plainSystem("plain-server"));
		PekkoRpcService client = serviceOn(plainSystem("plain-client"));
		EchoEndpoint endpoint = new EchoEndpoint(server, "echo");
		endpoint.start();
		assertThat(server.getPort()).isPositive();

		EchoGateway gateway = client.connect(server.getEndpointAddress("echo"), EchoGateway.class)
			.get(30, TimeUnit.SECONDS);

		assertThat(gateway.echo("over the wire").get(30, TimeUnit.SECONDS)).isEqualTo("over the wire");
		assertThat(gateway.echoSync("sync")).isEqualTo("sync");
	}

}
