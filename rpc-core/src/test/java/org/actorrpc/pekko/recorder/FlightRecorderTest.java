package org.actorrpc.pekko.recorder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.FencedRpcEndpoint;
import org.actorrpc.FencedRpcGateway;
import org.actorrpc.RecordedMessage;
import org.actorrpc.RecordedMessage.Kind;
import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcService;
import org.actorrpc.exceptions.FencingTokenException;
import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.pekko.PekkoRpcServiceSettings;
import org.actorrpc.testutil.Bounded;
import org.actorrpc.testutil.EndpointViews;
import org.actorrpc.testutil.Failures;
import org.actorrpc.testutil.RpcServicePair;
import org.actorrpc.testutil.RpcServices;

import static org.actorrpc.testutil.Bounded.BOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Every endpoint's flight recorder keeps its most recent messages, newest first: what each was,
 * who sent it, its fencing token, how long it waited and ran, its size and how it ended — for
 * local and remote calls, fire-and-forget messages, tasks, scheduled runs and lifecycle steps —
 * and no more than its configured size.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlightRecorderTest {

	@RegisterExtension
	static final RpcServices SERVICES = new RpcServices();

	private RpcServicePair services;

	@BeforeAll
	void startServices() {
		this.services = SERVICES.pair();
	}

	@Test
	void recordsEveryKindOfMessageNewestFirstWithContiguousSequenceNumbers() throws Exception {
		Instant before = Instant.now();
		RecorderEndpoint endpoint = startEndpoint(this.services.server(), "kinds");
		RecorderGateway self = endpoint.getSelfGateway(RecorderGateway.class);

		assertThat(Bounded.get(self.echo("hello"))).isEqualTo("hello");
		self.tell("told");
		CountDownLatch ran = new CountDownLatch(3);
		endpoint.enqueueRun(ran::countDown);
		assertThat(Bounded.get(endpoint.enqueueCall(() -> "called"))).isEqualTo("called");
		endpoint.enqueueScheduled(ran::countDown, Duration.ofMillis(1));
		awaitCount(ran, 1);
		endpoint.scheduleOnExecutor(ran::countDown, Duration.ofMillis(1));
		assertThat(ran.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();

		List<RecordedMessage> recorded = awaitRecorded(endpoint, (entries) -> entries.size() == 7);
		Instant after = Instant.now();

		assertThat(recorded).extracting(RecordedMessage::kind)
			.containsExactly(Kind.SCHEDULED_RUN, Kind.SCHEDULED_RUN, Kind.CALL_ASYNC, Kind.RUN_ASYNC,
					Kind.FIRE_AND_FORGET, Kind.CALL, Kind.START);
		assertThat(recorded).extracting(RecordedMessage::method)
			.containsExactly("scheduleRunAsync", "scheduleRunAsync", "callAsync", "runAsync", "RecorderGateway/tell",
					"RecorderGateway/echo", "start");
		assertThat(recorded).extracting(RecordedMessage::sequenceNumber).containsExactly(7L, 6L, 5L, 4L, 3L, 2L, 1L);
		assertThat(recorded).allSatisfy((entry) -> {
			assertThat(entry.sender()).isEqualTo("local");
			assertThat(entry.fencingToken()).isNull();
			assertThat(entry.payloadSize()).as("local messages are not serialized").isZero();
			assertThat(entry.succeeded()).isTrue();
			assertThat(entry.outcome()).isEqualTo("ok");
			assertThat(entry.enqueuedAt()).isBetween(before.minusMillis(50), after.plusMillis(50));
			assertThat(entry.queueWait()).isGreaterThanOrEqualTo(Duration.ZERO);
			assertThat(entry.processingTime()).isGreaterThanOrEqualTo(Duration.ZERO);
		});
	}

	@Test
	void newestEntryIsTheMessageProcessedLast() throws Exception {
		RecorderEndpoint endpoint = startEndpoint(this.services.server(), "newest");
		RecorderGateway self = endpoint.getSelfGateway(RecorderGateway.class);

		for (int i = 0; i < 5; i++) {
			Bounded.get(self.echo("m" + i));
		}
		Bounded.get(endpoint.enqueueCall(() -> "last"));

		List<RecordedMessage> recorded = awaitRecorded(endpoint, (entries) -> entries.size() == 7);
		assertThat(recorded.get(0).kind()).isEqualTo(Kind.CALL_ASYNC);
		assertThat(recorded.get(recorded.size() - 1).kind()).isEqualTo(Kind.START);
		assertThat(recorded.get(0).enqueuedAt()).isAfterOrEqualTo(recorded.get(recorded.size() - 1).enqueuedAt());
	}

	@Test
	void failedMessagesRecordTheExceptionTypeAndMessage() throws Exception {
		RecorderEndpoint endpoint = startEndpoint(this.services.server(), "failures");
		RecorderGateway self = endpoint.getSelfGateway(RecorderGateway.class);

		assertThat(Failures.failureOfCall(() -> self.fail("call broke"), BOUND))
			.isInstanceOf(IllegalStateException.class);
		self.failToldMessage("tell broke");
		Bounded.get(self.echo("barrier"));

		List<RecordedMessage> recorded = awaitRecorded(endpoint, (entries) -> entries.size() == 4);
		RecordedMessage tell = recorded.get(1);
		RecordedMessage call = recorded.get(2);
		assertThat(call.kind()).isEqualTo(Kind.CALL);
		assertThat(call.succeeded()).isFalse();
		assertThat(call.exceptionType()).isEqualTo(IllegalStateException.class.getName());
		assertThat(call.exceptionMessage()).isEqualTo("call broke");
		assertThat(call.outcome()).isEqualTo("java.lang.IllegalStateException: call broke");
		assertThat(tell.kind()).isEqualTo(Kind.FIRE_AND_FORGET);
		assertThat(tell.exceptionType()).isEqualTo(IllegalArgumentException.class.getName());
		assertThat(tell.exceptionMessage()).isEqualTo("tell broke");
		assertThat(recorded.get(0).succeeded()).isTrue();
	}

	@Test
	void longAndMultiLineExceptionMessagesAreShortenedToOneLine() throws Exception {
		RecorderEndpoint endpoint = startEndpoint(this.services.server(), "long-failure");
		RecorderGateway self = endpoint.getSelfGateway(RecorderGateway.class);

		Failures.failureOfCall(() -> self.fail("first line\nsecond line " + "x".repeat(500)), BOUND);

		RecordedMessage failed = awaitRecorded(endpoint, (entries) -> entries.size() == 2).get(0);
		assertThat(failed.exceptionMessage()).hasSize(RecordedMessage.MAX_MESSAGE_LENGTH)
			.startsWith("first line second line xxx")
			.endsWith("...")
			.doesNotContain("\n");
	}

	@Test
	void ringKeepsOnlyTheNewestMessagesOfItsSize() throws Exception {
		PekkoRpcService small = SERVICES.create("small-recorder", (b) -> b.flightRecorderSize(8));
		RecorderEndpoint endpoint = startEndpoint(small, "bounded");
		RecorderGateway self = endpoint.getSelfGateway(RecorderGateway.class);

		for (int i = 0; i < 20; i++) {
			self.tell("t" + i);
		}
		Bounded.get(self.echo("last"));

		List<RecordedMessage> recorded = awaitRecorded(endpoint,
				(entries) -> !entries.isEmpty() && entries.get(0).kind() == Kind.CALL);
		assertThat(recorded).extracting(RecordedMessage::sequenceNumber)
			.as("start, 20 tells and the call: the oldest 14 were dropped")
			.containsExactly(22L, 21L, 20L, 19L, 18L, 17L, 16L, 15L);
		assertThat(view(endpoint).getRecentMessages(3)).extracting(RecordedMessage::sequenceNumber)
			.containsExactly(22L, 21L, 20L);
	}

	@Test
	void sizeZeroTurnsTheRecorderOff() throws Exception {
		PekkoRpcService off = SERVICES.create("no-recorder", (b) -> b.flightRecorderSize(0));
		RecorderEndpoint endpoint = startEndpoint(off, "off");

		Bounded.get(endpoint.getSelfGateway(RecorderGateway.class).echo("unrecorded"));

		assertThat(view(endpoint).getRecentMessages()).isEmpty();
		assertThat(view(endpoint).getRecentMessages(10)).isEmpty();
	}

	@Test
	void remoteMessagesRecordTheCallersAddressAndPayloadSize() throws Exception {
		RecorderEndpoint endpoint = startEndpoint(this.services.server(), "remote");
		RecorderGateway remote = this.services.connect(endpoint, RecorderGateway.class);

		remote.tell("over the wire");
		assertThat(Bounded.get(remote.echo("x".repeat(1000)))).hasSize(1000);

		List<RecordedMessage> recorded = awaitRecorded(endpoint, (entries) -> entries.size() == 3);
		RecordedMessage call = recorded.get(0);
		RecordedMessage tell = recorded.get(1);
		String clientAddress = "pekko://" + this.services.client().getSettings().systemName() + "@127.0.0.1:"
				+ this.services.client().getPort();
		assertThat(call.kind()).isEqualTo(Kind.CALL);
		assertThat(call.sender()).isEqualTo(clientAddress);
		assertThat(call.payloadSize()).isGreaterThan(1000);
		assertThat(tell.kind()).isEqualTo(Kind.FIRE_AND_FORGET);
		assertThat(tell.sender()).isEqualTo(clientAddress);
		assertThat(tell.payloadSize()).isPositive();
		assertThat(recorded.get(2).sender()).as("start is local").isEqualTo("local");
	}

	@Test
	void fencedMessagesRecordTheirFencingTokenAndRefusedOnesTheFencingFailure() throws Exception {
		UUID token = UUID.randomUUID();
		UUID wrongToken = UUID.randomUUID();
		String endpointId = this.services.nextEndpointId("fenced");
		FencedEchoEndpoint endpoint = this.services
			.startEndpoint((service, id) -> new FencedEchoEndpoint(service, id, token), endpointId);

		FencedEchoGateway right = this.services.connect(endpoint, token, FencedEchoGateway.class);
		FencedEchoGateway wrong = this.services.connect(endpoint, wrongToken, FencedEchoGateway.class);
		assertThat(Bounded.get(right.echo("ok"))).isEqualTo("ok");
		assertThat(Failures.failureOf(wrong.echo("refused"), BOUND)).isInstanceOf(FencingTokenException.class);

		RpcEndpointView view = EndpointViews.require(this.services.server(), endpointId);
		List<RecordedMessage> recorded = awaitRecorded(view, (entries) -> entries.size() == 3);
		assertThat(recorded.get(1).fencingToken()).isEqualTo(token.toString());
		assertThat(recorded.get(1).succeeded()).isTrue();
		assertThat(recorded.get(0).fencingToken()).isEqualTo(wrongToken.toString());
		assertThat(recorded.get(0).exceptionType()).isEqualTo(FencingTokenException.class.getName());
	}

	@Test
	void sizeOutsideItsRangeIsRefusedNamingTheSetting() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PekkoRpcServiceSettings.builder().flightRecorderSize(-1).build())
			.withMessageContaining("flightRecorderSize")
			.withMessageContaining("-1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PekkoRpcServiceSettings.builder()
				.flightRecorderSize(PekkoRpcServiceSettings.MAX_FLIGHT_RECORDER_SIZE + 1)
				.build())
			.withMessageContaining("flightRecorderSize");
		assertThat(PekkoRpcServiceSettings.defaults().flightRecorderSize())
			.isEqualTo(PekkoRpcServiceSettings.DEFAULT_FLIGHT_RECORDER_SIZE)
			.isEqualTo(256);
	}

	@Test
	void snapshotIsACopyThatDoesNotChangeAsTheEndpointGoesOn() throws Exception {
		RecorderEndpoint endpoint = startEndpoint(this.services.server(), "copy");
		RecorderGateway self = endpoint.getSelfGateway(RecorderGateway.class);
		List<RecordedMessage> first = awaitRecorded(endpoint, (entries) -> entries.size() == 1);

		Bounded.get(self.echo("more"));
		awaitRecorded(endpoint, (entries) -> entries.size() == 2);

		assertThat(first).hasSize(1);
	}

	private RecorderEndpoint startEndpoint(RpcService service, String prefix) {
		RecorderEndpoint endpoint = new RecorderEndpoint(service, this.services.nextEndpointId(prefix));
		endpoint.start();
		return endpoint;
	}

	private RpcEndpointView view(RecorderEndpoint endpoint) {
		return EndpointViews.require(endpoint.getRpcService(), endpoint.getEndpointId());
	}

	private List<RecordedMessage> awaitRecorded(RecorderEndpoint endpoint, Predicate<List<RecordedMessage>> done) {
		return awaitRecorded(view(endpoint), done);
	}

	/** Entries are written when the main thread is done with a message, just after its caller may have its answer. */
	static List<RecordedMessage> awaitRecorded(RpcEndpointView view, Predicate<List<RecordedMessage>> done) {
		return await().atMost(BOUND).until(view::getRecentMessages, done);
	}

	private static void awaitCount(CountDownLatch latch, long remaining) {
		await().atMost(BOUND).until(() -> latch.getCount() <= remaining);
	}

	/** A fenced gateway for the fencing-token entries. */
	public interface FencedEchoGateway extends FencedRpcGateway<UUID> {

		CompletableFuture<String> echo(String message);

	}

	static class FencedEchoEndpoint extends FencedRpcEndpoint<UUID> implements FencedEchoGateway {

		FencedEchoEndpoint(RpcService rpcService, String endpointId, UUID token) {
			super(rpcService, endpointId, token);
		}

		@Override
		public CompletableFuture<String> echo(String message) {
			return CompletableFuture.completedFuture(message);
		}

	}

}
