package org.actorrpc.pekko.internal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.pekko.actor.ActorRef;

import org.actorrpc.RpcObserver;
import org.actorrpc.exceptions.RpcException;

/**
 * Proxy handler for endpoints of other services. The calling thread serializes the arguments (so
 * an unserializable or oversized request fails right there, naming the method, the size and the
 * limit), registers the call with its peer under a correlation id and sends one message; the
 * answer is routed back by id to the service's reply actor. No temporary actor, no per-call timer.
 */
final class RemoteGatewayHandler extends GatewayInvocationHandler {

	private final Peer peer;

	private final ActorRef target;

	private final Object fencingToken;

	RemoteGatewayHandler(ServiceRuntime runtime, String address, GatewayModel model, Peer peer, ActorRef target,
			boolean fenced, Object fencingToken) {
		super(runtime, address, new GatewayModel[] { model }, fenced);
		this.peer = peer;
		this.target = target;
		this.fencingToken = fencingToken;
	}

	@Override
	Object fencingToken() {
		return this.fencingToken;
	}

	@Override
	RuntimeException blockingWouldDeadlock(GatewayMethod method) {
		if (!this.runtime.onTransportThread()) {
			return null;
		}
		return new IllegalStateException("Blocking call " + method.invocationString + " to " + this.address
				+ " refused: it runs on the RPC transport thread, which is the thread that would deliver its answer "
				+ "(typically inside a non-async callback of an RPC future). Return a CompletableFuture from the gateway "
				+ "method, or continue with thenComposeAsync(..., executor).");
	}

	@Override
	Object invokeRpc(GatewayMethod method, Object[] args) throws Throwable {
		RpcObserver.ClientCall observation = observe(method);
		Map<String, String> context = contextOf(observation);
		byte[] payload;
		try {
			payload = PayloadCodec.encodeRequest(method.contract, this.fencingToken, this.fenced, context, args);
		}
		catch (RuntimeException ex) {
			return failBeforeSending(method, new RpcException("Could not serialize the arguments of "
					+ method.invocationString + " for " + this.address + ": " + ex.getMessage(), ex), observation);
		}
		long maxFrameSize = this.runtime.settings().maxFrameSize();
		if (payload.length > maxFrameSize) {
			return failBeforeSending(method, new RpcException("The rpc invocation " + method.invocationString + " to "
					+ this.address + " has a serialized size of " + payload.length
					+ " bytes, which exceeds the maximum frame size of " + maxFrameSize
					+ " bytes. Send less data per call, or raise actorrpc.max-frame-size "
					+ "(PekkoRpcServiceSettings.maxFrameSize) on both sides."), observation);
		}
		byte flags = (byte) ((this.fenced ? PayloadCodec.FLAG_FENCED : 0)
				| ((context != null) ? PayloadCodec.FLAG_CONTEXT : 0));
		long fingerprint = method.contract.fingerprint();
		if (method.kind == GatewayMethod.Kind.TELL) {
			this.target.tell(new RpcRequest(0, fingerprint, method.index, flags, payload), ActorRef.noSender());
			observation.completed(null);
			return null;
		}
		CompletableFuture<Object> future = new CompletableFuture<>();
		PendingCall call = pendingCall(method, args, future, observation);
		long callId = this.peer.register(call);
		this.runtime.timeouts().register(call);
		this.target.tell(new RpcRequest(callId, fingerprint, method.index, flags, payload), this.runtime.replyActor());
		return (method.kind == GatewayMethod.Kind.ASYNC) ? future : await(method, future);
	}

}
