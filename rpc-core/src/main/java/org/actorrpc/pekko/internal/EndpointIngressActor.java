package org.actorrpc.pekko.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import com.esotericsoftware.kryo.io.Input;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Props;

import org.actorrpc.exceptions.RpcException;
import org.actorrpc.internal.endpoint.Fence;
import org.actorrpc.internal.endpoint.GatewayMethod;

/**
 * The actor under {@code /user/rpc/<endpointId>}: the endpoint's address on the network. It runs
 * on the inline dispatcher, so it executes on the transport's inbound thread and only hands each
 * request to the mailbox of the endpoint currently registered under its id; it answers handshakes
 * itself, even before the endpoint starts. It keeps one {@link InboundFlow} per sending service,
 * through which the endpoint returns that sender's credit; whatever it refuses (no endpoint, an
 * undecodable request, a full mailbox) it answers and grants back on the spot.
 *
 * <p>It lives as long as the service, across endpoints that reuse the id: remote services cache
 * the resolution of an actor path, so an ingress actor stopped and re-created under the same name
 * would stay unreachable for callers that had used the old one.
 */
final class EndpointIngressActor extends AbstractActor {

	/** Senders remembered per endpoint id. */
	private static final int MAX_FLOWS = 4096;

	private final ServiceContext context;

	private final EndpointRegistry registry;

	private final HandshakeAcceptor handshakes;

	private final String endpointId;

	/**
	 * Flows by sender, least recently used first. Confined to this actor, i.e. to the transport
	 * thread. Bounded: a peer that is not actorrpc may send from a new temporary actor every time;
	 * a flow dropped from the map is still paid by the main thread's ledger.
	 */
	private final Map<ActorRef, InboundFlow> flows = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<ActorRef, InboundFlow> eldest) {
			return size() > MAX_FLOWS;
		}

	};

	private InboundFlow lastFlow;

	private long lastFingerprint;

	private GatewayModel lastModel;

	EndpointIngressActor(ServiceContext context, EndpointRegistry registry, HandshakeAcceptor handshakes,
			String endpointId) {
		this.context = context;
		this.registry = registry;
		this.handshakes = handshakes;
		this.endpointId = endpointId;
	}

	static Props props(ServiceContext context, EndpointRegistry registry, HandshakeAcceptor handshakes,
			String endpointId) {
		return Props
			.create(EndpointIngressActor.class,
					() -> new EndpointIngressActor(context, registry, handshakes, endpointId))
			.withDispatcher(PekkoConfigFactory.INLINE_DISPATCHER);
	}

	@Override
	public Receive createReceive() {
		return receiveBuilder().match(RpcRequest.class, this::onRequest)
			.match(CreditRequest.class, (request) -> onCreditRequest())
			.match(HandshakeRequest.class, this::onHandshake)
			.match(UndecodableMessage.class, (undecodable) -> {
				// counted and logged by the serializer
			})
			.build();
	}

	private void onRequest(RpcRequest request) {
		ActorRef replyTo = getSender();
		InboundFlow flow = flowOf(replyTo);
		boolean expectsAnswer = request.callId != 0;
		EndpointServer server = this.registry.lookup(this.endpointId);
		if (server == null) {
			refuse(flow, request, this.context.noEndpoint(this.endpointId));
			return;
		}
		if (!request.isDecoded()) {
			// Delivered inside this actor system, so Pekko did not serialize it.
			int size = request.wireSize;
			request = PayloadCodec.decodeRequest(this.context.contracts(), request.callId, request.fingerprint,
					request.methodIndex, request.flags, new Input(request.payload));
			request.wireSize = size;
		}
		if (request.decodeFailure != null) {
			refuse(flow, request, request.decodeFailure);
			return;
		}
		GatewayModel model = model(request.fingerprint);
		if (model == null || !model.gateway.isInstance(server.endpoint())) {
			refuse(flow, request, new RpcException("The rpc endpoint " + server.getAddress()
					+ " does not support the gateway of this call " + ((model != null) ? model.gateway.getName() : "")));
			return;
		}
		GatewayMethod method = model.methods[request.methodIndex];
		if (server.isClosing()) {
			refuse(flow, request, server.shuttingDown(method.invocationString));
			return;
		}
		if (!server.hasCapacity()) {
			server.countRefused();
			refuse(flow, request, server.mailboxFull(method.invocationString, false));
			return;
		}
		server.enqueue(new RemoteInvocation(method, request.args, Fence.of(request.fencingToken), request.context,
				request.callId, expectsAnswer ? replyTo : ActorRef.noSender(), this.context.settings().maxFrameSize(),
				flow, request.wireSize));
	}

	private void refuse(InboundFlow flow, RpcRequest request, Throwable failure) {
		boolean expectsAnswer = request.callId != 0;
		if (expectsAnswer) {
			RemoteInvocation.sendFailure(getSender(), request.callId, request.fingerprint, failure);
		}
		if (flow != null) {
			flow.grantRefused(1, request.wireSize, expectsAnswer ? 0 : 1);
		}
	}

	private InboundFlow flowOf(ActorRef sender) {
		InboundFlow flow = this.lastFlow;
		if (flow != null && flow.sender() == sender) {
			// Artery hands the same resolved reference for every message of one sender.
			return flow;
		}
		if (sender == null || sender == ActorRef.noSender() || sender.equals(getContext().getSystem().deadLetters())) {
			return null;
		}
		if (flow != null && flow.sender().equals(sender)) {
			return flow;
		}
		flow = this.flows.computeIfAbsent(sender,
				(ref) -> new InboundFlow(this.endpointId, ref, getSelf(), this.context.settings().flowControl()));
		this.lastFlow = flow;
		return flow;
	}

	private void onCreditRequest() {
		InboundFlow flow = flowOf(getSender());
		if (flow == null) {
			return;
		}
		EndpointServer server = this.registry.lookup(this.endpointId);
		if (server != null) {
			server.enqueue(new CreditFlush(flow));
		}
	}

	private GatewayModel model(long fingerprint) {
		if (this.lastModel != null && this.lastFingerprint == fingerprint) {
			return this.lastModel;
		}
		GatewayModel model = this.context.models().byFingerprint(fingerprint);
		if (model != null) {
			this.lastFingerprint = fingerprint;
			this.lastModel = model;
		}
		return model;
	}

	private void onHandshake(HandshakeRequest handshake) {
		EndpointServer server = this.registry.lookup(this.endpointId);
		HandshakeResponse response = (server == null) ? this.handshakes.noEndpoint(this.endpointId)
				: server.isClosing() ? this.handshakes.shuttingDown(server)
				: this.handshakes.answer(server, handshake);
		getSender().tell(response, getSelf());
	}

}
