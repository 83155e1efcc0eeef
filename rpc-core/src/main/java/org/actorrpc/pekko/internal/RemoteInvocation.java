package org.actorrpc.pekko.internal;

import java.util.Map;

import org.apache.pekko.actor.ActorRef;

import org.actorrpc.exceptions.RpcException;
import org.actorrpc.internal.endpoint.Fence;
import org.actorrpc.internal.endpoint.GatewayMethod;

/**
 * A call that arrived over the transport. Its result is serialized by the thread that produced
 * it (the main thread, or whichever completed the returned future) and sent back to the caller's
 * reply actor; an oversized or unserializable result becomes an error response naming the
 * method, the size and the limit. When the main thread takes it out of the mailbox, its credit
 * goes back to the sender's {@link InboundFlow}.
 */
final class RemoteInvocation extends InvocationMessage {

	private final long callId;

	private final ActorRef replyTo;

	private final long maxFrameSize;

	private final InboundFlow flow;

	private final int size;

	RemoteInvocation(GatewayMethod method, Object[] args, Fence fence, Map<String, String> context, long callId,
			ActorRef replyTo, long maxFrameSize, InboundFlow flow, int size) {
		super(method, args, fence, context);
		this.callId = callId;
		this.replyTo = replyTo;
		this.maxFrameSize = maxFrameSize;
		this.flow = flow;
		this.size = size;
	}

	@Override
	public boolean expectsAnswer() {
		return this.callId != 0;
	}

	@Override
	String sender() {
		return (this.flow != null) ? this.flow.senderAddress() : FlightRecorder.REMOTE;
	}

	@Override
	int payloadSize() {
		return this.size;
	}

	@Override
	void taken(CreditLedger ledger) {
		this.flow.taken(this.size, ledger);
	}

	@Override
	void refuse(Throwable failure) {
		if (expectsAnswer()) {
			fail(failure);
		}
		this.flow.grantRefused(1, this.size, expectsAnswer() ? 0 : 1);
	}

	@Override
	void refusedTell(Throwable reason) {
		this.flow.refusedTell();
	}

	@Override
	public void complete(Object value) {
		byte[] payload;
		try {
			payload = PayloadCodec.encodeValue(this.method.contract, value);
		}
		catch (RuntimeException ex) {
			fail(new RpcException("Failed to serialize the result for RPC call " + this.method.invocationString + ": "
					+ ex.getMessage(), ex));
			return;
		}
		if (payload.length > this.maxFrameSize) {
			fail(new RpcException("The method " + this.method.invocationString + "'s result size " + payload.length
					+ " bytes exceeds the maximum frame size " + this.maxFrameSize
					+ " bytes. Return less data, or raise actorrpc.max-frame-size "
					+ "(PekkoRpcServiceSettings.maxFrameSize) on both sides."));
			return;
		}
		this.replyTo.tell(new RpcResponse(this.callId, this.method.contract.fingerprint(), false, payload, null),
				ActorRef.noSender());
	}

	@Override
	public void fail(Throwable failure) {
		sendFailure(this.replyTo, this.callId, this.method.contract.fingerprint(), failure);
	}

	static void sendFailure(ActorRef replyTo, long callId, long fingerprint, Throwable failure) {
		replyTo.tell(new RpcResponse(callId, fingerprint, true, PayloadCodec.encodeFailure(failure), failure),
				ActorRef.noSender());
	}

}
