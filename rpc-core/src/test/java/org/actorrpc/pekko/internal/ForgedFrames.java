package org.actorrpc.pekko.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Output;

import org.actorrpc.serialization.GatewayContract;

/**
 * Builds the bytes a hostile peer sends: actorrpc wire frames (the part after Artery's envelope)
 * whose lengths and counts lie. Pure functions over a {@link GatewayContract}.
 */
final class ForgedFrames {

	/** Kryo's varint of {@link Integer#MAX_VALUE}. */
	static final byte[] HUGE_VARINT = { (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07 };

	/** Kryo's varint of 2^30. */
	static final byte[] BILLION_VARINT = { (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x04 };

	private ForgedFrames() {
	}

	/**
	 * A request frame: the header actorrpc writes, then the payload as given.
	 * @param callId the call id
	 * @param fingerprint the contract fingerprint
	 * @param methodIndex the method's wire index
	 * @param flags the request flags
	 * @param payload the payload
	 * @return the frame
	 */
	static byte[] request(long callId, long fingerprint, int methodIndex, byte flags, byte[] payload) {
		ByteBuffer buffer = ByteBuffer.allocate(25 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
		buffer.putLong(callId).putLong(fingerprint).putInt(methodIndex).put(flags).putInt(payload.length).put(payload);
		return buffer.array();
	}

	/**
	 * A request for {@code size(byte[])} whose byte array claims {@link Integer#MAX_VALUE} − 1
	 * bytes; the frame is 25 + 6 bytes.
	 * @param contract the contract of {@link BlobGateway}
	 * @param callId the call id
	 * @return the frame
	 */
	static byte[] byteArrayClaimingTwoGigabytes(GatewayContract contract, long callId) {
		byte[] payload = concat(classId(contract, byte[].class), HUGE_VARINT);
		return request(callId, contract.fingerprint(), methodIndex(contract, "size"), (byte) 0, payload);
	}

	/**
	 * A request for {@code echo(String)} with a propagated context claiming 2^30 entries; the frame
	 * is 25 + 5 bytes.
	 * @param contract the contract of {@link BlobGateway}
	 * @param callId the call id
	 * @return the frame
	 */
	static byte[] contextClaimingABillionEntries(GatewayContract contract, long callId) {
		return request(callId, contract.fingerprint(), methodIndex(contract, "echo"), PayloadCodec.FLAG_CONTEXT,
				BILLION_VARINT);
	}

	/**
	 * A request whose one {@code String} argument claims {@link Integer#MAX_VALUE} − 1 UTF-8
	 * characters; the frame is 25 + 6 bytes.
	 * @param contract a contract
	 * @param callId the call id
	 * @param method a method of the contract taking one {@code String}
	 * @return the frame
	 */
	static byte[] stringClaimingTwoBillionChars(GatewayContract contract, long callId, String method) {
		// UTF-8 flag and continuation in the first byte, then Integer.MAX_VALUE as the encoded count
		byte[] payload = concat(classId(contract, String.class),
				new byte[] { (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F });
		return request(callId, contract.fingerprint(), methodIndex(contract, method), (byte) 0, payload);
	}

	/**
	 * A request for {@code count(Object[])} whose argument nests one-element object arrays
	 * {@code depth} levels deep.
	 * @param contract the contract of {@link BlobGateway}
	 * @param callId the call id
	 * @param depth the nesting depth
	 * @return the frame
	 */
	static byte[] deeplyNestedArrays(GatewayContract contract, long callId, int depth) {
		byte[] level = concat(classId(contract, Object[].class), new byte[] { 2 });
		byte[] payload = new byte[level.length * depth + 1];
		for (int i = 0; i < depth; i++) {
			System.arraycopy(level, 0, payload, i * level.length, level.length);
		}
		payload[payload.length - 1] = 0;
		return request(callId, contract.fingerprint(), methodIndex(contract, "count"), (byte) 0, payload);
	}

	/**
	 * A handshake request frame whose descriptor count claims {@link Integer#MAX_VALUE}.
	 * @param gateway the gateway name
	 * @param fingerprint the fingerprint
	 * @return the frame
	 */
	static byte[] handshakeClaimingTwoBillionDescriptors(String gateway, long fingerprint) {
		try (Output output = new Output(64, -1)) {
			output.writeString(gateway);
			output.writeVarInt(1, true);
			output.writeLong(fingerprint);
			output.writeBytes(HUGE_VARINT);
			output.writeBoolean(false);
			return output.toBytes();
		}
	}

	/**
	 * A legitimate request frame, as the sending side's serializer writes it.
	 * @param contract the contract
	 * @param callId the call id
	 * @param method the method name
	 * @param args the arguments
	 * @return the frame
	 */
	static byte[] legitimateRequest(GatewayContract contract, long callId, String method, Object... args) {
		byte[] payload = PayloadCodec.encodeRequest(contract, null, false, null, args);
		return request(callId, contract.fingerprint(), methodIndex(contract, method), (byte) 0, payload);
	}

	static int methodIndex(GatewayContract contract, String name) {
		for (int i = 0; i < contract.methods().size(); i++) {
			if (contract.methods().get(i).getName().equals(name)) {
				return i;
			}
		}
		throw new IllegalArgumentException(contract.gateway().getName() + " has no method " + name + " in "
				+ List.copyOf(contract.methods()));
	}

	/** Kryo writes a registered class as the varint of its registration id + 2. */
	private static byte[] classId(GatewayContract contract, Class<?> type) {
		Kryo kryo = contract.borrow();
		try (Output output = new Output(8)) {
			output.writeVarInt(kryo.getRegistration(type).getId() + 2, true);
			return output.toBytes();
		}
		finally {
			contract.release(kryo);
		}
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] result = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, result, first.length, second.length);
		return result;
	}

}
