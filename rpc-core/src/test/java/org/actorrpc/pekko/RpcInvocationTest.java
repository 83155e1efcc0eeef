package org.actorrpc.pekko;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcService;
import org.actorrpc.exceptions.RpcConnectionException;
import org.actorrpc.testutil.Bounded;
import org.actorrpc.testutil.EchoGateway;
import org.actorrpc.testutil.Failures;
import org.actorrpc.testutil.RpcServicePair;
import org.actorrpc.testutil.RpcServices;

import static org.actorrpc.testutil.Bounded.BOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Invocation semantics over a real remote connection (two services on 127.0.0.1) and locally:
 * void is fire-and-forget, {@code CompletableFuture} is asynchronous, every other return type
 * blocks; results (including null) and exceptions (type and message) come back (Flink's
 * PekkoRpcActorTest and RemotePekkoRpcActorTest).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RpcInvocationTest {

	/** Two services shared by the tests of this class; each test gets fresh endpoints. */
	@RegisterExtension
	static final RpcServices SERVICES = new RpcServices();

	private RpcServicePair services;

	private InvocationEndpoint endpoint;

	private InvocationGateway remote;

	@BeforeAll
	void startServices() {
		this.services = SERVICES.pair();
	}

	@BeforeEach
	void startEndpoint() throws Exception {
		this.endpoint = this.services.startEndpoint(InvocationEndpoint::new,
				this.services.nextEndpointId("invocation"));
		this.remote = this.services.connect(this.endpoint, InvocationGateway.class);
	}

	@Test
	void connectedGatewayReportsTheEndpointAddressAndHost() {
		PekkoRpcService server = this.services.server();

		assertThat(this.remote.getAddress()).isEqualTo(this.endpoint.getAddress());
		assertThat(this.remote.getAddress()).startsWith("pekko://" + server.getSettings().systemName() + "@127.0.0.1:"
				+ server.getPort() + "/user/rpc/" + this.endpoint.getEndpointId());
		assertThat(this.remote.getHostname()).isEqualTo("127.0.0.1");
		assertThat(server.getEndpointAddress(this.endpoint.getEndpointId())).isEqualTo(this.endpoint.getAddress());
	}

	@Test
	void serviceReportsItsHostAndTheBoundPort() {
		PekkoRpcService server = this.services.server();

		assertThat(server.getAddress()).isEqualTo("127.0.0.1");
		assertThat(server.getPort()).isPositive();
		assertThat(this.services.client().getPort()).isPositive().isNotEqualTo(server.getPort());
	}

	@Test
	void asynchronousCallReturnsTheResultThroughTheFuture() throws Exception {
		assertThat(Bounded.get(this.remote.add(2, 40))).isEqualTo(42);
	}

	@Test
	void asynchronousCallReturnsImmediatelyAndCompletesWhenTheEndpointCompletesItsFuture() throws Exception {
		CompletableFuture<String> pending = this.remote.completedLater();
		await().atMost(BOUND).until(() -> this.endpoint.laterFutures.size() == 1);
		assertThat(pending).isNotDone();

		this.endpoint.laterFutures.get(0).complete("later");

		assertThat(pending).succeedsWithin(BOUND).isEqualTo("later");
	}

	@Test
	void blockingCallReturnsTheResultDirectly() {
		assertThat(this.remote.addSync(20, 22)).isEqualTo(42);
	}

	@Test
	void voidCallIsFireAndForgetAndItsFailureIsNotReportedToTheCaller() throws Exception {
		this.remote.failingTell("ignored failure");
		this.remote.tell("delivered");

		assertThat(Bounded.get(this.remote.told())).containsExactly("delivered");
	}

	@Test
	void voidCallDoesNotWaitForTheEndpoint() throws Exception {
		CompletableFuture<Void> release = new CompletableFuture<>();
		InvocationGateway local = this.endpoint.getSelfGateway(InvocationGateway.class);
		CompletableFuture<Void> entered = new CompletableFuture<>();
		local.blockMainThread(entered, release);
		Bounded.get(entered);

		// the main thread is blocked: a void call must still return to the caller
		CompletableFuture<Void> tellReturned = CompletableFuture.runAsync(() -> this.remote.tell("while blocked"));
		assertThat(tellReturned).succeedsWithin(BOUND);
		release.complete(null);

		assertThat(Bounded.get(this.remote.told())).containsExactly("while blocked");
	}

	@Test
	void asynchronousNullResultArrivesRemotelyAndLocally() throws Exception {
		assertThat(Bounded.get(this.remote.nullAsync())).isNull();
		assertThat(Bounded.get(this.endpoint.getSelfGateway(InvocationGateway.class).nullAsync())).isNull();
	}

	@Test
	void synchronousNullResultArrivesRemotelyAndLocally() {
		assertThat(this.remote.nullSync()).isNull();
		assertThat(this.endpoint.getSelfGateway(InvocationGateway.class).nullSync()).isNull();
	}

	@Test
	void remoteExceptionArrivesWithItsTypeAndMessage() {
		Throwable failure = Failures.failureOf(this.remote.failing("my super specific test exception"), BOUND);

		IllegalStateException cause = Failures.requireCause(failure, IllegalStateException.class);
		assertThat(cause).hasMessage("my super specific test exception");
	}

	@Test
	void remoteCustomExceptionDeclaredByTheGatewayArrivesWithItsTypeAndMessage() throws Exception {
		Throwable failure = Failures.failureOf(this.remote.failingCustom("custom failure 17"), BOUND);

		InvocationException cause = Failures.requireCause(failure, InvocationException.class);
		assertThat(cause).hasMessage("custom failure 17");
	}

	@Test
	void exceptionFromAFutureCompletedLaterArrivesWithItsTypeAndMessage() {
		CompletableFuture<String> pending = this.remote.completedLater();
		await().atMost(BOUND).until(() -> this.endpoint.laterFutures.size() == 1);

		CompletableFuture.runAsync(() -> this.endpoint.laterFutures.get(0)
			.completeExceptionally(new IllegalArgumentException("failed on another thread")));

		Throwable failure = Failures.failureOf(pending, BOUND);
		assertThat(Failures.requireCause(failure, IllegalArgumentException.class))
			.hasMessage("failed on another thread");
	}

	@Test
	void localExceptionIsTheSameInstanceTheEndpointThrew() {
		InvocationGateway local = this.endpoint.getSelfGateway(InvocationGateway.class);

		Throwable failure = Failures.failureOf(local.failing("local failure"), BOUND);

		assertThat(Failures.requireCause(failure, IllegalStateException.class)).hasMessage("local failure");
	}

	@Test
	void blockingCallRethrowsTheRemoteExceptionWithItsTypeAndMessage() {
		Throwable failure = Failures.failureOfBlockingCall(() -> this.remote.failingSync("sync failure"));

		assertThat(Failures.requireCause(failure, IllegalStateException.class)).hasMessage("sync failure");
	}

	@Test
	void callsWorkAgainAfterAFailedCall() throws Exception {
		Failures.failureOf(this.remote.failing("first"), BOUND);

		assertThat(Bounded.get(this.remote.add(1, 1))).isEqualTo(2);
	}

	@Test
	void selfGatewayInvokesTheEndpointThroughItsMailbox() throws Exception {
		InvocationGateway self = this.endpoint.getSelfGateway(InvocationGateway.class);

		assertThat(Bounded.get(self.add(3, 4))).isEqualTo(7);
		assertThat(self.getAddress()).isEqualTo(this.endpoint.getAddress());
	}

	@Test
	void selfGatewayOfAGatewayTheEndpointDoesNotImplementIsRejected() {
		assertThatThrownBy(() -> this.endpoint.getSelfGateway(UnrelatedGateway.class))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("UnrelatedGateway");
	}

	@Test
	void selfGatewaysOfBaseAndExtendingInterfacesAllWork() throws Exception {
		ExtendedEndpoint extended = this.services.startEndpoint(ExtendedEndpoint::new,
				this.services.nextEndpointId("extended"));

		assertThat(Bounded.get(extended.getSelfGateway(EchoGateway.class).echo("base"))).isEqualTo("base");
		assertThat(Bounded.get(extended.getSelfGateway(ExtendedGateway.class).shout("extended"))).isEqualTo("EXTENDED");
		assertThat(Bounded.get(extended.getSelfGateway(InvocationGateway.class).add(1, 2))).isEqualTo(3);
	}

	@Test
	void connectingWithAnInheritedGatewayInterfaceWorksRemotely() throws Exception {
		ExtendedEndpoint extended = this.services.startEndpoint(ExtendedEndpoint::new,
				this.services.nextEndpointId("extended"));

		EchoGateway base = this.services.connect(extended, EchoGateway.class);
		ExtendedGateway full = this.services.connect(extended, ExtendedGateway.class);

		assertThat(Bounded.get(base.echo("a"))).isEqualTo("a");
		assertThat(Bounded.get(full.shout("b"))).isEqualTo("B");
		assertThat(Bounded.get(full.echo("c"))).isEqualTo("c");
	}

	@Test
	void connectingToAMalformedAddressFailsWithRpcConnectionException() {
		PekkoRpcService client = this.services.client();

		Throwable failure = Failures.failureOfCall(() -> client.connect("foobar", EchoGateway.class), BOUND);

		assertThat(failure).isInstanceOf(RpcConnectionException.class);
		assertThat(failure.getMessage()).contains("foobar");
	}

	@Test
	void gatewayIsUsableFromManyThreadsAtOnce() {
		List<CompletableFuture<Integer>> results = java.util.stream.IntStream.range(0, 64)
			.parallel()
			.mapToObj(i -> this.remote.add(i, 1))
			.toList();

		for (int i = 0; i < results.size(); i++) {
			assertThat(results.get(i)).succeedsWithin(BOUND).isEqualTo(i + 1);
		}
	}

	/** A checked exception type the gateway declares. */
	public static class InvocationException extends Exception {

		private static final long serialVersionUID = 1L;

		/**
		 * @param message the message
		 */
		public InvocationException(String message) {
			super(message);
		}

	}

	/** Gateway covering the three invocation styles. */
	public interface InvocationGateway extends RpcGateway {

		CompletableFuture<Integer> add(int a, int b);

		int addSync(int a, int b);

		CompletableFuture<String> completedLater();

		CompletableFuture<String> nullAsync();

		String nullSync();

		CompletableFuture<String> failing(String message);

		CompletableFuture<String> failingCustom(String message) throws InvocationException;

		String failingSync(String message);

		void failingTell(String message);

		void tell(String message);

		CompletableFuture<List<String>> told();

		@org.actorrpc.Local
		void blockMainThread(CompletableFuture<Void> entered, CompletableFuture<Void> release);

	}

	/** A gateway no test endpoint implements. */
	public interface UnrelatedGateway extends RpcGateway {

		CompletableFuture<String> unrelated();

	}

	/** Extends {@link EchoGateway}. */
	public interface ExtendedGateway extends EchoGateway {

		CompletableFuture<String> shout(String message);

	}

	static class InvocationEndpoint extends RpcEndpoint implements InvocationGateway {

		final List<CompletableFuture<String>> laterFutures = new java.util.concurrent.CopyOnWriteArrayList<>();

		private final List<String> toldMessages = new java.util.ArrayList<>();

		InvocationEndpoint(RpcService rpcService, String endpointId) {
			super(rpcService, endpointId);
		}

		@Override
		public CompletableFuture<Integer> add(int a, int b) {
			return CompletableFuture.completedFuture(a + b);
		}

		@Override
		public int addSync(int a, int b) {
			return a + b;
		}

		@Override
		public CompletableFuture<String> completedLater() {
			CompletableFuture<String> later = new CompletableFuture<>();
			this.laterFutures.add(later);
			return later;
		}

		@Override
		public CompletableFuture<String> nullAsync() {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public String nullSync() {
			return null;
		}

		@Override
		public CompletableFuture<String> failing(String message) {
			throw new IllegalStateException(message);
		}

		@Override
		public CompletableFuture<String> failingCustom(String message) throws InvocationException {
			throw new InvocationException(message);
		}

		@Override
		public String failingSync(String message) {
			throw new IllegalStateException(message);
		}

		@Override
		public void failingTell(String message) {
			throw new IllegalStateException(message);
		}

		@Override
		public void tell(String message) {
			this.toldMessages.add(message);
		}

		@Override
		public CompletableFuture<List<String>> told() {
			return CompletableFuture.completedFuture(new java.util.ArrayList<>(this.toldMessages));
		}

		@Override
		public void blockMainThread(CompletableFuture<Void> entered, CompletableFuture<Void> release) {
			entered.complete(null);
			release.orTimeout(20, TimeUnit.SECONDS).exceptionally(ex -> null).join();
		}

	}

	/**
	 * Implements {@link InvocationGateway} (inherited) and {@link ExtendedGateway}, which extends
	 * {@link EchoGateway}: one endpoint reachable through base and extending interfaces.
	 */
	static class ExtendedEndpoint extends InvocationEndpoint implements ExtendedGateway {

		ExtendedEndpoint(RpcService rpcService, String endpointId) {
			super(rpcService, endpointId);
		}

		@Override
		public CompletableFuture<String> shout(String message) {
			return CompletableFuture.completedFuture(message.toUpperCase(java.util.Locale.ROOT));
		}

		@Override
		public CompletableFuture<String> echo(String message) {
			return CompletableFuture.completedFuture(message);
		}

		@Override
		public String echoSync(String message) {
			return message;
		}

		@Override
		public CompletableFuture<String> hang() {
			return new CompletableFuture<>();
		}

	}

}
