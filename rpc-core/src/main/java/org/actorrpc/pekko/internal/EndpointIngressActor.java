package org.actorrpc.pekko.internal;

import com.esotericsoftware.kryo.io.Input;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Props;

import org.actorrpc.exceptions.RpcException;
import org.actorrpc.serialization.GatewayContract;

/**
 * The actor under {@code /user/rpc/<endpointId>}: the endpoint's address on the network. It runs
 * on the inline dispatcher, so it executes on the transport's inbound thread and only hands each
 * request to the endpoint's mailbox; it answers handshakes itself, even before the endpoint
 * starts.
 */
final class EndpointIngressActor extends AbstractActor {

	private final EndpointServer server;

	private long lastFingerprint;

	private GatewayModel lastModel;

	EndpointIngressActor(EndpointServer server) {
		this.server = server;
	}

	static Props props(EndpointServer server) {
		return Props.create(EndpointIngressActor.class, () -> new EndpointIngressActor(server))
			.withDispatcher(PekkoConfigFactory.INLINE_DISPATCHER);
	}

	@Override
	public Receive createReceive() {
		return receiveBuilder().match(RpcRequest.class, this::onRequest)
			.match(HandshakeRequest.class, this::onHandshake)
			.build();
	}

	private void onRequest(RpcRequest request) {
		ActorRef replyTo = getSender();
		boolean expectsAnswer = request.callId != 0;
		if (!request.isDecoded()) {
			request = decodeLocally(request);
		}
		if (request.decodeFailure != null) {
			if (expectsAnswer) {
				RemoteInvocation.sendFailure(replyTo, request.callId, request.fingerprint, request.decodeFailure);
			}
			return;
		}
		GatewayModel model = model(request.fingerprint);
		if (model == null || !model.gateway.isInstance(this.server.endpoint())) {
			if (expectsAnswer) {
				RemoteInvocation.sendFailure(replyTo, request.callId, request.fingerprint, new RpcException(
						"The rpc endpoint " + this.server.getAddress() + " does not support the gateway of this call "
								+ ((model != null) ? model.gateway.getName() : "")));
			}
			return;
		}
		this.server.enqueue(new RemoteInvocation(model.methods[request.methodIndex], request.args,
				request.fencingToken != null, request.fencingToken, request.context, request.callId, replyTo,
				this.server.runtime().settings().maxFrameSize()));
	}

	private RpcRequest decodeLocally(RpcRequest request) {
		GatewayContract contract = this.server.runtime().contracts().byFingerprint(request.fingerprint);
		if (contract == null) {
			return new RpcRequest(request.callId, request.fingerprint, request.methodIndex, null, null, null,
					new RpcException("Unknown gateway contract " + Long.toHexString(request.fingerprint)));
		}
		try {
			return PayloadCodec.decodeRequest(contract, request.callId, request.methodIndex, request.flags,
					new Input(request.payload));
		}
		catch (RuntimeException ex) {
			return new RpcRequest(request.callId, request.fingerprint, request.methodIndex, null, null, null,
					new RpcException("Could not deserialize the arguments: " + ex.getMessage(), ex));
		}
	}

	private GatewayModel model(long fingerprint) {
		if (this.lastModel != null && this.lastFingerprint == fingerprint) {
			return this.lastModel;
		}
		GatewayContract contract = this.server.runtime().contracts().byFingerprint(fingerprint);
		if (contract == null) {
			return null;
		}
		GatewayModel model = this.server.runtime().model(contract.gateway());
		this.lastFingerprint = fingerprint;
		this.lastModel = model;
		return model;
	}

	private void onHandshake(HandshakeRequest handshake) {
		getSender().tell(this.server.runtime().handshake(this.server, handshake), getSelf());
	}

}
