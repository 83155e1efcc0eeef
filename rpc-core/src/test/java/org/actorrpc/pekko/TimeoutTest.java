package org.actorrpc.pekko;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcService;
import org.actorrpc.RpcTimeout;
import org.actorrpc.exceptions.RpcTimeoutException;
import org.actorrpc.testutil.Bounded;
import org.actorrpc.testutil.Failures;
import org.actorrpc.testutil.RpcServices;

import static org.actorrpc.testutil.Bounded.BOUND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timeouts: {@code @RpcTimeout} per call, the ask timeout otherwise, and an
 * {@link RpcTimeoutException} that names gateway, method, recipient, the timeout and the setting
 * to raise (Flink's TimeoutCallStackTest, with a better message).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeoutTest {

	private static final Duration SERVICE_ASK_TIMEOUT = Duration.ofMillis(300);

	private static final Duration LONG_ASK_TIMEOUT = Duration.ofSeconds(60);

	/** Services shared by the tests of this class; each test gets a fresh endpoint. */
	@RegisterExtension
	static final RpcServices SERVICES = new RpcServices();

	private PekkoRpcService server;

	private PekkoRpcService shortTimeoutClient;

	private PekkoRpcService longTimeoutClient;

	private PekkoRpcService callStackClient;

	private int endpoints;

	@BeforeAll
	void startServices() {
		this.server = SERVICES.create("server");
		this.shortTimeoutClient = SERVICES.create("short", b -> b.askTimeout(SERVICE_ASK_TIMEOUT));
		this.longTimeoutClient = SERVICES.create("long", b -> b.askTimeout(LONG_ASK_TIMEOUT));
		this.callStackClient = SERVICES.create("stack", b -> b.askTimeout(LONG_ASK_TIMEOUT).captureCallStack(true));
	}

	@Test
	void rpcTimeoutParameterSetsTheTimeoutOfThatCall() throws Exception {
		SlowGateway gateway = connect(this.longTimeoutClient);

		Throwable failure = Failures.failureOf(gateway.neverWithTimeout(Duration.ofMillis(200)), BOUND);

		RpcTimeoutException timeout = Failures.requireCause(failure, RpcTimeoutException.class);
		assertThat(timeout.getTimeout()).isEqualTo(Duration.ofMillis(200));
		assertThat(timeout).isInstanceOf(TimeoutException.class);
	}

	@Test
	void rpcTimeoutArgumentIsStillPassedToTheEndpoint() throws Exception {
		SlowGateway gateway = connect(this.longTimeoutClient);

		assertThat(Bounded.get(gateway.echoTimeout(Duration.ofMillis(1234)))).isEqualTo(Duration.ofMillis(1234));
	}

	@Test
	void callWithoutRpcTimeoutUsesTheServiceAskTimeout() throws Exception {
		SlowGateway gateway = connect(this.shortTimeoutClient);

		Throwable failure = Failures.failureOf(gateway.never(), BOUND);

		assertThat(Failures.requireCause(failure, RpcTimeoutException.class).getTimeout())
			.isEqualTo(SERVICE_ASK_TIMEOUT);
	}

	@Test
	void timeoutMessageNamesGatewayMethodRecipientTimeoutAndAskTimeoutSetting() throws Exception {
		SlowGateway gateway = connect(this.shortTimeoutClient);

		Throwable failure = Failures.failureOf(gateway.never(), BOUND);

		String message = Failures.requireCause(failure, RpcTimeoutException.class).getMessage();
		assertThat(message).contains("SlowGateway")
			.contains("never")
			.contains(gateway.getAddress())
			.contains("askTimeout");
		assertThat(message).containsAnyOf("300 ms", "300ms", "PT0.3S", "0.3 s", "0.3s");
	}

	@Test
	void timeoutMessageOfAnAnnotatedCallNamesRpcTimeoutAsTheSettingToRaise() throws Exception {
		SlowGateway gateway = connect(this.longTimeoutClient);

		Throwable failure = Failures.failureOf(gateway.neverWithTimeout(Duration.ofMillis(250)), BOUND);

		String message = Failures.requireCause(failure, RpcTimeoutException.class).getMessage();
		assertThat(message).contains("SlowGateway").contains("neverWithTimeout").contains(gateway.getAddress())
			.contains("RpcTimeout");
		assertThat(message).containsAnyOf("250 ms", "250ms", "PT0.25S", "0.25 s", "0.25s");
	}

	@Test
	void blockingCallTimesOutWithRpcTimeoutException() throws Exception {
		SlowGateway gateway = connect(this.longTimeoutClient);

		Throwable failure = Failures.failureOfBlockingCall(() -> gateway.neverSync(Duration.ofMillis(200)));

		RpcTimeoutException timeout = Failures.requireCause(failure, RpcTimeoutException.class);
		assertThat(timeout.getMessage()).contains("neverSync");
		assertThat(timeout.getTimeout()).isEqualTo(Duration.ofMillis(200));
	}

	@Test
	void timeoutCarriesTheCallersStackWhenCallStackCaptureIsOn() throws Exception {
		SlowGateway gateway = connect(this.callStackClient);

		Throwable failure = Failures.failureOf(gateway.neverWithTimeout(Duration.ofMillis(100)), BOUND);

		RpcTimeoutException timeout = Failures.requireCause(failure, RpcTimeoutException.class);
		assertThat(Arrays.stream(timeout.getStackTrace()).map(StackTraceElement::getMethodName))
			.contains("timeoutCarriesTheCallersStackWhenCallStackCaptureIsOn");
	}

	@Test
	void localCallTimesOutWithTheSameMessage() throws Exception {
		SlowEndpoint endpoint = new SlowEndpoint(this.shortTimeoutClient, "slow-local-" + (++this.endpoints));
		endpoint.start();
		SlowGateway self = endpoint.getSelfGateway(SlowGateway.class);

		Throwable failure = Failures.failureOf(self.never(), BOUND);

		RpcTimeoutException timeout = Failures.requireCause(failure, RpcTimeoutException.class);
		assertThat(timeout.getMessage()).contains("SlowGateway").contains("never").contains(endpoint.getAddress());
	}

	/**
	 * Connects a client to a fresh endpoint. The handshake itself uses the client's ask timeout,
	 * which is deliberately short for one client, so a connect may time out on a loaded machine:
	 * retried until {@link Bounded#BOUND} has passed.
	 */
	private SlowGateway connect(PekkoRpcService client) throws Exception {
		SlowEndpoint endpoint = new SlowEndpoint(this.server, "slow-" + (++this.endpoints));
		endpoint.start();
		long deadline = System.nanoTime() + BOUND.toNanos();
		while (true) {
			try {
				return Bounded.get(client.connect(endpoint.getAddress(), SlowGateway.class));
			}
			catch (java.util.concurrent.ExecutionException ex) {
				boolean handshakeTimedOut = ex.getCause() instanceof org.actorrpc.exceptions.RpcConnectionException;
				if (!handshakeTimedOut || System.nanoTime() - deadline > 0) {
					throw ex;
				}
			}
		}
	}

	/** A gateway whose answers never come. */
	public interface SlowGateway extends RpcGateway {

		CompletableFuture<String> never();

		CompletableFuture<String> neverWithTimeout(@RpcTimeout Duration timeout);

		String neverSync(@RpcTimeout Duration timeout) throws TimeoutException;

		CompletableFuture<Duration> echoTimeout(@RpcTimeout Duration timeout);

	}

	static class SlowEndpoint extends RpcEndpoint implements SlowGateway {

		SlowEndpoint(RpcService rpcService, String endpointId) {
			super(rpcService, endpointId);
		}

		@Override
		public CompletableFuture<String> never() {
			return new CompletableFuture<>();
		}

		@Override
		public CompletableFuture<String> neverWithTimeout(Duration timeout) {
			return new CompletableFuture<>();
		}

		@Override
		public String neverSync(Duration timeout) {
			// answers only after the caller gave up; bounded so the main thread is freed
			CompletableFuture<String> never = new CompletableFuture<>();
			return never.completeOnTimeout("late", 1, TimeUnit.SECONDS).join();
		}

		@Override
		public CompletableFuture<Duration> echoTimeout(Duration timeout) {
			return CompletableFuture.completedFuture(timeout);
		}

	}

}
