package org.actorrpc.pekko.internal;

/**
 * The answer to a remote invocation: a value or a failure. Created serialized by the side that
 * produced the result (so an oversized or unserializable result becomes an error the caller sees
 * at once) and decoded by the receiving side's serializer.
 */
public final class RpcResponse implements RpcWireMessage {

	final long callId;

	final long fingerprint;

	final boolean failure;

	final byte[] payload;

	final Object value;

	RpcResponse(long callId, long fingerprint, boolean failure, byte[] payload, Object value) {
		this.callId = callId;
		this.fingerprint = fingerprint;
		this.failure = failure;
		this.payload = payload;
		this.value = value;
	}

	@Override
	public String toString() {
		return "RpcResponse(call " + this.callId + (this.failure ? ", failure)" : ")");
	}

}
