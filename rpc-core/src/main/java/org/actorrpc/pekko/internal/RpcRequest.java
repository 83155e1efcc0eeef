package org.actorrpc.pekko.internal;

import java.util.Map;

/**
 * A remote invocation. The caller creates it with the payload already serialized (so size and
 * serialization errors surface on the calling thread); the receiving side's serializer decodes it
 * into arguments on the transport's inbound thread, off the endpoint's main thread.
 *
 * <p>{@code callId} 0 marks a fire-and-forget call.
 */
public final class RpcRequest implements RpcWireMessage {

	final long callId;

	final long fingerprint;

	final int methodIndex;

	final byte flags;

	final byte[] payload;

	final Object[] args;

	final Object fencingToken;

	final Map<String, String> context;

	final Throwable decodeFailure;

	/** Payload bytes as the sender counted them against its flow-control window; set when decoded. */
	int wireSize;

	RpcRequest(long callId, long fingerprint, int methodIndex, byte flags, byte[] payload) {
		this.callId = callId;
		this.fingerprint = fingerprint;
		this.methodIndex = methodIndex;
		this.flags = flags;
		this.payload = payload;
		this.wireSize = payload.length;
		this.args = null;
		this.fencingToken = null;
		this.context = null;
		this.decodeFailure = null;
	}

	RpcRequest(long callId, long fingerprint, int methodIndex, Object[] args, Object fencingToken,
			Map<String, String> context, Throwable decodeFailure) {
		this.callId = callId;
		this.fingerprint = fingerprint;
		this.methodIndex = methodIndex;
		this.flags = 0;
		this.payload = null;
		this.args = args;
		this.fencingToken = fencingToken;
		this.context = context;
		this.decodeFailure = decodeFailure;
	}

	boolean isDecoded() {
		return this.payload == null;
	}

	@Override
	public String toString() {
		return "RpcRequest(call " + this.callId + ", method #" + this.methodIndex + ")";
	}

}
