package org.actorrpc.pekko.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import org.actorrpc.exceptions.RpcException;
import org.actorrpc.serialization.BoundedInput;
import org.actorrpc.serialization.GatewayContract;

/**
 * Encodes request payloads (fencing token, propagated context, arguments) and response payloads
 * with a gateway's contract. Encoding uses a per-thread growable buffer, so a call allocates only
 * the final byte array. Decoding never throws: a payload that cannot be read, for any reason,
 * becomes a request or response carrying the failure. Lengths read from the payload are checked
 * against the bytes left before anything is allocated for them.
 */
final class PayloadCodec {

	static final byte FLAG_FENCED = 1;

	static final byte FLAG_CONTEXT = 2;

	private static final int RETAINED_BUFFER_LIMIT = 1 << 20;

	private static final ThreadLocal<Output> OUTPUT = ThreadLocal.withInitial(() -> new Output(4096, -1));

	private PayloadCodec() {
	}

	static byte[] encodeRequest(GatewayContract contract, Object fencingToken, boolean fenced,
			Map<String, String> context, Object[] args) {
		Output output = output();
		Kryo kryo = contract.borrow();
		try {
			if (fenced) {
				kryo.writeClassAndObject(output, fencingToken);
			}
			if (context != null) {
				output.writeVarInt(context.size(), true);
				for (Map.Entry<String, String> entry : context.entrySet()) {
					output.writeString(entry.getKey());
					output.writeString(entry.getValue());
				}
			}
			if (args != null) {
				for (Object arg : args) {
					kryo.writeClassAndObject(output, arg);
				}
			}
		}
		catch (Throwable ex) {
			contract.discard(kryo);
			throw ex;
		}
		contract.release(kryo);
		return finish(output);
	}

	/**
	 * Decodes a request payload, turning every way it can be unreadable into a request that carries
	 * the failure (so the caller gets an answer instead of a timeout).
	 * @param contracts the contracts known to this actor system
	 * @param callId the call id
	 * @param fingerprint the contract fingerprint the sender used
	 * @param methodIndex the method's wire index
	 * @param flags the request flags
	 * @param input the payload
	 * @return the decoded request, or one carrying its decode failure
	 */
	static RpcRequest decodeRequest(ContractRegistry contracts, long callId, long fingerprint, int methodIndex,
			byte flags, Input input) {
		GatewayContract contract = contracts.byFingerprint(fingerprint);
		if (contract == null) {
			return new RpcRequest(callId, fingerprint, methodIndex, null, null, null, new RpcException(
					"The receiving service knows no gateway with contract fingerprint " + Long.toHexString(fingerprint)
							+ ": connect with RpcService#connect before calling, so the handshake checks the gateway"));
		}
		if (methodIndex < 0 || methodIndex >= contract.methods().size()) {
			return new RpcRequest(callId, fingerprint, methodIndex, null, null, null,
					new RpcException("Gateway " + contract.gateway().getName() + " has no method #" + methodIndex));
		}
		try {
			return decodeRequest(contract, callId, methodIndex, flags, input);
		}
		catch (Throwable ex) {
			// Whatever the bytes provoke (a refused length, a bad class id, even a StackOverflowError or
			// OutOfMemoryError) stays with this request: the caller gets it as the answer. The Kryo
			// instance that read them is dropped where it was borrowed.
			return new RpcRequest(callId, fingerprint, methodIndex, null, null, null, new RpcException(
					"Could not deserialize the arguments of " + methodName(contract, methodIndex) + ": " + ex, ex));
		}
	}

	static String methodName(GatewayContract contract, int methodIndex) {
		return contract.gateway().getSimpleName() + "." + contract.methods().get(methodIndex).getName();
	}

	/**
	 * Decodes a response payload: a value with the contract, or failure data; anything unreadable
	 * becomes a failure.
	 * @param contracts the contracts known to this actor system
	 * @param callId the call id
	 * @param fingerprint the contract fingerprint
	 * @param failure whether the payload is a failure
	 * @param input the payload
	 * @return the decoded response
	 */
	static RpcResponse decodeResponse(ContractRegistry contracts, long callId, long fingerprint, boolean failure,
			Input input) {
		try {
			if (failure) {
				return new RpcResponse(callId, fingerprint, true, null, FailureCodec.read(input));
			}
			GatewayContract contract = contracts.byFingerprint(fingerprint);
			if (contract == null) {
				return new RpcResponse(callId, fingerprint, true, null, new RpcException(
						"Received a response for an unknown gateway contract " + Long.toHexString(fingerprint)));
			}
			return new RpcResponse(callId, fingerprint, false, null, decodeValue(contract, input));
		}
		catch (Throwable ex) {
			return new RpcResponse(callId, fingerprint, true, null,
					new RpcException("Could not deserialize the result of the call: " + ex, ex));
		}
	}

	private static RpcRequest decodeRequest(GatewayContract contract, long callId, int methodIndex, byte flags,
			Input input) {
		int argCount = contract.methods().get(methodIndex).getParameterCount();
		Object token = null;
		Map<String, String> context = null;
		Object[] args = new Object[argCount];
		Kryo kryo = contract.borrow();
		try {
			if ((flags & FLAG_FENCED) != 0) {
				token = kryo.readClassAndObject(input);
			}
			if ((flags & FLAG_CONTEXT) != 0) {
				int size = input.readVarInt(true);
				// each entry is two strings of at least one byte
				BoundedInput.requireAvailable(input, size, 2, "a propagated context");
				context = new HashMap<>((int) (size / 0.75f) + 1);
				for (int i = 0; i < size; i++) {
					context.put(input.readString(), input.readString());
				}
			}
			for (int i = 0; i < argCount; i++) {
				args[i] = kryo.readClassAndObject(input);
			}
		}
		catch (Throwable ex) {
			contract.discard(kryo);
			throw ex;
		}
		contract.release(kryo);
		return new RpcRequest(callId, contract.fingerprint(), methodIndex, args, token, context, null);
	}

	static byte[] encodeValue(GatewayContract contract, Object value) {
		Output output = output();
		Kryo kryo = contract.borrow();
		try {
			kryo.writeClassAndObject(output, value);
		}
		catch (Throwable ex) {
			contract.discard(kryo);
			throw ex;
		}
		contract.release(kryo);
		return finish(output);
	}

	static Object decodeValue(GatewayContract contract, Input input) {
		Kryo kryo = contract.borrow();
		Object value;
		try {
			value = kryo.readClassAndObject(input);
		}
		catch (Throwable ex) {
			contract.discard(kryo);
			throw ex;
		}
		contract.release(kryo);
		return value;
	}

	static byte[] encodeFailure(Throwable failure) {
		Output output = output();
		FailureCodec.write(output, failure);
		return finish(output);
	}

	private static Output output() {
		Output output = OUTPUT.get();
		output.reset();
		return output;
	}

	private static byte[] finish(Output output) {
		byte[] bytes = Arrays.copyOf(output.getBuffer(), output.position());
		if (output.getBuffer().length > RETAINED_BUFFER_LIMIT) {
			OUTPUT.set(new Output(4096, -1));
		}
		return bytes;
	}

}
