package org.actorrpc.pekko.internal;

import java.io.NotSerializableException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import com.esotericsoftware.kryo.io.ByteBufferInput;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.serialization.ByteBufferSerializer;
import org.apache.pekko.serialization.SerializerWithStringManifest;


/**
 * Pekko serializer of actorrpc's wire messages. Requests and responses arrive here with their
 * payload already encoded by the sending side, so writing is a header plus one copy straight
 * into Artery's buffer; reading decodes the payload on the transport's inbound thread, so the
 * endpoint's main thread receives ready-made arguments. Thread-safe.
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

	private final ExtendedActorSystem system;

	private volatile ContractRegistry contracts;

	/**
	 * Created by Pekko.
	 * @param system the actor system
	 */
	public RpcWireSerializer(ExtendedActorSystem system) {
		this.system = system;
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
		throw new IllegalArgumentException("Not an actorrpc wire message: " + o.getClass().getName());
	}

	@Override
	public byte[] toBinary(Object o) {
		if (o instanceof RpcRequest request) {
			ByteBuffer buffer = ByteBuffer.allocate(25 + request.payload.length);
			toBinary(o, buffer);
			return buffer.array();
		}
		if (o instanceof RpcResponse response) {
			ByteBuffer buffer = ByteBuffer.allocate(21 + response.payload.length);
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
	public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
		return fromBinary(ByteBuffer.wrap(bytes), manifest);
	}

	@Override
	public Object fromBinary(ByteBuffer buffer, String manifest) throws NotSerializableException {
		buffer.order(ByteOrder.LITTLE_ENDIAN);
		return switch (manifest) {
			case REQUEST -> readRequest(buffer);
			case RESPONSE -> readResponse(buffer);
			case HANDSHAKE, HANDSHAKE_RESPONSE, PING, PONG, GRANT, CREDIT_REQUEST -> decodeControl(buffer, manifest);
			default -> throw new NotSerializableException("Unknown actorrpc message manifest '" + manifest
					+ "': the sender runs an incompatible actorrpc version");
		};
	}

	private RpcRequest readRequest(ByteBuffer buffer) {
		long callId = buffer.getLong();
		long fingerprint = buffer.getLong();
		int methodIndex = buffer.getInt();
		byte flags = buffer.get();
		int length = buffer.getInt();
		try {
			RpcRequest request = PayloadCodec.decodeRequest(contracts(), callId, fingerprint, methodIndex, flags,
					slice(buffer, length));
			request.wireSize = length;
			return request;
		}
		finally {
			buffer.position(buffer.limit());
		}
	}

	private RpcResponse readResponse(ByteBuffer buffer) {
		long callId = buffer.getLong();
		long fingerprint = buffer.getLong();
		boolean failure = buffer.get() != 0;
		int length = buffer.getInt();
		try {
			return PayloadCodec.decodeResponse(contracts(), callId, fingerprint, failure, slice(buffer, length));
		}
		finally {
			buffer.position(buffer.limit());
		}
	}

	private static Input slice(ByteBuffer buffer, int length) {
		ByteBuffer slice = buffer.slice();
		slice.limit(length);
		return new ByteBufferInput(slice);
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
			else {
				throw new IllegalArgumentException("Not an actorrpc wire message: " + o.getClass().getName());
			}
			return output.toBytes();
		}
	}

	private static Object decodeControl(ByteBuffer buffer, String manifest) {
		Input input = new ByteBufferInput(buffer.slice());
		try {
			return switch (manifest) {
				case HANDSHAKE -> {
					String gateway = input.readString();
					int version = input.readVarInt(true);
					long fingerprint = input.readLong();
					int count = input.readVarInt(true);
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
				default -> new PeerPong(input.readLong(), input.readString(), input.readLong());
			};
		}
		finally {
			buffer.position(buffer.limit());
		}
	}

}
