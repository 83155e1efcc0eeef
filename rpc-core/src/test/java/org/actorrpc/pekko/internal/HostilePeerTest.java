package org.actorrpc.pekko.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import com.esotericsoftware.kryo.io.Input;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.exceptions.RpcException;
import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.serialization.GatewayContract;
import org.actorrpc.testutil.EchoGateway;
import org.actorrpc.testutil.EchoNodeProcess;
import org.actorrpc.testutil.Failures;
import org.actorrpc.testutil.RpcServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A hostile peer over real Artery TCP: a raw Pekko actor system whose only serializer claims
 * actorrpc's serializer id and manifests, so the receiver decodes bytes crafted here with its real
 * {@link RpcWireSerializer}. Whatever it sends, the receiver stays up for its legitimate client,
 * the forger gets a clear error where there is a caller to answer, and a peer configured with a
 * larger frame size is refused above the receiver's own limit without losing its connection. A
 * receiver in a child JVM with a small heap proves that the forged lengths are never allocated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostilePeerTest {

	private static final long RECEIVER_LIMIT = 64 * 1024;

	private static final Duration BOUND = Duration.ofSeconds(30);

	/** A legitimate call that is answered "at once", far below a liveness-probe timeout. */
	private static final Duration AT_ONCE = Duration.ofSeconds(10);

	@RegisterExtension
	static final RpcServices SERVICES = new RpcServices();

	private PekkoRpcService server;

	private BlobEndpoint endpoint;

	private BlobGateway legitimate;

	private ActorSystem hostile;

	private GatewayContract contract;

	private int calls;

	@BeforeAll
	void start() throws Exception {
		this.server = SERVICES.create("receiver", (b) -> b.maxFrameSize(RECEIVER_LIMIT));
		this.endpoint = new BlobEndpoint(this.server, "blob");
		this.endpoint.start();
		PekkoRpcService client = SERVICES.create("legitimate", (b) -> b.maxFrameSize(RECEIVER_LIMIT));
		this.legitimate = client.connect(this.endpoint.getAddress(), BlobGateway.class)
			.get(BOUND.toSeconds(), TimeUnit.SECONDS);
		this.contract = GatewayContract.of(BlobGateway.class, java.util.List.of());
		this.hostile = ActorSystem.create(RpcServices.uniqueName("hostile"), ConfigFactory.parseString("""
				pekko.actor.provider = remote
				pekko.remote.artery.canonical.hostname = "127.0.0.1"
				pekko.remote.artery.canonical.port = 0
				pekko.remote.artery.advanced.maximum-frame-size = 4MiB
				pekko.actor.allow-java-serialization = off
				pekko.loglevel = WARNING
				pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
				pekko.actor.serializers.actorrpc = "%s"
				pekko.actor.serialization-bindings."%s" = actorrpc
				""".formatted(ForgingSerializer.class.getName(), Forged.class.getName()))
			.withFallback(ConfigFactory.defaultReference()));
	}

	@AfterAll
	void stopHostile() throws Exception {
		if (this.hostile != null) {
			this.hostile.terminate();
			this.hostile.getWhenTerminated().toCompletableFuture().get(BOUND.toSeconds(), TimeUnit.SECONDS);
		}
	}

	@BeforeEach
	void receiverAnswersItsLegitimateClient() throws Exception {
		assertLegitimateClientAnsweredAtOnce();
	}

	@Test
	void forgedByteArrayLengthFailsOnlyTheForgersCall() throws Exception {
		Received answer = forge("Q", ForgedFrames.byteArrayClaimingTwoGigabytes(this.contract, 101));

		assertThat(answer.callId()).isEqualTo(101);
		assertThat(answer.failureMessages()).contains("BlobGateway.size").contains("byte array claiming");
		assertLegitimateClientAnsweredAtOnce();
	}

	@Test
	void forgedContextSizeFailsOnlyTheForgersCall() throws Exception {
		Received answer = forge("Q", ForgedFrames.contextClaimingABillionEntries(this.contract, 102));

		assertThat(answer.callId()).isEqualTo(102);
		assertThat(answer.failureMessages()).contains("BlobGateway.echo").contains("propagated context claiming");
		assertLegitimateClientAnsweredAtOnce();
	}

	@Test
	void deeplyNestedPayloadFailsOnlyTheForgersCall() throws Exception {
		Received answer = forge("Q", ForgedFrames.deeplyNestedArrays(this.contract, 103, 20_000));

		assertThat(answer.failureMessages()).contains("BlobGateway.count").contains("Max depth exceeded");
		assertLegitimateClientAnsweredAtOnce();
	}

	@Test
	void forgedHandshakeDescriptorCountIsDroppedAndCounted() throws Exception {
		InboundDecodeFailures failures = ContractRegistry.get(serverSystem()).decodeFailures();
		long before = failures.total();

		this.hostile.actorSelection(this.endpoint.getAddress())
			.tell(new Forged("H", ForgedFrames.handshakeClaimingTwoBillionDescriptors(BlobGateway.class.getName(),
					this.contract.fingerprint())), org.apache.pekko.actor.ActorRef.noSender());

		await().atMost(BOUND).until(() -> failures.total() > before);
		assertLegitimateClientAnsweredAtOnce();
	}

	@Test
	void requestAboveTheReceiversLimitFromALargerPeerGetsAClearErrorAndTheConnectionLives() throws Exception {
		PekkoRpcService larger = SERVICES.create("larger", (b) -> b.maxFrameSize(16 * RECEIVER_LIMIT));
		BlobGateway remote = larger.connect(this.endpoint.getAddress(), BlobGateway.class)
			.get(BOUND.toSeconds(), TimeUnit.SECONDS);
		int callsBefore = this.endpoint.calls;
		byte[] big = new byte[(int) RECEIVER_LIMIT * 8];

		Throwable failure = Failures.failureOfCall(() -> remote.size(big), AT_ONCE);

		RpcException refused = Failures.requireCause(failure, RpcException.class);
		assertThat(refused.getMessage()).contains("BlobGateway.size")
			.contains(Long.toString(RECEIVER_LIMIT))
			.contains("actorrpc.max-frame-size")
			.contains("receiving side");
		assertThat(this.endpoint.calls).as("the oversized request never reached the endpoint").isEqualTo(callsBefore);
		assertThat(remote.echo("after").get(AT_ONCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("after");
		assertThat(remote.size(new byte[1000]).get(AT_ONCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1000);
	}

	@Test
	void receiverWithASmallHeapSurvivesForgedLengthsAndKeepsAnsweringItsClient() throws Exception {
		// EchoNodeProcess runs with -Xmx128m: any of these claims, allocated, would exhaust its heap
		EchoNodeProcess node = SERVICES.register(EchoNodeProcess.start(RpcServices.uniqueName("small-heap"), 0, "echo"));
		PekkoRpcService client = SERVICES.create("small-heap-client");
		EchoGateway echo = client.connect(node.address(), EchoGateway.class).get(BOUND.toSeconds(), TimeUnit.SECONDS);
		GatewayContract echoContract = GatewayContract.of(EchoGateway.class, java.util.List.of());

		Received stringAnswer = forgeTo(node.address(),
				ForgedFrames.stringClaimingTwoBillionChars(echoContract, 201, "echo"));
		Received contextAnswer = forgeTo(node.address(), ForgedFrames.contextClaimingABillionEntries(echoContract, 202));

		assertThat(stringAnswer.failureMessages()).contains("EchoGateway.echo").contains("a string claiming");
		assertThat(contextAnswer.failureMessages()).contains("propagated context claiming");
		assertThat(echo.echo("still here").get(AT_ONCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("still here");
		assertThat(node.handle().isAlive()).isTrue();
		assertThat(node.output()).doesNotContain("OutOfMemoryError");
	}

	private void assertLegitimateClientAnsweredAtOnce() throws Exception {
		String message = "legit-" + (++this.calls);
		assertThat(this.legitimate.echo(message).get(AT_ONCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(message);
	}

	private ActorSystem serverSystem() {
		return this.server.getActorSystem();
	}

	private Received forge(String manifest, byte[] frame) throws Exception {
		return forgeTo(this.endpoint.getAddress(), manifest, frame);
	}

	private Received forgeTo(String address, byte[] requestFrame) throws Exception {
		return forgeTo(address, "Q", requestFrame);
	}

	private Received forgeTo(String address, String manifest, byte[] frame) throws Exception {
		Object reply = Patterns.ask(this.hostile.actorSelection(address), new Forged(manifest, frame), BOUND)
			.toCompletableFuture()
			.get(BOUND.toSeconds(), TimeUnit.SECONDS);
		assertThat(reply).isInstanceOf(Received.class);
		return (Received) reply;
	}

	/**
	 * Bytes to send as they are, under an actorrpc manifest.
	 * @param manifest the manifest
	 * @param frame the bytes
	 */
	record Forged(String manifest, byte[] frame) {
	}

	/**
	 * Bytes received from the receiver, undecoded.
	 * @param manifest the manifest
	 * @param frame the bytes
	 */
	record Received(String manifest, byte[] frame) {

		long callId() {
			return ByteBuffer.wrap(this.frame).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
		}

		/** A failure response's exception names and messages, outermost first. */
		String failureMessages() {
			assertThat(this.manifest).isEqualTo("R");
			assertThat(this.frame[16]).as("a failure response").isEqualTo((byte) 1);
			FailureCodec.FailureData data = FailureCodec.read(new Input(Arrays.copyOfRange(this.frame, 21,
					this.frame.length)));
			return Arrays.toString(data.names()) + " " + Arrays.toString(data.messages());
		}

	}

	/**
	 * The hostile system's only serializer: it claims actorrpc's serializer id, so the receiver
	 * hands these bytes to its real {@link RpcWireSerializer}.
	 */
	public static final class ForgingSerializer extends SerializerWithStringManifest {

		/**
		 * Created by Pekko.
		 * @param system the actor system
		 */
		public ForgingSerializer(ExtendedActorSystem system) {
		}

		@Override
		public int identifier() {
			return RpcWireSerializer.IDENTIFIER;
		}

		@Override
		public String manifest(Object o) {
			return ((Forged) o).manifest();
		}

		@Override
		public byte[] toBinary(Object o) {
			return ((Forged) o).frame();
		}

		@Override
		public Object fromBinary(byte[] bytes, String manifest) {
			return new Received(manifest, bytes);
		}

	}

}
