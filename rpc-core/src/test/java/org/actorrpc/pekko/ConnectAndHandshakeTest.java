package org.actorrpc.pekko;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.RpcGateway;
import org.actorrpc.exceptions.HandshakeException;
import org.actorrpc.exceptions.RpcConnectionException;
import org.actorrpc.testutil.EchoEndpoint;
import org.actorrpc.testutil.EchoGateway;
import org.actorrpc.testutil.Failures;
import org.actorrpc.testutil.RpcServices;

import static org.actorrpc.testutil.Bounded.BOUND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code connect}: address resolution and the handshake (gateway type, serialization registry),
 * failing fast with a clear error (Flink's PekkoRpcActorHandshakeTest and RpcConnectionTest).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectAndHandshakeTest {

	/** A connect must fail long before this; a timeout would show up as a failed bound. */
	private static final Duration HUGE_ASK_TIMEOUT = Duration.ofMinutes(10);

	private static final Duration FAST = Duration.ofSeconds(15);

	/** Services shared by the tests of this class; each test uses its own endpoint ids. */
	@RegisterExtension
	static final RpcServices SERVICES = new RpcServices();

	private PekkoRpcService sharedServer;

	private PekkoRpcService sharedClient;

	private PekkoRpcService serverWithExtra;

	private PekkoRpcService clientWithClientExtra;

	private PekkoRpcService clientWithServerExtra;

	@BeforeAll
	void startServices() {
		this.sharedServer = SERVICES.create("server");
		this.sharedClient = SERVICES.create("client", b -> b.askTimeout(HUGE_ASK_TIMEOUT));
		this.serverWithExtra = SERVICES.create("server-extra", b -> b.addSerializableClasses(OnlyOnServer.class));
		this.clientWithClientExtra = SERVICES.create("client-extra",
				b -> b.askTimeout(HUGE_ASK_TIMEOUT).addSerializableClasses(OnlyOnClient.class));
		this.clientWithServerExtra = SERVICES.create("client-same-extra",
				b -> b.askTimeout(HUGE_ASK_TIMEOUT).addSerializableClasses(OnlyOnServer.class));
	}

	@Test
	void connectWithAMatchingGatewaySucceedsAndCalls() throws Exception {
		PekkoRpcService server = this.sharedServer;
		PekkoRpcService client = this.sharedClient;
		EchoEndpoint endpoint = new EchoEndpoint(server, "echo-0");
		endpoint.start();

		EchoGateway gateway = client.connect(endpoint.getAddress(), EchoGateway.class)
			.get(BOUND.toSeconds(), TimeUnit.SECONDS);

		assertThat(gateway.echo("hello").get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo("hello");
	}

	@Test
	void connectWithAGatewayTheEndpointDoesNotImplementFailsWithHandshakeException() {
		PekkoRpcService server = this.sharedServer;
		PekkoRpcService client = this.sharedClient;
		EchoEndpoint endpoint = new EchoEndpoint(server, "echo-1");
		endpoint.start();

		Throwable failure = Failures.failureOfCall(() -> client.connect(endpoint.getAddress(), OtherGateway.class), FAST);

		assertThat(failure).isInstanceOf(HandshakeException.class);
		assertThat(failure.getMessage()).contains("OtherGateway");
	}

	@Test
	void connectToAnUnresolvableHostFailsFastWithRpcConnectionExceptionNamingTheAddress() {
		PekkoRpcService client = this.sharedClient;
		String address = "pekko://nowhere@unresolvable-host.invalid:6123/user/rpc/echo";

		Throwable failure = Failures.failureOfCall(() -> client.connect(address, EchoGateway.class), FAST);

		assertThat(failure).isInstanceOf(RpcConnectionException.class);
		assertThat(failure.getMessage()).contains(address);
	}

	@Test
	void connectToAPortWithNobodyListeningFailsFastWithRpcConnectionException() throws Exception {
		PekkoRpcService client = this.sharedClient;
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
		PekkoRpcService server = this.sharedServer;
		PekkoRpcService client = this.sharedClient;
		String address = server.getEndpointAddress("no-such-endpoint");

		Throwable failure = Failures.failureOfCall(() -> client.connect(address, EchoGateway.class), FAST);

		assertThat(failure).isInstanceOf(RpcConnectionException.class);
		assertThat(failure.getMessage()).contains("no-such-endpoint");
	}

	@Test
	void connectToATerminatedEndpointFailsFastWithRpcConnectionException() throws Exception {
		PekkoRpcService server = this.sharedServer;
		PekkoRpcService client = this.sharedClient;
		EchoEndpoint endpoint = new EchoEndpoint(server, "gone-5");
		endpoint.start();
		endpoint.closeAsync().get(BOUND.toSeconds(), TimeUnit.SECONDS);

		Throwable failure = Failures.failureOfCall(() -> client.connect(endpoint.getAddress(), EchoGateway.class),
				FAST);

		assertThat(failure).isInstanceOf(RpcConnectionException.class);
	}

	@Test
	void clientWithAnExtraSerializableClassGetsHandshakeExceptionNamingTheClass() {
		PekkoRpcService server = this.sharedServer;
		PekkoRpcService client = this.clientWithClientExtra;
		EchoEndpoint endpoint = new EchoEndpoint(server, "echo-client-extra");
		endpoint.start();

		Throwable failure = Failures.failureOfCall(() -> client.connect(endpoint.getAddress(), EchoGateway.class), FAST);

		assertThat(failure).isInstanceOf(HandshakeException.class);
		assertThat(failure.getMessage()).contains("OnlyOnClient");
	}

	@Test
	void serverWithAnExtraSerializableClassRefusesTheHandshakeNamingTheClass() {
		PekkoRpcService server = this.serverWithExtra;
		PekkoRpcService client = this.sharedClient;
		EchoEndpoint endpoint = new EchoEndpoint(server, "echo-refused");
		endpoint.start();

		Throwable failure = Failures.failureOfCall(() -> client.connect(endpoint.getAddress(), EchoGateway.class), FAST);

		assertThat(failure).isInstanceOf(HandshakeException.class);
		assertThat(failure.getMessage()).contains("OnlyOnServer");
	}

	@Test
	void servicesWithTheSameExtraClassesConnect() throws Exception {
		PekkoRpcService server = this.serverWithExtra;
		PekkoRpcService client = this.clientWithServerExtra;
		EchoEndpoint endpoint = new EchoEndpoint(server, "echo-accepted");
		endpoint.start();

		EchoGateway gateway = client.connect(endpoint.getAddress(), EchoGateway.class)
			.get(BOUND.toSeconds(), TimeUnit.SECONDS);

		assertThat(gateway.echo("same registry").get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo("same registry");
	}

	@Test
	void everyConnectPerformsItsOwnHandshake() throws Exception {
		PekkoRpcService server = this.sharedServer;
		PekkoRpcService client = this.sharedClient;
		EchoEndpoint endpoint = new EchoEndpoint(server, "echo-9");
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
