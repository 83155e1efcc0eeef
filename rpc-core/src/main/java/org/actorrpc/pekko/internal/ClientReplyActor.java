package org.actorrpc.pekko.internal;

import com.esotericsoftware.kryo.io.Input;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.Props;

import org.actorrpc.internal.endpoint.GatewayMethod;

/**
 * Receives everything remote services send back to this one: answers to its calls (completing the
 * waiting call by its correlation id), flow-control credit, and answers to liveness probes. Every
 * message counts as a sign of life of its sender. Runs on the inline dispatcher, i.e. on the
 * transport's inbound thread.
 */
final class ClientReplyActor extends AbstractActor {

	private final PeerMonitor peers;

	private final ServiceContext context;

	ClientReplyActor(PeerMonitor peers, ServiceContext context) {
		this.peers = peers;
		this.context = context;
	}

	static Props props(PeerMonitor peers, ServiceContext context) {
		return Props.create(ClientReplyActor.class, () -> new ClientReplyActor(peers, context))
			.withDispatcher(PekkoConfigFactory.INLINE_DISPATCHER);
	}

	@Override
	public Receive createReceive() {
		return receiveBuilder().match(RpcResponse.class, this::onResponse)
			.match(FlowGrant.class, this::onGrant)
			.match(PeerPong.class, this::onPong)
			.match(UndecodableMessage.class, (undecodable) -> {
				// counted and logged by the serializer
			})
			.build();
	}

	private void onResponse(RpcResponse response) {
		Peer peer = this.peers.peer(Peer.peerIdOf(response.callId));
		if (peer == null) {
			return;
		}
		this.peers.heard(peer);
		PendingCall call = peer.take(response.callId);
		if (call == null) {
			return;
		}
		if (response.payload != null && response.value == null) {
			// Delivered inside this actor system, so Pekko did not serialize it.
			response = PayloadCodec.decodeResponse(this.context.contracts(), response.callId, response.fingerprint,
					response.failure, new Input(response.payload));
		}
		if (response.failure) {
			call.fail(failureOf(response.value, call));
		}
		else {
			call.complete(response.value);
		}
	}

	private void onGrant(FlowGrant grant) {
		Peer peer = this.peers.peerAt(getSender().path().address());
		if (peer == null) {
			return;
		}
		this.peers.heard(peer);
		OutboundFlow flow = peer.existingFlow(grant.endpointId());
		if (flow != null) {
			flow.release(grant.messages(), grant.bytes());
		}
		if (grant.refused() > 0) {
			this.peers.refused(peer, grant.endpointId(), grant.refused());
		}
	}

	private void onPong(PeerPong pong) {
		Peer peer = this.peers.peerAt(getSender().path().address());
		if (peer != null) {
			this.peers.heard(peer);
			this.peers.incarnation(peer, pong.incarnation());
		}
	}

	private Throwable failureOf(Object value, PendingCall call) {
		if (value instanceof FailureCodec.FailureData data) {
			GatewayMethod method = call.method;
			return FailureCodec.rebuild(data, this.context.contracts().classLoader(),
					(type) -> method != null && method.trusts(type));
		}
		return (Throwable) value;
	}

}
