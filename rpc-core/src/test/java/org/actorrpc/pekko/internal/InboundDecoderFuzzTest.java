package org.actorrpc.pekko.internal;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.BeforeAll;

import org.actorrpc.serialization.GatewayContract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of every inbound decoder (requests, responses with values or failure
 * data, handshakes and their answers, pings and pongs) through the serializer Artery calls. The
 * first input byte picks the manifest; its low bit, for requests and responses, stamps the
 * contract's real fingerprint into the header so the fuzzer reaches the Kryo payload decoding
 * instead of stopping at the unknown-contract check. Invariants for any bytes: the decoder
 * returns (never throws), returns a wire message or an {@link UndecodableMessage}, never reports
 * a {@link VirtualMachineError}, and allocates at most a small multiple of the frame.
 *
 * <p>In a normal build Jazzer runs the seed inputs under
 * {@code src/test/resources/org/actorrpc/pekko/internal/InboundDecoderFuzzTestInputs} and then
 * fuzzes for {@code maxDuration}; see the README for a longer run.
 */
class InboundDecoderFuzzTest {

	private static final List<String> MANIFESTS = List.of("Q", "R", "H", "h", "P", "p", "G", "C");

	private static final long ALLOCATION_OVERHEAD = 8L * 1024 * 1024;

	private static final int ALLOCATION_PER_FRAME_BYTE = 64;

	/** Pekko's default Artery frame size less actorrpc's headroom. */
	private static final long RECEIVER_LIMIT = 192 * 1024;

	private static RpcWireSerializer serializer;

	private static GatewayContract contract;

	@BeforeAll
	static void start() {
		// No actor system: under Jazzer's hooks starting one takes long, and the decoders need none.
		ContractRegistry registry = new ContractRegistry(InboundDecoderFuzzTest.class.getClassLoader(), RECEIVER_LIMIT);
		contract = registry.contractOf(BlobGateway.class);
		serializer = new RpcWireSerializer(registry);
		// the first failure initialises logging; not part of what one decode allocates
		serializer.fromBinary(new byte[] { 1 }, "Q");
		serializer.fromBinary(ForgedFrames.legitimateRequest(contract, 1, "echo", "warm"), "Q");
	}

	@FuzzTest(maxDuration = "20s")
	void inboundDecodersContainEveryFailure(byte[] input) {
		if (input.length == 0) {
			return;
		}
		String manifest = MANIFESTS.get((input[0] & 0x7F) % MANIFESTS.size());
		byte[] frame = new byte[input.length - 1];
		System.arraycopy(input, 1, frame, 0, frame.length);
		if ((input[0] & 0x80) != 0 && frame.length >= 16 && (manifest.equals("Q") || manifest.equals("R"))) {
			ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).putLong(8, contract.fingerprint());
		}
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long before = threads.getCurrentThreadAllocatedBytes();

		Object decoded = serializer.fromBinary(frame, manifest);

		long allocated = threads.getCurrentThreadAllocatedBytes() - before;
		assertThat(allocated).as("bytes allocated decoding a %d-byte frame", frame.length)
			.isLessThan(ALLOCATION_OVERHEAD + (long) ALLOCATION_PER_FRAME_BYTE * frame.length);
		assertThat(decoded).isInstanceOfAny(RpcRequest.class, RpcResponse.class, HandshakeRequest.class,
				HandshakeResponse.class, PeerPing.class, PeerPong.class, FlowGrant.class, CreditRequest.class,
				UndecodableMessage.class);
		Throwable failure = failureOf(decoded);
		if (failure != null) {
			assertThat(failure).as("a decode failure").isNotInstanceOf(VirtualMachineError.class);
		}
		if (decoded instanceof UndecodableMessage undecodable) {
			assertThat(undecodable.reason()).doesNotContain("OutOfMemoryError").doesNotContain("StackOverflowError");
		}
	}

	private static Throwable failureOf(Object decoded) {
		Throwable failure = null;
		if (decoded instanceof RpcRequest request) {
			failure = request.decodeFailure;
		}
		else if (decoded instanceof RpcResponse response && response.value instanceof Throwable thrown) {
			failure = thrown;
		}
		while (failure != null && failure.getCause() != null && failure.getCause() != failure) {
			failure = failure.getCause();
		}
		return failure;
	}

}
