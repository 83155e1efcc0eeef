package org.actorrpc.pekko.internal;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.esotericsoftware.kryo.KryoException;

import com.esotericsoftware.kryo.io.Output;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.actorrpc.exceptions.RpcException;
import org.actorrpc.serialization.GatewayContract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The inbound decoders given forged bytes, directly through the serializer Artery calls: a lying
 * length or count is refused before anything of that size is allocated, the failure stays with
 * the message (an answer to its caller, or a dropped control message that is counted), and legit
 * messages keep decoding.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboundDecoderTest {

	/** Artery frame 80 KiB, so this receiver's own payload limit is 16 KiB. */
	private static final long RECEIVER_LIMIT = 16 * 1024;

	/** Far below any of the forged lengths: what decoding one small frame may allocate at most. */
	private static final long ALLOCATION_BOUND = 16L * 1024 * 1024;

	private ActorSystem system;

	private RpcWireSerializer serializer;

	private GatewayContract contract;

	@BeforeAll
	void start() {
		this.system = ActorSystem.create("decoder", ConfigFactory
			.parseString("pekko.actor.provider = local\n"
					+ "pekko.remote.artery.advanced.maximum-frame-size = " + (RECEIVER_LIMIT + 64 * 1024) + "b\n"
					+ "pekko.loglevel = WARNING")
			.withFallback(ConfigFactory.defaultReference()));
		this.serializer = new RpcWireSerializer((ExtendedActorSystem) this.system);
		this.contract = ContractRegistry.get(this.system).contractOf(BlobGateway.class);
		// the first failure initialises logging; not part of what one decode allocates
		this.serializer.fromBinary(new byte[] { 1 }, "Q");
	}

	@AfterAll
	void stop() throws Exception {
		this.system.terminate();
		this.system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
	}

	@Test
	void legitimateRequestDecodesIntoItsArguments() {
		RpcRequest request = decodeRequest(ForgedFrames.legitimateRequest(this.contract, 7, "size", new byte[] { 1, 2 }));

		assertThat(request.decodeFailure).isNull();
		assertThat(request.callId).isEqualTo(7);
		assertThat((byte[]) request.args[0]).containsExactly(1, 2);
	}

	@Test
	void byteArrayClaimingTwoGigabytesIsRefusedBeforeAllocation() {
		byte[] frame = ForgedFrames.byteArrayClaimingTwoGigabytes(this.contract, 11);

		RpcRequest request = decodeRequestMeasured(frame);

		assertThat(request.callId).isEqualTo(11);
		assertThat(request.decodeFailure).isInstanceOf(RpcException.class)
			.hasMessageContaining("BlobGateway.size")
			.hasMessageContaining("byte array claiming " + (Integer.MAX_VALUE - 1))
			.hasMessageContaining("only 0 bytes are left");
	}

	@Test
	void propagatedContextClaimingABillionEntriesIsRefusedBeforeAllocation() {
		RpcRequest request = decodeRequestMeasured(ForgedFrames.contextClaimingABillionEntries(this.contract, 12));

		assertThat(request.decodeFailure).hasMessageContaining("BlobGateway.echo")
			.hasMessageContaining("propagated context claiming " + (1 << 30));
	}

	@Test
	void stringClaimingTwoBillionCharactersIsRefusedBeforeAllocation() {
		byte[] frame = ForgedFrames.stringClaimingTwoBillionChars(this.contract, 13, "echo");

		RpcRequest request = decodeRequestMeasured(frame);

		assertThat(request.decodeFailure).hasMessageContaining("BlobGateway.echo").hasMessageContaining("a string");
	}

	@ParameterizedTest
	@MethodSource("sizedTypes")
	void collectionsMapsAndArraysClaimingTwoBillionElementsAreRefusedBeforeAllocation(Class<?> type, String what) {
		byte[] forged;
		var kryo = this.contract.borrow();
		try (Output output = new Output(16, -1)) {
			output.writeVarInt(kryo.getRegistration(type).getId() + 2, true);
			output.writeBytes(ForgedFrames.HUGE_VARINT);
			forged = output.toBytes();
		}
		finally {
			this.contract.release(kryo);
		}

		assertThatExceptionOfType(KryoException.class).isThrownBy(() -> this.contract.fromBytes(forged))
			.withMessageContaining("Refused " + what + " claiming");
	}

	static Stream<Arguments> sizedTypes() {
		return Stream.of(Arguments.of(ArrayList.class, "a collection"), Arguments.of(HashSet.class, "a collection"),
				Arguments.of(HashMap.class, "a map"), Arguments.of(List.of(1, 2, 3).getClass(), "a list"),
				Arguments.of(Arrays.asList(1, 2).getClass(), "a list"), Arguments.of(Object[].class, "an array"),
				Arguments.of(String[].class, "an array"), Arguments.of(long[].class, "a long array"),
				Arguments.of(int[].class, "an int array"), Arguments.of(char[].class, "a char array"),
				Arguments.of(short[].class, "a short array"), Arguments.of(float[].class, "a float array"),
				Arguments.of(double[].class, "a double array"), Arguments.of(boolean[].class, "a boolean array"));
	}

	@Test
	void deeplyNestedPayloadFailsThatRequestInsteadOfOverflowingTheStack() {
		byte[] frame = ForgedFrames.deeplyNestedArrays(this.contract, 14, 8_000);

		RpcRequest request = decodeRequest(frame);

		assertThat(request.decodeFailure).hasMessageContaining("BlobGateway.count")
			.hasMessageContaining("Max depth exceeded");
		assertThat(decodeRequest(ForgedFrames.legitimateRequest(this.contract, 15, "count",
				(Object) new Object[] { new Object[] { 1 } })).decodeFailure)
			.as("the thread's decoder works afterwards").isNull();
	}

	@Test
	void payloadLengthBeyondTheFrameIsRefusedNamingBothNumbers() {
		byte[] frame = ForgedFrames.legitimateRequest(this.contract, 16, "echo", "hi");
		ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).putInt(21, Integer.MAX_VALUE);

		RpcRequest request = decodeRequestMeasured(frame);

		assertThat(request.decodeFailure).hasMessageContaining("BlobGateway.echo")
			.hasMessageContaining("declares a payload of " + Integer.MAX_VALUE + " bytes")
			.hasMessageContaining("holds " + (frame.length - 25));
	}

	@Test
	void requestAboveTheReceiversOwnLimitIsRefusedNamingMethodSizeLimitAndProperty() {
		byte[] frame = ForgedFrames.legitimateRequest(this.contract, 17, "size", new byte[(int) RECEIVER_LIMIT * 2]);

		RpcRequest request = decodeRequest(frame);

		assertThat(request.decodeFailure).isInstanceOf(RpcException.class)
			.hasMessageContaining("BlobGateway.size")
			.hasMessageContaining(Integer.toString(frame.length - 25))
			.hasMessageContaining(Long.toString(RECEIVER_LIMIT))
			.hasMessageContaining("actorrpc.max-frame-size")
			.hasMessageContaining("PekkoRpcServiceSettings.maxFrameSize");
		assertThat(request.args).as("not decoded").isNull();
	}

	@Test
	void truncatedRequestHeaderBecomesADroppedMessageThatIsCounted() {
		long before = ContractRegistry.get(this.system).decodeFailures().total();

		Object decoded = this.serializer.fromBinary(new byte[] { 1, 2, 3 }, "Q");

		assertThat(decoded).isInstanceOf(UndecodableMessage.class);
		assertThat(((UndecodableMessage) decoded).reason()).contains("truncated header of 3 bytes");
		assertThat(ContractRegistry.get(this.system).decodeFailures().total()).isEqualTo(before + 1);
	}

	@Test
	void handshakeClaimingTwoBillionDescriptorsIsDroppedAndCounted() {
		long before = ContractRegistry.get(this.system).decodeFailures().total();
		byte[] frame = ForgedFrames.handshakeClaimingTwoBillionDescriptors(BlobGateway.class.getName(),
				this.contract.fingerprint());

		Object decoded = decodeMeasured(frame, "H");

		assertThat(decoded).isInstanceOf(UndecodableMessage.class);
		assertThat(((UndecodableMessage) decoded).reason()).contains("descriptors claiming " + Integer.MAX_VALUE);
		assertThat(ContractRegistry.get(this.system).decodeFailures().total()).isEqualTo(before + 1);
	}

	@Test
	void legitimateControlMessagesRoundTrip() {
		HandshakeRequest handshake = new HandshakeRequest("g", 1, 42L, List.of("a", "b"), true);

		assertThat(this.serializer.fromBinary(this.serializer.toBinary(handshake), "H")).isEqualTo(handshake);
		assertThat(this.serializer.fromBinary(this.serializer.toBinary(new PeerPong(3, "x", 7L)), "p"))
			.isEqualTo(new PeerPong(3, "x", 7L));
		assertThat(this.serializer.fromBinary(new byte[] { 1 }, "P")).isInstanceOf(UndecodableMessage.class);
	}

	@Test
	void failureDataClaimingHugeStackTracesFailsThatCallOnly() {
		byte[] payload;
		try (Output output = new Output(32, -1)) {
			output.writeVarInt(1, true);
			output.writeString("java.lang.IllegalStateException");
			output.writeString("boom");
			output.writeBytes(ForgedFrames.HUGE_VARINT);
			payload = output.toBytes();
		}
		ByteBuffer frame = ByteBuffer.allocate(21 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
		frame.putLong(21).putLong(this.contract.fingerprint()).put((byte) 1).putInt(payload.length).put(payload);

		RpcResponse response = (RpcResponse) decodeMeasured(frame.array(), "R");

		assertThat(response.callId).isEqualTo(21);
		assertThat(response.failure).isTrue();
		assertThat(response.value).isInstanceOf(RpcException.class)
			.asString()
			.contains("stack trace of " + Integer.MAX_VALUE + " frames");
	}

	@Test
	void unknownManifestIsDroppedNotThrown() {
		assertThat(this.serializer.fromBinary(new byte[0], "Z")).isInstanceOf(UndecodableMessage.class);
	}

	private RpcRequest decodeRequest(byte[] frame) {
		return (RpcRequest) this.serializer.fromBinary(frame, "Q");
	}

	private RpcRequest decodeRequestMeasured(byte[] frame) {
		return (RpcRequest) decodeMeasured(frame, "Q");
	}

	/** Decodes on this thread and checks how much it allocated while doing so. */
	private Object decodeMeasured(byte[] frame, String manifest) {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long before = threads.getCurrentThreadAllocatedBytes();
		Object decoded = this.serializer.fromBinary(frame, manifest);
		long allocated = threads.getCurrentThreadAllocatedBytes() - before;
		assertThat(allocated).as("bytes allocated decoding a %d-byte frame", frame.length).isLessThan(ALLOCATION_BOUND);
		return decoded;
	}

}
