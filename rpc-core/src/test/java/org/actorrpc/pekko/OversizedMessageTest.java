package org.actorrpc.pekko;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcService;
import org.actorrpc.exceptions.RpcException;
import org.actorrpc.testutil.Bounded;
import org.actorrpc.testutil.Failures;
import org.actorrpc.testutil.RpcServicePair;
import org.actorrpc.testutil.RpcServices;

import static org.actorrpc.testutil.Bounded.BOUND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frame-size limit: an oversized request fails at once on the caller (Flink: ask timeout), an
 * oversized remote response fails with an error naming the limit, local responses are not limited
 * (Flink's PekkoRpcActorOversizedResponseMessageTest and MessageSerializationTest).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OversizedMessageTest {

	private static final long FRAME_SIZE = 32_000;

	/** Long enough that failing "at once" cannot be a timeout. */
	private static final Duration ASK_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration FAST = Duration.ofSeconds(15);

	/** Two services shared by the tests of this class; each test gets a fresh endpoint. */
	@RegisterExtension
	static final RpcServices SERVICES = new RpcServices();

	private RpcServicePair services;

	private PayloadEndpoint endpoint;

	private PayloadGateway remote;

	@BeforeAll
	void startServices() {
		this.services = SERVICES.pair((b) -> b.maxFrameSize(FRAME_SIZE).askTimeout(ASK_TIMEOUT));
	}

	@BeforeEach
	void connect() throws Exception {
		this.endpoint = this.services.startEndpoint(PayloadEndpoint::new, this.services.nextEndpointId("payload"));
		this.remote = this.services.connect(this.endpoint, PayloadGateway.class);
	}

	@Test
	void oversizedRequestFailsAtOnceOnTheCallerNamingMethodSizeAndLimit() throws Exception {
		String big = "x".repeat((int) FRAME_SIZE + 1_000);

		Throwable failure = Failures.failureOfCall(() -> this.remote.length(big), FAST);

		RpcException rpcException = Failures.requireCause(failure, RpcException.class);
		assertThat(rpcException.getMessage()).contains("length").contains(Long.toString(FRAME_SIZE));
		assertThat(numbersIn(rpcException.getMessage())).as("the request's size is named")
			.anyMatch(n -> n > FRAME_SIZE);
		assertThat(this.endpoint.calls).as("the request never reached the endpoint").isZero();
	}

	@Test
	void oversizedBlockingRequestFailsAtOnceWithAnRpcException() {
		String big = "y".repeat((int) FRAME_SIZE + 1_000);

		Throwable failure = Failures.failureOfBlockingCall(() -> this.remote.lengthSync(big));

		assertThat(Failures.requireCause(failure, RpcException.class).getMessage()).contains(Long.toString(FRAME_SIZE));
	}

	@Test
	void connectionStaysUsableAfterAnOversizedRequest() throws Exception {
		Failures.failureOfCall(() -> this.remote.length("z".repeat((int) FRAME_SIZE * 2)), FAST);

		assertThat(Bounded.get(this.remote.length("small"))).isEqualTo(5);
	}

	@Test
	void oversizedAsynchronousRemoteResponseFailsWithRpcExceptionNamingTheLimit() throws Exception {
		Throwable failure = Failures.failureOf(this.remote.bytes((int) FRAME_SIZE + 1_000), FAST);

		RpcException rpcException = Failures.requireCause(failure, RpcException.class);
		assertThat(rpcException.getMessage()).contains(Long.toString(FRAME_SIZE)).contains("bytes");
		assertThat(Bounded.get(this.remote.bytes(10))).hasSize(10);
	}

	@Test
	void oversizedSynchronousRemoteResponseFailsWithRpcExceptionNamingTheLimit() {
		Throwable failure = Failures.failureOfBlockingCall(() -> this.remote.bytesSync((int) FRAME_SIZE + 1_000));

		assertThat(Failures.requireCause(failure, RpcException.class).getMessage())
			.contains(Long.toString(FRAME_SIZE));
	}

	@Test
	void normalSizedPayloadsRoundTripRemotely() throws Exception {
		assertThat(Bounded.get(this.remote.bytes(1_000))).hasSize(1_000);
		assertThat(this.remote.bytesSync(1_000)).hasSize(1_000);
		assertThat(Bounded.get(this.remote.length("Hello"))).isEqualTo(5);
	}

	@Test
	void oversizedLocalResponsesAreDelivered() throws Exception {
		PayloadGateway local = this.endpoint.getSelfGateway(PayloadGateway.class);

		assertThat(Bounded.get(local.bytes((int) FRAME_SIZE * 3))).hasSize((int) FRAME_SIZE * 3);
		assertThat(local.bytesSync((int) FRAME_SIZE * 3)).hasSize((int) FRAME_SIZE * 3);
		assertThat(Bounded.get(local.length("l".repeat((int) FRAME_SIZE * 3)))).isEqualTo((int) FRAME_SIZE * 3);
	}

	private static java.util.List<Long> numbersIn(String message) {
		java.util.List<Long> numbers = new java.util.ArrayList<>();
		Matcher m = Pattern.compile("\\d[\\d,_]*").matcher(message);
		while (m.find()) {
			String digits = m.group().replaceAll("[,_]", "");
			if (digits.length() < 18) {
				numbers.add(Long.parseLong(digits));
			}
		}
		return numbers;
	}

	/** Gateway sending and returning payloads of a chosen size. */
	public interface PayloadGateway extends RpcGateway {

		CompletableFuture<Integer> length(String payload);

		int lengthSync(String payload);

		CompletableFuture<byte[]> bytes(int size);

		byte[] bytesSync(int size);

	}

	static class PayloadEndpoint extends RpcEndpoint implements PayloadGateway {

		volatile int calls;

		PayloadEndpoint(RpcService rpcService, String endpointId) {
			super(rpcService, endpointId);
		}

		@Override
		public CompletableFuture<Integer> length(String payload) {
			this.calls++;
			return CompletableFuture.completedFuture(payload.length());
		}

		@Override
		public int lengthSync(String payload) {
			this.calls++;
			return payload.length();
		}

		@Override
		public CompletableFuture<byte[]> bytes(int size) {
			return CompletableFuture.completedFuture(new byte[size]);
		}

		@Override
		public byte[] bytesSync(int size) {
			return new byte[size];
		}

	}

}
