package org.actorrpc.pekko;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.RpcGateway;
import org.actorrpc.exceptions.HandshakeException;
import org.actorrpc.exceptions.RpcConnectionException;
import org.actorrpc.testutil.EchoEndpoint;
import org.actorrpc.testutil.EchoGateway;
import org.actorrpc.testutil.Failures;
import org.actorrpc.testutil.RpcServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code connect}: address resolution and the handshake (gateway type, serialization registry),
 * failing fast with a clear error (Flink's PekkoRpcActorHandshakeTest and RpcConnectionTest).
 */
class ConnectAndHandshakeTest {

	/** A connect must fail long before this; a timeout would show up as a failed bound. */
	private static final Duration HUGE_ASK_TIMEOUT = Duration.ofMinutes(10);

	private static final Duration FAST = Duration.ofSeconds(15);

	private static final Duration BOUND = Duration.ofSeconds(20);

	@RegisterExtension
	final RpcServices services = new RpcServices();

	@Test
	void connectWithAMatchingGatewaySucceedsAndCalls() throws Exception {
		PekkoRpcService server = this.services.create("server");
		PekkoRpcService client = this.services.create("client");
		EchoEndpoint endpoint = new EchoEndpoint(server, "echo");
		endpoint.start();

		EchoGateway gateway = client.connect(endpoint.getAddress(), EchoGateway.class)
			.get(BOUND.toSeconds(), TimeUnit.SECONDS);

		assertThat(gateway.echo("hello").get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo("hello");
	}

	@Test
	void connectWithAGatewayTheEndpointDoesNotImplementFailsWithHandshakeException() {
		PekkoRpcService server = this.services.create("server");
		PekkoRpcService client = this.services.create("client", b -> b.askTimeout(HUGE_ASK_TIMEOUT));
		EchoEndpoint endpoint = new EchoEndpoint(server, "echo");
		endpoint.start();

		Throwable failure = Failures.failureOfCall(() -> client.connect(endpoint.getAddress(), OtherGateway.class), FAST);

		assertThat(failure).isInstanceOf(HandshakeException.class);
		assertThat(failure.getMessage()).contains("OtherGateway");
	}

	@Test
	void connectToAnUnresolvableHostFailsFastWithRpcConnectionExceptionNamingTheAddress() {
		PekkoRpcService client = this.services.create("client", b -> b.askTimeout(HUGE_ASK_TIMEOUT));
		String address = "pekko://nowhere@unresolvable-host.invalid:6123/user/rpc/echo";

		Throwable failure = Failures.failureOfCall(() -> client.connect(address, EchoGateway.class), FAST);

		assertThat(failure).isInstanceOf(RpcConnectionException.class);
		assertThat(failure.getMessage()).contains(address);
	}

	@Test
	void connectToAPortWithNobodyListeningFailsFastWithRpcConnectionException() throws Exception {
		PekkoRpcService client = this.services.create("client", b -> b.askTimeout(HUGE_ASK_TIMEOUT));
		int freePort;
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
			freePort = socket.getLocalPort();
		}
		String address = "pekko://nobody@127.0.0.1:" + freePort + "/user/rpc/echo";

		Throwable failure = Failures.failureOfCall(() -> client.connect(address, EchoGateway.class), FAST);

		assertThat(failure).isInstanceOf(RpcConnectionException.class);
		assertThat(failure.getMessage()).contains(address);
	}

	@Test
	void connectToANonexistentEndpointOfARunningServiceFailsFastWithRpcConnectionException() {
		PekkoRpcService server = this.services.create("server");
		PekkoRpcService client = this.services.create("client", b -> b.askTimeout(HUGE_ASK_TIMEOUT));
		String address = server.getEndpointAddress("no-such-endpoint");

		Throwable failure = Failures.failureOfCall(() -> client.connect(address, EchoGateway.class), FAST);

		assertThat(failure).isInstanceOf(RpcConnectionException.class);
		assertThat(failure.getMessage()).contains("no-such-endpoint");
	}

	@Test
	void connectToATerminatedEndpointFailsFastWithRpcConnectionException() throws Exception {
		PekkoRpcService server = this.services.create("server");
		PekkoRpcService client = this.services.create("client", b -> b.askTimeout(HUGE_ASK_TIMEOUT));
		EchoEndpoint endpoint = new EchoEndpoint(server, "gone");
		endpoint.start();
		endpoint.closeAsync().get(BOUND.toSeconds(), TimeUnit.SECONDS);

		Throwable failure = Failures.failureOfCall(() -> client.connect(endpoint.getAddress(), EchoGateway.class),
				FAST);

		assertThat(failure).isInstanceOf(RpcConnectionException.class);
	}

	@Test
	void clientWithAnExtraSerializableClassGetsHandshakeExceptionNamingTheClass() {
		PekkoRpcService server = this.services.create("server");
		PekkoRpcService client = this.services.create("client",
				b -> b.askTimeout(HUGE_ASK_TIMEOUT).addSerializableClasses(OnlyOnClient.class));
		EchoEndpoint endpoint = new EchoEndpoint(server, "echo");
		endpoint.start();

		Throwable failure = Failures.failureOfCall(() -> client.connect(endpoint.getAddress(), EchoGateway.class), FAST);

		assertThat(failure).isInstanceOf(HandshakeException.class);
		assertThat(failure.getMessage()).contains("OnlyOnClient");
	}

	@Test
	void serverWithAnExtraSerializableClassRefusesTheHandshakeNamingTheClass() {
		PekkoRpcService server = this.services.create("server", b -> b.addSerializableClasses(OnlyOnServer.class));
		PekkoRpcService client = this.services.create("client", b -> b.askTimeout(HUGE_ASK_TIMEOUT));
		EchoEndpoint endpoint = new EchoEndpoint(server, "echo");
		endpoint.start();

		Throwable failure = Failures.failureOfCall(() -> client.connect(endpoint.getAddress(), EchoGateway.class), FAST);

		assertThat(failure).isInstanceOf(HandshakeException.class);
		assertThat(failure.getMessage()).contains("OnlyOnServer");
	}

	@Test
	void servicesWithTheSameExtraClassesConnect() throws Exception {
		PekkoRpcService server = this.services.create("server", b -> b.addSerializableClasses(OnlyOnServer.class));
		PekkoRpcService client = this.services.create("client", b -> b.addSerializableClasses(OnlyOnServer.class));
		EchoEndpoint endpoint = new EchoEndpoint(server, "echo");
		endpoint.start();

		EchoGateway gateway = client.connect(endpoint.getAddress(), EchoGateway.class)
			.get(BOUND.toSeconds(), TimeUnit.SECONDS);

		assertThat(gateway.echo("same registry").get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo("same registry");
	}

	@Test
	void everyConnectPerformsItsOwnHandshake() throws Exception {
		PekkoRpcService server = this.services.create("server");
		PekkoRpcService client = this.services.create("client", b -> b.askTimeout(HUGE_ASK_TIMEOUT));
		EchoEndpoint endpoint = new EchoEndpoint(server, "echo");
		endpoint.start();
		client.connect(endpoint.getAddress(), EchoGateway.class).get(BOUND.toSeconds(), TimeUnit.SECONDS);

		CompletableFuture<OtherGateway> second = client.connect(endpoint.getAddress(), OtherGateway.class);

		assertThat(Failures.failureOf(second, FAST)).isInstanceOf(HandshakeException.class);
	}

	/** A gateway the echo endpoint does not implement. */
	public interface OtherGateway extends RpcGateway {

		CompletableFuture<String> other();

	}

	/**
	 * A class registered only on the client.
	 * @param value a value
	 */
	public record OnlyOnClient(String value) {
	}

	/**
	 * A class registered only on the server.
	 * @param value a value
	 */
	public record OnlyOnServer(int value) {
	}

}
