package org.actorrpc.pekko.internal;

import com.esotericsoftware.kryo.io.Input;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.Props;


/**
 * Receives every answer to this service's remote calls and completes the waiting call by its
 * correlation id; also records liveness probe answers. Runs on the inline dispatcher, i.e. on the
 * transport's inbound thread.
 */
final class ClientReplyActor extends AbstractActor {

	private final ServiceRuntime runtime;

	ClientReplyActor(ServiceRuntime runtime) {
		this.runtime = runtime;
	}

	static Props props(ServiceRuntime runtime) {
		return Props.create(ClientReplyActor.class, () -> new ClientReplyActor(runtime))
			.withDispatcher(PekkoConfigFactory.INLINE_DISPATCHER);
	}

	@Override
	public Receive createReceive() {
		return receiveBuilder().match(RpcResponse.class, this::onResponse)
			.match(PeerPong.class, (pong) -> this.runtime.peerHeard(getSender().path().address()))
			.build();
	}

	private void onResponse(RpcResponse response) {
		Peer peer = this.runtime.peer(Peer.peerIdOf(response.callId));
		if (peer == null) {
			return;
		}
		peer.heard();
		PendingCall call = peer.take(response.callId);
		if (call == null) {
			return;
		}
		if (response.payload != null && response.value == null) {
			// Delivered inside this actor system, so Pekko did not serialize it.
			response = PayloadCodec.decodeResponse(this.runtime.contracts(), response.callId, response.fingerprint,
					response.failure, new Input(response.payload));
		}
		if (response.failure) {
			call.fail(failureOf(response.value, call));
		}
		else {
			call.complete(response.value);
		}
	}

	private Throwable failureOf(Object value, PendingCall call) {
		if (value instanceof FailureCodec.FailureData data) {
			GatewayMethod method = call.method;
			return FailureCodec.rebuild(data, this.runtime.contracts().classLoader(),
					(type) -> method != null && method.trusts(type));
		}
		return (Throwable) value;
	}

}
