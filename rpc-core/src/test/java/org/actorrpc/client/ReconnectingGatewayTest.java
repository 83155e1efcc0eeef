package org.actorrpc.client;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.FencedRpcEndpoint;
import org.actorrpc.FencedRpcGateway;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcMethod;
import org.actorrpc.RpcObserver;
import org.actorrpc.RpcService;
import org.actorrpc.exceptions.FencingTokenException;
import org.actorrpc.exceptions.RpcConnectionException;
import org.actorrpc.exceptions.RpcRuntimeException;
import org.actorrpc.exceptions.RpcTimeoutException;
import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.pekko.PekkoRpcServiceSettings;
import org.actorrpc.testutil.EchoEndpoint;
import org.actorrpc.testutil.EchoGateway;
import org.actorrpc.testutil.Failures;
import org.actorrpc.testutil.RpcServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The reconnecting client against real services over real TCP on 127.0.0.1: lazy connect,
 * calls queued until the connection exists and sent in order, fail-fast while the remote is down
 * with a background reconnect, reconnect after the remote restarted at the same address,
 * fencing-token renewal, and re-targeting (another endpoint, or none).
 */
class ReconnectingGatewayTest {

	private static final Duration BOUND = Duration.ofSeconds(120);

	private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

	@RegisterExtension
	final RpcServices services = new RpcServices();

	private ReconnectingGateway<EchoGateway> client(RpcService through, String address) {
		return client(through, address, RpcObserver.NOOP);
	}

	private ReconnectingGateway<EchoGateway> client(RpcService through, String address, RpcObserver observer) {
		ReconnectingGateway<EchoGateway> client = ReconnectingGateway.builder(through, EchoGateway.class)
			.settings(ClientSettings.of("echo", address)
				.withTimeout(CLIENT_TIMEOUT)
				.withBackoff(Duration.ofMillis(50), Duration.ofMillis(400)))
			.observer(observer)
			.build();
		this.services.register(client);
		return client;
	}

	private static <T> T get(CompletableFuture<T> future) throws Exception {
		return future.get(BOUND.toSeconds(), TimeUnit.SECONDS);
	}

	@Test
	void connectsNothingBeforeTheFirstCall() throws Exception {
		PekkoRpcService server = this.services.create("server");
		new EchoEndpoint(server, "echo").start();
		GatedRpcService through = new GatedRpcService(this.services.create("client"));
		ReconnectingGateway<EchoGateway> client = client(through, server.getEndpointAddress("echo"));

		assertThat(client.gateway()).isNotNull();
		assertThat(client.view().state()).isEqualTo(RpcClientView.State.NOT_CONNECTED);
		assertThat(through.connects()).isZero();
		through.open();
		assertThat(get(client.gateway().echo("first"))).isEqualTo("first");
		assertThat(through.connects()).isEqualTo(1);
		assertThat(client.view().state()).isEqualTo(RpcClientView.State.CONNECTED);
		assertThat(client.view().connectedAddress()).isEqualTo(server.getEndpointAddress("echo"));
	}

	@Test
	void callsMadeWhileConnectingWaitForTheConnectionAndArriveInOrder() throws Exception {
		PekkoRpcService server = this.services.create("server");
		new EchoEndpoint(server, "echo").start();
		GatedRpcService through = new GatedRpcService(this.services.create("client"));
		EchoGateway gateway = client(through, server.getEndpointAddress("echo")).gateway();

		CompletableFuture<String> firstEcho = gateway.echo("queued");
		IntStream.range(0, 50).forEach((i) -> gateway.tell("m" + i));
		CompletableFuture<String> blocking = CompletableFuture.supplyAsync(() -> gateway.echoSync("blocking"));
		assertThat(firstEcho).isNotDone();
		assertThat(blocking).isNotDone();

		through.open();
		assertThat(get(firstEcho)).isEqualTo("queued");
		assertThat(get(blocking)).isEqualTo("blocking");
		IntStream.range(50, 100).forEach((i) -> gateway.tell("m" + i));
		assertThat(get(gateway.told()))
			.containsExactlyElementsOf(IntStream.range(0, 100).mapToObj((i) -> "m" + i).toList());
		assertThat(through.connects()).isEqualTo(1);
	}

	@Test
	void failsAtOnceWhileTheRemoteIsDownAndTheFirstCallAfterItIsBackSucceeds() throws Exception {
		PekkoRpcServiceSettings serverSettings = this.services.settings("server").build();
		PekkoRpcService first = new PekkoRpcService(serverSettings);
		new EchoEndpoint(first, "echo").start();
		String address = first.getEndpointAddress("echo");
		int port = first.getPort();
		first.closeAsync().get(BOUND.toSeconds(), TimeUnit.SECONDS);
		List<Throwable> observed = new CopyOnWriteArrayList<>();
		// A short ask timeout bounds each handshake with the dead address.
		PekkoRpcService through = this.services.create("client", (b) -> b.askTimeout(Duration.ofSeconds(3)));
		ReconnectingGateway<EchoGateway> client = client(through, address, recordingFailures(observed));
		EchoGateway gateway = client.gateway();

		Throwable firstFailure = Failures.failureOf(gateway.echo("nobody there"), BOUND);
		assertThat(firstFailure).isInstanceOf(RpcConnectionException.class)
			.hasMessageContaining("RPC client 'echo' (EchoGateway) cannot reach " + address)
			.hasMessageContaining("ClientSettings.address");
		assertThat(client.view().failedAttempts()).isPositive();

		CompletableFuture<String> whileDown = gateway.echo("still nobody");
		assertThat(whileDown).isCompletedExceptionally();
		assertThat(Failures.failureOf(whileDown, Duration.ZERO)).isInstanceOf(RpcConnectionException.class)
			.hasMessageContaining(address)
			.hasMessageContaining("reconnecting in the background");
		assertThatExceptionOfType(RpcRuntimeException.class).isThrownBy(() -> gateway.echoSync("blocking"))
			.withCauseInstanceOf(RpcConnectionException.class);
		assertThatExceptionOfType(RpcRuntimeException.class).isThrownBy(() -> gateway.tell("lost"))
			.withCauseInstanceOf(RpcConnectionException.class);
		assertThat(observed).hasSizeGreaterThanOrEqualTo(4).allMatch(RpcConnectionException.class::isInstance);
		await().atMost(BOUND).until(() -> client.view().failedAttempts() >= 2);

		PekkoRpcService restarted = this.services.create(serverSettings.toBuilder().port(port).build());
		new EchoEndpoint(restarted, "echo").start();
		await().atMost(BOUND).until(() -> client.view().state() == RpcClientView.State.CONNECTED);
		assertThat(get(gateway.echo("back"))).isEqualTo("back");
		assertThat(client.view().failedAttempts()).isZero();
	}

	@Test
	void reconnectsAfterTheRemoteRestartedAtTheSameAddress() throws Exception {
		PekkoRpcServiceSettings serverSettings = this.services.settings("server").build();
		PekkoRpcService first = new PekkoRpcService(serverSettings);
		this.services.register(() -> first.closeAsync().get(BOUND.toSeconds(), TimeUnit.SECONDS));
		new EchoEndpoint(first, "echo").start();
		String address = first.getEndpointAddress("echo");
		int port = first.getPort();
		ReconnectingGateway<EchoGateway> client = client(this.services.create("client"), address);
		EchoGateway gateway = client.gateway();
		assertThat(get(gateway.echo("before"))).isEqualTo("before");

		first.closeAsync().get(BOUND.toSeconds(), TimeUnit.SECONDS);
		assertThat(Failures.failureOfCall(() -> gateway.echo("while down"), BOUND)).isNotNull();
		await().atMost(BOUND).until(() -> client.view().state() != RpcClientView.State.CONNECTED);
		PekkoRpcService restarted = this.services.create(serverSettings.toBuilder().port(port).build());
		new EchoEndpoint(restarted, "echo").start();

		await().atMost(BOUND).until(() -> client.view().state() == RpcClientView.State.CONNECTED);
		assertThat(get(gateway.echo("after restart"))).isEqualTo("after restart");
		// Connected again: the view does not present the old failure as current.
		assertThat(client.view().lastFailure()).isNull();
		assertThat(client.view().failedAttempts()).isZero();
	}

	@Test
	void newFencingTokenReconnectsAndTheNewLeaderAnswers() throws Exception {
		PekkoRpcService server = this.services.create("server");
		UUID firstToken = UUID.randomUUID();
		LeaderEndpoint firstLeader = new LeaderEndpoint(server, firstToken, "first");
		firstLeader.start();
		ReconnectingGateway<LeaderGateway> client = ReconnectingGateway
			.builder(this.services.create("client"), LeaderGateway.class)
			.settings(ClientSettings.of("leader", server.getEndpointAddress("leader")).withTimeout(CLIENT_TIMEOUT))
			.build();
		this.services.register(client);
		LeaderGateway gateway = client.gateway();
		@SuppressWarnings("unchecked")
		FencedRpcClient<UUID> fencing = (FencedRpcClient<UUID>) gateway;

		assertThat(Failures.failureOf(gateway.name(), Duration.ZERO)).isInstanceOf(FencingTokenException.class)
			.hasMessageContaining("updateFencingToken");
		fencing.updateFencingToken(firstToken);
		assertThat(get(gateway.name())).isEqualTo("first");
		assertThat(gateway.getFencingToken()).isEqualTo(firstToken);

		firstLeader.closeAsync().get(BOUND.toSeconds(), TimeUnit.SECONDS);
		UUID secondToken = UUID.randomUUID();
		new LeaderEndpoint(server, secondToken, "second").start();
		fencing.updateFencingToken(secondToken);

		assertThat(get(gateway.name())).isEqualTo("second");
		assertThat(fencing.getFencingToken()).isEqualTo(secondToken);
	}

	@Test
	void asynchronousCallsTimeOutNamingTheClientsTimeoutSetting() throws Exception {
		PekkoRpcService server = this.services.create("server");
		new EchoEndpoint(server, "echo").start();
		PekkoRpcService through = this.services.create("client", (b) -> b.askTimeout(BOUND));
		// The transport association exists already, so the client's connect is quick.
		get(through.connect(server.getEndpointAddress("echo"), EchoGateway.class));
		ReconnectingGateway<EchoGateway> client = ReconnectingGateway.builder(through, EchoGateway.class)
			.settings(ClientSettings.of("echo", server.getEndpointAddress("echo"))
				.withTimeout(Duration.ofSeconds(2))
				.withPropertyPrefix("actorrpc.clients.echo"))
			.build();
		this.services.register(client);
		assertThat(get(client.gateway().echo("connected"))).isEqualTo("connected");

		assertThat(Failures.failureOf(client.gateway().hang(), BOUND)).isInstanceOf(RpcTimeoutException.class)
			.hasMessageContaining("actorrpc.clients.echo.timeout");
	}

	@Test
	void localAddressesNameAnEndpointOfTheClientsOwnService() throws Exception {
		PekkoRpcService service = this.services.create("both");
		new EchoEndpoint(service, "echo").start();
		ReconnectingGateway<EchoGateway> client = client(service, "local:echo");

		assertThat(get(client.gateway().echo("local"))).isEqualTo("local");
		assertThat(client.gateway().getAddress()).isEqualTo(service.getEndpointAddress("echo"));
	}

	@Test
	void closedClientFailsCallsAtOnce() throws Exception {
		PekkoRpcService server = this.services.create("server");
		new EchoEndpoint(server, "echo").start();
		ReconnectingGateway<EchoGateway> client = client(this.services.create("client"),
				server.getEndpointAddress("echo"));
		assertThat(get(client.gateway().echo("open"))).isEqualTo("open");

		client.close();

		assertThat(client.view().state()).isEqualTo(RpcClientView.State.CLOSED);
		assertThat(Failures.failureOf(client.gateway().echo("closed"), Duration.ZERO))
			.isInstanceOf(RpcConnectionException.class)
			.hasMessageContaining("is closed");
	}

	@Test
	void connectsThroughConnectOptionsWhenTheServiceTakesThem() throws Exception {
		PekkoRpcService server = this.services.create("server");
		new EchoEndpoint(server, "echo").start();
		OptionsRecordingService through = new OptionsRecordingService(this.services.create("client"));
		ReconnectingGateway<EchoGateway> client = ReconnectingGateway.builder(through, EchoGateway.class)
			.settings(ClientSettings.of("echo", server.getEndpointAddress("echo"))
				.withTimeout(Duration.ofSeconds(7))
				.withPropertyPrefix("actorrpc.clients.echo"))
			.build();
		this.services.register(client);

		assertThat(get(client.gateway().echo("with options"))).isEqualTo("with options");
		assertThat(through.options).containsExactly(
				new ConnectOptionsSupport.ConnectOptions(Duration.ofSeconds(7), "actorrpc.clients.echo.timeout"));
	}

	@Test
	void retargetingSendsLaterCallsToTheNewEndpointAndKeepsTheOldOnesDelivered() throws Exception {
		PekkoRpcService server = this.services.create("server");
		EchoEndpoint first = new EchoEndpoint(server, "first");
		first.start();
		new EchoEndpoint(server, "second").start();
		ReconnectingGateway<EchoGateway> client = client(this.services.create("client"),
				server.getEndpointAddress("first"));
		EchoGateway gateway = client.gateway();
		gateway.tell("to first");
		assertThat(get(gateway.told())).containsExactly("to first");

		client.retarget(server.getEndpointAddress("second"), null, "the test's registry");
		gateway.tell("to second");

		assertThat(get(gateway.told())).containsExactly("to second");
		assertThat(gateway.getAddress()).isEqualTo(server.getEndpointAddress("second"));
		assertThat(client.view().address()).isEqualTo(server.getEndpointAddress("second"));
		assertThat(client.view().connectedAddress()).isEqualTo(server.getEndpointAddress("second"));
		EchoGateway direct = get(this.services.create("checker").connect(first.getAddress(), EchoGateway.class));
		assertThat(get(direct.told())).as("the old endpoint got only what was sent to it").containsExactly("to first");
	}

	@Test
	void withoutATargetCallsFailAtOnceWithTheGivenFailureUntilTheNextRetarget() throws Exception {
		PekkoRpcService server = this.services.create("server");
		new EchoEndpoint(server, "echo").start();
		GatedRpcService through = new GatedRpcService(this.services.create("client"));
		through.open();
		List<Throwable> observed = new CopyOnWriteArrayList<>();
		ReconnectingGateway<EchoGateway> client = client(through, server.getEndpointAddress("echo"),
				recordingFailures(observed));
		EchoGateway gateway = client.gateway();

		client.clearTarget("whoever the registry names",
				() -> new RpcConnectionException("the registry names no echo endpoint"));

		CompletableFuture<String> call = gateway.echo("anyone?");
		assertThat(call).as("failed before the method returned").isCompletedExceptionally();
		assertThat(Failures.failureOf(call, Duration.ZERO)).isInstanceOf(RpcConnectionException.class)
			.hasMessage("the registry names no echo endpoint");
		assertThatExceptionOfType(RpcRuntimeException.class).isThrownBy(() -> gateway.tell("lost"))
			.withCauseInstanceOf(RpcConnectionException.class);
		assertThatExceptionOfType(RpcRuntimeException.class).isThrownBy(() -> gateway.echoSync("blocking"))
			.withMessage("the registry names no echo endpoint");
		assertThat(observed).hasSize(3);
		assertThat(gateway.getAddress()).isNull();
		assertThat(gateway.getHostname()).isNull();
		RpcClientView view = client.view();
		assertThat(view.state()).isEqualTo(RpcClientView.State.FAILED);
		assertThat(view.address()).isEqualTo("whoever the registry names");
		assertThat(view.failedAttempts()).isZero();
		assertThat(view.lastFailure()).isEqualTo("the registry names no echo endpoint");
		assertThat(through.connects()).as("nothing to connect to").isZero();

		client.retarget(server.getEndpointAddress("echo"), null, "the test's registry");

		assertThat(client.view().state()).isEqualTo(RpcClientView.State.NOT_CONNECTED);
		assertThat(client.view().lastFailure()).isNull();
		assertThat(get(gateway.echo("back"))).isEqualTo("back");
	}

	@Test
	void connectFailuresAfterARetargetNameWhatSuppliedTheAddress() throws Exception {
		PekkoRpcService service = this.services.create("both");
		ReconnectingGateway<EchoGateway> client = client(service, "local:echo");

		client.retarget("local:nobody-here", null, "the test's registry");

		assertThat(Failures.failureOf(client.gateway().echo("hello?"), BOUND)).isInstanceOf(RpcConnectionException.class)
			.hasMessageContaining("cannot reach " + service.getEndpointAddress("nobody-here") + " (the test's registry)");
	}

	@Test
	void retargetRefusesABlankAddressAndATokenForAGatewayThatIsNotFenced() {
		ReconnectingGateway<EchoGateway> client = client(this.services.create("client"), "local:echo");

		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> client.retarget(" ", null, "the test"))
			.withMessageContaining("RPC client 'echo'")
			.withMessageContaining("pekko://<system>@<host>:<port>/user/rpc/<endpoint-id>");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> client.retarget("local:echo", UUID.randomUUID(), "the test"))
			.withMessageContaining("not fenced");
		assertThat(client.view().address()).as("a refused target changes nothing").isEqualTo("local:echo");
	}

	private static RpcObserver recordingFailures(List<Throwable> failures) {
		return new RpcObserver() {

			@Override
			public ClientCall clientCallStarted(RpcMethod method, String recipient) {
				return new ClientCall() {

					@Override
					public void completed(Throwable failure) {
						if (failure != null) {
							failures.add(failure);
						}
					}

				};
			}

		};
	}

	/** A fenced gateway whose endpoint says which leader it is. */
	public interface LeaderGateway extends FencedRpcGateway<UUID> {

		CompletableFuture<String> name();

	}

	static class LeaderEndpoint extends FencedRpcEndpoint<UUID> implements LeaderGateway {

		private final String name;

		LeaderEndpoint(RpcService rpcService, UUID token, String name) {
			super(rpcService, "leader", token);
			this.name = name;
		}

		@Override
		public CompletableFuture<String> name() {
			return CompletableFuture.completedFuture(this.name);
		}

	}

	/**
	 * A service that takes {@link ConnectOptionsSupport.ConnectOptions} and records them; it
	 * connects without them (the options' effect on the gateway belongs to the service).
	 */
	static final class OptionsRecordingService extends GatedRpcService implements ConnectOptionsSupport {

		final List<ConnectOptions> options = new ArrayList<>();

		OptionsRecordingService(RpcService delegate) {
			super(delegate);
			open();
		}

		@Override
		public synchronized <C extends RpcGateway> CompletableFuture<C> connect(String address, Class<C> clazz,
				ConnectOptions connectOptions) {
			this.options.add(connectOptions);
			return connect(address, clazz);
		}

		@Override
		public synchronized <F extends Serializable, C extends FencedRpcGateway<F>> CompletableFuture<C> connect(
				String address, F fencingToken, Class<C> clazz, ConnectOptions connectOptions) {
			this.options.add(connectOptions);
			return connect(address, fencingToken, clazz);
		}

	}

}
