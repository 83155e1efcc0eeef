package org.actorrpc.pekko.internal;

import com.esotericsoftware.kryo.io.Input;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.Props;

import org.actorrpc.exceptions.RpcException;
import org.actorrpc.serialization.GatewayContract;

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
			response = decodeLocally(response);
		}
		if (response.failure) {
			call.fail((Throwable) response.value);
		}
		else {
			call.complete(response.value);
		}
	}

	private RpcResponse decodeLocally(RpcResponse response) {
		GatewayContract contract = this.runtime.contracts().byFingerprint(response.fingerprint);
		if (contract == null) {
			return new RpcResponse(response.callId, response.fingerprint, true, null,
					new RpcException("Unknown gateway contract " + Long.toHexString(response.fingerprint)));
		}
		return new RpcResponse(response.callId, response.fingerprint, false, null,
				PayloadCodec.decodeValue(contract, new Input(response.payload)));
	}

}
