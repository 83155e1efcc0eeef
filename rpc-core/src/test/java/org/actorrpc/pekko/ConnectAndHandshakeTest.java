package org.actorrpc.pekko;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.RpcGateway;
import org.actorrpc.exceptions.HandshakeException;
import org.actorrpc.exceptions.RpcConnectionException;
import org.actorrpc.testutil.Bounded;
import org.actorrpc.testutil.EchoEndpoint;
import org.actorrpc.testutil.EchoGateway;
import org.actorrpc.testutil.Failures;
import org.actorrpc.testutil.RpcServicePair;
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

	/** Default settings on both sides. */
	private RpcServicePair shared;

	/** {@link OnlyOnServer} registered on both sides. */
	private RpcServicePair sameExtra;

	private PekkoRpcService clientWithClientExtra;

	@BeforeAll
	void startServices() {
		this.shared = SERVICES.pair(UnaryOperator.identity(), (b) -> b.askTimeout(HUGE_ASK_TIMEOUT));
		this.sameExtra = SERVICES.pair((b) -> b.addSerializableClasses(OnlyOnServer.class),
				(b) -> b.askTimeout(HUGE_ASK_TIMEOUT).addSerializableClasses(OnlyOnServer.class));
		this.clientWithClientExtra = SERVICES.create("client-extra",
				(b) -> b.askTimeout(HUGE_ASK_TIMEOUT).addSerializableClasses(OnlyOnClient.class));
	}

	@Test
	void connectWithAMatchingGatewaySucceedsAndCalls() throws Exception {
		EchoEndpoint endpoint = this.shared.startEndpoint(EchoEndpoint::new, "echo-0");

		EchoGateway gateway = this.shared.connect(endpoint, EchoGateway.class);

		assertThat(Bounded.get(gateway.echo("hello"))).isEqualTo("hello");
	}

	@Test
	void connectWithAGatewayTheEndpointDoesNotImplementFailsWithHandshakeException() {
		PekkoRpcService client = this.shared.client();
		EchoEndpoint endpoint = this.shared.startEndpoint(EchoEndpoint::new, "echo-1");

		Throwable failure = Failures.failureOfCall(() -> client.connect(endpoint.getAddress(), OtherGateway.class), FAST);

		assertThat(failure).isInstanceOf(HandshakeException.class);
		assertThat(failure.getMessage()).contains("OtherGateway");
	}

	@Test
	void connectToAnUnresolvableHostFailsFastWithRpcConnectionExceptionNamingTheAddress() {
		PekkoRpcService client = this.shared.client();
		String address = "pekko://nowhere@unresolvable-host.invalid:6123/user/rpc/echo";

		Throwable failure = Failures.failureOfCall(() -> client.connect(address, EchoGateway.class), FAST);

		assertThat(failure).isInstanceOf(RpcConnectionException.class);
		assertThat(failure.getMessage()).contains(address);
	}

	@Test
	void connectToAPortWithNobodyListeningFailsFastWithRpcConnectionException() throws Exception {
		PekkoRpcService client = this.shared.client();
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
	void connectToAnAddressThatIsNotAValidActorPathFailsFastNamingTheAddress() {
		PekkoRpcService client = this.shared.client();
		EchoEndpoint endpoint = this.shared.startEndpoint(EchoEndpoint::new, "echo-path");
		// The port listens, so only the path is wrong: Pekko would send the handshake to dead letters.
		String address = endpoint.getAddress().replace("/echo-path", "/echo path");

		Throwable failure = Failures.failureOfCall(() -> client.connect(address, EchoGateway.class), FAST);

		assertThat(failure).isInstanceOf(RpcConnectionException.class)
			.hasMessageContaining(address)
			.hasMessageContaining("not a valid actor path")
			.hasNoCause();
	}

	@Test
	void connectToANonexistentEndpointOfARunningServiceFailsFastWithRpcConnectionException() {
		PekkoRpcService server = this.shared.server();
		PekkoRpcService client = this.shared.client();
		String address = server.getEndpointAddress("no-such-endpoint");

		Throwable failure = Failures.failureOfCall(() -> client.connect(address, EchoGateway.class), FAST);

		assertThat(failure).isInstanceOf(RpcConnectionException.class);
		assertThat(failure.getMessage()).contains("no-such-endpoint");
	}

	@Test
	void connectWithAWrongSystemNameFailsFastNamingTheAddressAndTheRemotesRealName() {
		PekkoRpcService client = this.shared.client();
		EchoEndpoint endpoint = this.shared.startEndpoint(EchoEndpoint::new, "echo-named");
		String realName = this.shared.server().getActorSystem().name();
		String address = endpoint.getAddress().replace("pekko://" + realName + "@", "pekko://misspelt@");

		Throwable failure = Failures.failureOfCall(() -> client.connect(address, EchoGateway.class), FAST);

		assertThat(failure).isInstanceOf(RpcConnectionException.class)
			.hasMessageContaining(address)
			.hasMessageContaining("is named '" + realName + "', not 'misspelt'")
			.hasMessageContaining("actorrpc.system-name")
			.hasNoCause();
	}

	@Test
	void connectWithAHostOtherThanTheAdvertisedOneFailsFastNamingTheAdvertisedHost() {
		PekkoRpcService client = this.shared.client();
		EchoEndpoint endpoint = this.shared.startEndpoint(EchoEndpoint::new, "echo-host");
		String address = endpoint.getAddress().replace("@127.0.0.1:", "@localhost:");

		Throwable failure = Failures.failureOfCall(() -> client.connect(address, EchoGateway.class), FAST);

		assertThat(failure).isInstanceOf(RpcConnectionException.class)
			.hasMessageContaining(address)
			.hasMessageContaining("advertises itself as 127.0.0.1:")
			.hasMessageContaining("actorrpc.host");
	}

	@Test
	void anEndpointStartedAfterCallersTriedItsAddressForSecondsIsReachableAtOnce() throws Exception {
		PekkoRpcService client = this.shared.client();
		String id = "late-" + System.nanoTime();
		String address = this.shared.server().getEndpointAddress(id);
		// Long enough for transport-level caches (Artery advertises compression tables every few seconds)
		// to have seen the dead address many times: a TaskManager retrying while its JobMaster restarts.
		long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		int attempts = 0;
		while (System.nanoTime() < until) {
			assertThat(Failures.failureOfCall(() -> client.connect(address, EchoGateway.class), FAST))
				.isInstanceOf(RpcConnectionException.class);
			attempts++;
		}
		assertThat(attempts).isGreaterThan(1);

		this.shared.startEndpoint(EchoEndpoint::new, id);

		EchoGateway gateway = Bounded.get(client.connect(address, EchoGateway.class));
		assertThat(Bounded.get(gateway.echo("late"))).isEqualTo("late");
	}

	@Test
	void connectToATerminatedEndpointFailsFastWithRpcConnectionException() throws Exception {
		PekkoRpcService client = this.shared.client();
		EchoEndpoint endpoint = this.shared.startEndpoint(EchoEndpoint::new, "gone-5");
		Bounded.get(endpoint.closeAsync());

		Throwable failure = Failures.failureOfCall(() -> client.connect(endpoint.getAddress(), EchoGateway.class),
				FAST);

		assertThat(failure).isInstanceOf(RpcConnectionException.class);
	}

	@Test
	void clientWithAnExtraSerializableClassGetsHandshakeExceptionNamingTheClass() {
		PekkoRpcService client = this.clientWithClientExtra;
		EchoEndpoint endpoint = this.shared.startEndpoint(EchoEndpoint::new, "echo-client-extra");

		Throwable failure = Failures.failureOfCall(() -> client.connect(endpoint.getAddress(), EchoGateway.class), FAST);

		assertThat(failure).isInstanceOf(HandshakeException.class);
		assertThat(failure.getMessage()).contains("OnlyOnClient");
	}

	@Test
	void serverWithAnExtraSerializableClassRefusesTheHandshakeNamingTheClass() {
		PekkoRpcService client = this.shared.client();
		EchoEndpoint endpoint = this.sameExtra.startEndpoint(EchoEndpoint::new, "echo-refused");

		Throwable failure = Failures.failureOfCall(() -> client.connect(endpoint.getAddress(), EchoGateway.class), FAST);

		assertThat(failure).isInstanceOf(HandshakeException.class);
		assertThat(failure.getMessage()).contains("OnlyOnServer");
	}

	@Test
	void servicesWithTheSameExtraClassesConnect() throws Exception {
		EchoEndpoint endpoint = this.sameExtra.startEndpoint(EchoEndpoint::new, "echo-accepted");

		EchoGateway gateway = this.sameExtra.connect(endpoint, EchoGateway.class);

		assertThat(Bounded.get(gateway.echo("same registry"))).isEqualTo("same registry");
	}

	@Test
	void everyConnectPerformsItsOwnHandshake() throws Exception {
		EchoEndpoint endpoint = this.shared.startEndpoint(EchoEndpoint::new, "echo-9");
		this.shared.connect(endpoint, EchoGateway.class);

		CompletableFuture<OtherGateway> second = this.shared.client()
			.connect(endpoint.getAddress(), OtherGateway.class);

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
