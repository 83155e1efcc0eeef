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
 * request to the mailbox of the endpoint currently registered under its id; it answers handshakes
 * itself, even before the endpoint starts.
 *
 * <p>It lives as long as the service, across endpoints that reuse the id: remote services cache
 * the resolution of an actor path, so an ingress actor stopped and re-created under the same name
 * would stay unreachable for callers that had used the old one.
 */
final class EndpointIngressActor extends AbstractActor {

	private final ServiceRuntime runtime;

	private final String endpointId;

	private long lastFingerprint;

	private GatewayModel lastModel;

	EndpointIngressActor(ServiceRuntime runtime, String endpointId) {
		this.runtime = runtime;
		this.endpointId = endpointId;
	}

	static Props props(ServiceRuntime runtime, String endpointId) {
		return Props.create(EndpointIngressActor.class, () -> new EndpointIngressActor(runtime, endpointId))
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
		EndpointServer server = this.runtime.registeredEndpoint(this.endpointId);
		if (server == null) {
			if (expectsAnswer) {
				RemoteInvocation.sendFailure(replyTo, request.callId, request.fingerprint,
						this.runtime.noEndpoint(this.endpointId));
			}
			return;
		}
		if (!request.isDecoded()) {
			// Delivered inside this actor system, so Pekko did not serialize it.
			request = PayloadCodec.decodeRequest(this.runtime.contracts(), request.callId, request.fingerprint,
					request.methodIndex, request.flags, new Input(request.payload));
		}
		if (request.decodeFailure != null) {
			if (expectsAnswer) {
				RemoteInvocation.sendFailure(replyTo, request.callId, request.fingerprint, request.decodeFailure);
			}
			return;
		}
		GatewayModel model = model(request.fingerprint);
		if (model == null || !model.gateway.isInstance(server.endpoint())) {
			if (expectsAnswer) {
				RemoteInvocation.sendFailure(replyTo, request.callId, request.fingerprint, new RpcException(
						"The rpc endpoint " + server.getAddress() + " does not support the gateway of this call "
								+ ((model != null) ? model.gateway.getName() : "")));
			}
			return;
		}
		server.enqueue(new RemoteInvocation(model.methods[request.methodIndex], request.args,
				request.fencingToken != null, request.fencingToken, request.context, request.callId, replyTo,
				this.runtime.settings().maxFrameSize()));
	}

	private GatewayModel model(long fingerprint) {
		if (this.lastModel != null && this.lastFingerprint == fingerprint) {
			return this.lastModel;
		}
		GatewayContract contract = this.runtime.contracts().byFingerprint(fingerprint);
		if (contract == null) {
			return null;
		}
		GatewayModel model = this.runtime.model(contract.gateway());
		this.lastFingerprint = fingerprint;
		this.lastModel = model;
		return model;
	}

	private void onHandshake(HandshakeRequest handshake) {
		EndpointServer server = this.runtime.registeredEndpoint(this.endpointId);
		HandshakeResponse response = (server != null) ? this.runtime.handshake(server, handshake)
				: new HandshakeResponse(HandshakeResponse.NO_ENDPOINT, this.runtime.noEndpoint(this.endpointId).getMessage());
		getSender().tell(response, getSelf());
	}

}
