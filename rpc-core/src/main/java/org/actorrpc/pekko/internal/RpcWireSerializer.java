package org.actorrpc.pekko.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.serialization.ByteBufferSerializer;
import org.apache.pekko.serialization.SerializerWithStringManifest;

import org.actorrpc.exceptions.RpcException;
import org.actorrpc.serialization.BoundedInput;
import org.actorrpc.serialization.GatewayContract;


/**
 * Pekko serializer of actorrpc's wire messages. Requests and responses arrive here with their
 * payload already encoded by the sending side, so writing is a header plus one copy straight
 * into Artery's buffer; reading decodes the payload on the transport's inbound thread, so the
 * endpoint's main thread receives ready-made arguments. Inbound bytes are untrusted: every length
 * is checked against the frame and this receiver's own limit before anything is allocated, and no
 * decoding error reaches the transport (see {@link #fromBinary(ByteBuffer, String)}). Thread-safe.
 *
 * <p>Adding a wire message: give it a one-letter manifest constant, then a branch in
 * {@link #manifest}, in {@code toBinary} and in the {@code fromBinary} switch.
 */
public final class RpcWireSerializer extends SerializerWithStringManifest implements ByteBufferSerializer {

	/** Serializer id; Pekko reserves 0–40. */
	public static final int IDENTIFIER = 7_712_001;

	private static final String REQUEST = "Q";

	private static final String RESPONSE = "R";

	private static final String HANDSHAKE = "H";

	private static final String HANDSHAKE_RESPONSE = "h";

	private static final String PING = "P";

	private static final String PONG = "p";

	private static final String GRANT = "G";

	private static final String CREDIT_REQUEST = "C";

	private static final String ADDRESS_MISMATCH = "M";

	/** Call id, fingerprint, method index, flags, payload length. */
	private static final int REQUEST_HEADER = 25;

	/** Call id, fingerprint, failure flag, payload length. */
	private static final int RESPONSE_HEADER = 21;

	private final ExtendedActorSystem system;

	private volatile ContractRegistry contracts;

	/**
	 * Created by Pekko.
	 * @param system the actor system
	 */
	public RpcWireSerializer(ExtendedActorSystem system) {
		this.system = system;
	}

	/**
	 * A serializer outside Pekko, over a given registry (for fuzzing the decoders without an actor
	 * system).
	 * @param contracts the registry
	 */
	RpcWireSerializer(ContractRegistry contracts) {
		this.system = null;
		this.contracts = contracts;
	}

	@Override
	public int identifier() {
		return IDENTIFIER;
	}

	@Override
	public String manifest(Object o) {
		if (o instanceof RpcRequest) {
			return REQUEST;
		}
		if (o instanceof RpcResponse) {
			return RESPONSE;
		}
		if (o instanceof HandshakeRequest) {
			return HANDSHAKE;
		}
		if (o instanceof HandshakeResponse) {
			return HANDSHAKE_RESPONSE;
		}
		if (o instanceof PeerPing) {
			return PING;
		}
		if (o instanceof PeerPong) {
			return PONG;
		}
		if (o instanceof FlowGrant) {
			return GRANT;
		}
		if (o instanceof CreditRequest) {
			return CREDIT_REQUEST;
		}
		if (o instanceof AddressMismatch) {
			return ADDRESS_MISMATCH;
		}
		throw new IllegalArgumentException("Not an actorrpc wire message: " + o.getClass().getName());
	}

	@Override
	public byte[] toBinary(Object o) {
		if (o instanceof RpcRequest request) {
			ByteBuffer buffer = ByteBuffer.allocate(REQUEST_HEADER + request.payload.length);
			toBinary(o, buffer);
			return buffer.array();
		}
		if (o instanceof RpcResponse response) {
			ByteBuffer buffer = ByteBuffer.allocate(RESPONSE_HEADER + response.payload.length);
			toBinary(o, buffer);
			return buffer.array();
		}
		return encodeControl(o);
	}

	@Override
	public void toBinary(Object o, ByteBuffer buffer) {
		buffer.order(ByteOrder.LITTLE_ENDIAN);
		if (o instanceof RpcRequest request) {
			requireEncoded(request.payload, o);
			buffer.putLong(request.callId);
			buffer.putLong(request.fingerprint);
			buffer.putInt(request.methodIndex);
			buffer.put(flags(request));
			buffer.putInt(request.payload.length);
			buffer.put(request.payload);
		}
		else if (o instanceof RpcResponse response) {
			requireEncoded(response.payload, o);
			buffer.putLong(response.callId);
			buffer.putLong(response.fingerprint);
			buffer.put((byte) (response.failure ? 1 : 0));
			buffer.putInt(response.payload.length);
			buffer.put(response.payload);
		}
		else {
			buffer.put(encodeControl(o));
		}
	}

	@Override
	public Object fromBinary(byte[] bytes, String manifest) {
		return fromBinary(ByteBuffer.wrap(bytes), manifest);
	}

	/**
	 * Decodes one inbound message. Never lets an error escape into Artery's inbound stream, which
	 * every message from that peer shares: a request that cannot be decoded becomes one carrying
	 * its failure (answered to its caller), a response one that fails its call, and anything that
	 * cannot be answered an {@link UndecodableMessage} that its recipient drops. All are counted
	 * and logged, rate-limited.
	 */
	@Override
	public Object fromBinary(ByteBuffer buffer, String manifest) {
		buffer.order(ByteOrder.LITTLE_ENDIAN);
		try {
			return switch (manifest) {
				case REQUEST -> readRequest(buffer);
				case RESPONSE -> readResponse(buffer);
				case HANDSHAKE, HANDSHAKE_RESPONSE, PING, PONG, GRANT, CREDIT_REQUEST, ADDRESS_MISMATCH -> readControl(buffer, manifest);
				default -> undecodable(manifest, "unknown manifest: the sender runs an incompatible actorrpc version");
			};
		}
		catch (Throwable ex) {
			// the decoders below contain their own failures; this is the last line of defence
			return undecodable(manifest, ex.toString());
		}
		finally {
			buffer.position(buffer.limit());
		}
	}

	private Object readRequest(ByteBuffer buffer) {
		if (buffer.remaining() < REQUEST_HEADER) {
			return undecodable(REQUEST, "truncated header of " + buffer.remaining() + " bytes");
		}
		long callId = buffer.getLong();
		long fingerprint = buffer.getLong();
		int methodIndex = buffer.getInt();
		byte flags = buffer.get();
		int length = buffer.getInt();
		ContractRegistry contracts = contracts();
		RpcException refused = isAcceptable(length, buffer.remaining(), contracts) ? null
				: refusal(length, buffer.remaining(), contracts, "Request" + target(contracts, fingerprint, methodIndex));
		RpcRequest request = (refused != null)
				? new RpcRequest(callId, fingerprint, methodIndex, null, null, null, refused)
				: PayloadCodec.decodeRequest(contracts, callId, fingerprint, methodIndex, flags, slice(buffer, length));
		// The sender counted the declared length against its flow-control window; return the same.
		request.wireSize = Math.max(0, length);
		if (request.decodeFailure != null) {
			contracts.decodeFailures().record("request", request.decodeFailure.getMessage());
		}
		return request;
	}

	private Object readResponse(ByteBuffer buffer) {
		if (buffer.remaining() < RESPONSE_HEADER) {
			return undecodable(RESPONSE, "truncated header of " + buffer.remaining() + " bytes");
		}
		long callId = buffer.getLong();
		long fingerprint = buffer.getLong();
		boolean failure = buffer.get() != 0;
		int length = buffer.getInt();
		ContractRegistry contracts = contracts();
		RpcException refused = isAcceptable(length, buffer.remaining(), contracts) ? null
				: refusal(length, buffer.remaining(), contracts, "Response");
		if (refused != null) {
			contracts.decodeFailures().record("response", refused.getMessage());
			return new RpcResponse(callId, fingerprint, true, null, refused);
		}
		RpcResponse response = PayloadCodec.decodeResponse(contracts, callId, fingerprint, failure,
				slice(buffer, length));
		if (response.failure && !failure) {
			contracts.decodeFailures().record("response", String.valueOf(response.value));
		}
		return response;
	}

	/**
	 * Whether the payload length a header declares fits the frame and this receiver's own limit,
	 * which the sender may not share. Two comparisons on the hot path.
	 */
	private static boolean isAcceptable(int length, int remaining, ContractRegistry contracts) {
		return length >= 0 && length <= remaining && length <= contracts.maxFrameSize();
	}

	private static RpcException refusal(int length, int remaining, ContractRegistry contracts, String message) {
		if (length < 0 || length > remaining) {
			return new RpcException(message + " declares a payload of " + length + " bytes but its frame holds "
					+ remaining + ": the message is corrupt");
		}
		return new RpcException(message + " of " + length + " bytes exceeds the maximum frame size of "
				+ contracts.maxFrameSize() + " bytes of the receiving side, which refused it undecoded. Raise "
				+ "actorrpc.max-frame-size (PekkoRpcServiceSettings.maxFrameSize) on the receiving side");
	}

	private static String target(ContractRegistry contracts, long fingerprint, int methodIndex) {
		GatewayContract contract = contracts.byFingerprint(fingerprint);
		return (contract != null && methodIndex >= 0 && methodIndex < contract.methods().size())
				? " for " + PayloadCodec.methodName(contract, methodIndex) : "";
	}

	private Object undecodable(String manifest, String reason) {
		contracts().decodeFailures().record(kindOf(manifest), reason);
		return new UndecodableMessage(manifest, reason);
	}

	private static String kindOf(String manifest) {
		return switch (manifest) {
			case REQUEST -> "request";
			case RESPONSE -> "response";
			case HANDSHAKE -> "handshake request";
			case HANDSHAKE_RESPONSE -> "handshake response";
			case PING -> "ping";
			case PONG -> "pong";
			case GRANT -> "flow-control grant";
			case CREDIT_REQUEST -> "credit request";
			case ADDRESS_MISMATCH -> "address mismatch report";
			default -> "message with manifest '" + manifest + "'";
		};
	}

	private static Input slice(ByteBuffer buffer, int length) {
		ByteBuffer slice = buffer.slice();
		slice.limit(length);
		return new BoundedInput(slice);
	}

	private ContractRegistry contracts() {
		ContractRegistry registry = this.contracts;
		if (registry == null) {
			registry = ContractRegistry.get(this.system);
			this.contracts = registry;
		}
		return registry;
	}

	private static byte flags(RpcRequest request) {
		return request.flags;
	}

	private static void requireEncoded(byte[] payload, Object message) {
		if (payload == null) {
			throw new IllegalArgumentException(message + " has no encoded payload");
		}
	}

	private static byte[] encodeControl(Object o) {
		try (Output output = new Output(256, -1)) {
			if (o instanceof HandshakeRequest handshake) {
				output.writeString(handshake.gatewayName());
				output.writeVarInt(handshake.protocolVersion(), true);
				output.writeLong(handshake.fingerprint());
				output.writeVarInt(handshake.descriptors().size(), true);
				for (String descriptor : handshake.descriptors()) {
					output.writeString(descriptor);
				}
				output.writeBoolean(handshake.fenced());
			}
			else if (o instanceof HandshakeResponse response) {
				output.writeVarInt(response.code(), true);
				output.writeString(response.error());
				output.writeLong(response.incarnation());
			}
			else if (o instanceof PeerPing ping) {
				output.writeLong(ping.sequence());
			}
			else if (o instanceof PeerPong pong) {
				output.writeLong(pong.sequence());
				output.writeString(pong.address());
				output.writeLong(pong.incarnation());
			}
			else if (o instanceof FlowGrant grant) {
				output.writeString(grant.endpointId());
				output.writeVarLong(grant.messages(), true);
				output.writeVarLong(grant.bytes(), true);
				output.writeVarLong(grant.refused(), true);
			}
			else if (o instanceof CreditRequest) {
				output.writeByte(0);
			}
			else if (o instanceof AddressMismatch mismatch) {
				output.writeString(mismatch.addressedAs());
				output.writeString(mismatch.actualAddress());
			}
			else {
				throw new IllegalArgumentException("Not an actorrpc wire message: " + o.getClass().getName());
			}
			return output.toBytes();
		}
	}

	private Object readControl(ByteBuffer buffer, String manifest) {
		try {
			return decodeControl(new BoundedInput(buffer.slice()), manifest);
		}
		catch (Throwable ex) {
			return undecodable(manifest, ex.toString());
		}
	}

	private static Object decodeControl(Input input, String manifest) {
		return switch (manifest) {
			case HANDSHAKE -> {
				String gateway = input.readString();
				int version = input.readVarInt(true);
				long fingerprint = input.readLong();
				int count = input.readVarInt(true);
				BoundedInput.requireAvailable(input, count, 1, "a handshake's contract descriptors");
				List<String> descriptors = new ArrayList<>(count);
				for (int i = 0; i < count; i++) {
					descriptors.add(input.readString());
				}
				yield new HandshakeRequest(gateway, version, fingerprint, descriptors, input.readBoolean());
			}
			case HANDSHAKE_RESPONSE -> new HandshakeResponse(input.readVarInt(true), input.readString(),
					input.readLong());
			case PING -> new PeerPing(input.readLong());
			case GRANT -> new FlowGrant(input.readString(), input.readVarLong(true), input.readVarLong(true),
					input.readVarLong(true));
			case CREDIT_REQUEST -> CreditRequest.INSTANCE;
			case ADDRESS_MISMATCH -> new AddressMismatch(input.readString(), input.readString());
			default -> new PeerPong(input.readLong(), input.readString(), input.readLong());
		};
	}

}
