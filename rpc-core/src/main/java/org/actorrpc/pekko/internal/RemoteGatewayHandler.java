package org.actorrpc.pekko.internal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.pekko.actor.ActorRef;

import org.actorrpc.RpcObserver;
import org.actorrpc.exceptions.RecipientUnreachableException;
import org.actorrpc.exceptions.RpcException;
import org.actorrpc.internal.endpoint.Fence;
import org.actorrpc.internal.endpoint.GatewayMethod;

/**
 * Proxy handler for endpoints of other services. The calling thread serializes the arguments (so
 * an unserializable or oversized request fails right there, naming the method, the size and the
 * limit), takes credit from the flow to the endpoint (waiting for it, within the flow-control
 * policy, when the window is exhausted), registers the call with its peer under a correlation id
 * and sends one message; the answer is routed back by id to the service's reply actor. No
 * temporary actor, no per-call timer. Calls to a peer that is unreachable fail at once.
 */
final class RemoteGatewayHandler extends GatewayInvocationHandler {

	private final Peer peer;

	private final PeerMonitor peers;

	private final ActorRef target;

	private final OutboundFlow flow;

	RemoteGatewayHandler(ServiceContext context, String address, GatewayModel model, Peer peer, PeerMonitor peers,
			ActorRef target, OutboundFlow flow, Fence fence, CallDefaults defaults) {
		super(context, address, new GatewayModel[] { model }, fence, defaults);
		this.peer = peer;
		this.peers = peers;
		this.target = target;
		this.flow = flow;
	}

	@Override
	RuntimeException blockingWouldDeadlock(GatewayMethod method) {
		if (!this.context.onTransportThread()) {
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
		String unreachable = this.peer.unreachableReason();
		if (unreachable != null) {
			this.peers.demanded(this.peer);
			return failBeforeSending(method, new RecipientUnreachableException("Could not send "
					+ method.invocationString + " to " + this.address + ": the remote RpcService " + this.peer.address
					+ " " + unreachable + ". Calls to it fail at once until it answers again."), observation);
		}
		Map<String, String> context = contextOf(observation);
		byte[] payload;
		try {
			payload = PayloadCodec.encodeRequest(method.contract, this.fence.token(), this.fence.isFenced(), context,
					args);
		}
		catch (RuntimeException ex) {
			return failBeforeSending(method, new RpcException("Could not serialize the arguments of "
					+ method.invocationString + " for " + this.address + ": " + ex.getMessage(), ex), observation);
		}
		long maxFrameSize = this.context.settings().maxFrameSize();
		if (payload.length > maxFrameSize) {
			return failBeforeSending(method, new RpcException("The rpc invocation " + method.invocationString + " to "
					+ this.address + " has a serialized size of " + payload.length
					+ " bytes, which exceeds the maximum frame size of " + maxFrameSize
					+ " bytes. Send less data per call, or raise actorrpc.max-frame-size "
					+ "(PekkoRpcServiceSettings.maxFrameSize) on both sides."), observation);
		}
		RpcException noCredit = this.flow.acquire(payload.length, method.invocationString, this.context);
		if (noCredit != null) {
			return failBeforeSending(method, noCredit, observation);
		}
		byte flags = (byte) ((this.fence.isFenced() ? PayloadCodec.FLAG_FENCED : 0)
				| ((context != null) ? PayloadCodec.FLAG_CONTEXT : 0));
		long fingerprint = method.contract.fingerprint();
		ActorRef replyActor = this.peer.replyActor();
		if (method.kind == GatewayMethod.Kind.TELL) {
			this.target.tell(new RpcRequest(0, fingerprint, method.index, flags, payload), replyActor);
			observation.completed(null);
			return null;
		}
		CompletableFuture<Object> future = new CompletableFuture<>();
		PendingCall call = pendingCall(method, args, future, observation);
		long callId = this.peer.register(call);
		this.context.timeouts().register(call);
		this.target.tell(new RpcRequest(callId, fingerprint, method.index, flags, payload), replyActor);
		return (method.kind == GatewayMethod.Kind.ASYNC) ? future : await(method, future);
	}

}
