package org.actorrpc.pekko.internal;

import org.actorrpc.RpcGateway;
import org.actorrpc.serialization.GatewayContract;

/**
 * The endpoint's half of the connect handshake: accepts a caller whose protocol version, gateway
 * and serialization contract match the endpoint's, and refuses any other with a message saying
 * what differs and what to change. Stateless apart from the service it answers for; thread-safe.
 */
final class HandshakeAcceptor {

	private final ServiceContext context;

	HandshakeAcceptor(ServiceContext context) {
		this.context = context;
	}

	/**
	 * Answers a handshake for a registered endpoint.
	 * @param server the endpoint's server
	 * @param request the handshake
	 * @return the answer
	 */
	HandshakeResponse answer(EndpointServer server, HandshakeRequest request) {
		if (request.protocolVersion() != ServiceContext.PROTOCOL_VERSION) {
			return refuse("Version mismatch between source (" + request.protocolVersion() + ") and target ("
					+ ServiceContext.PROTOCOL_VERSION + ") rpc component. Please verify that all components have the "
					+ "same version.");
		}
		Class<?> gateway;
		try {
			gateway = Class.forName(request.gatewayName(), false, server.endpoint().getClass().getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return refuse("The rpc endpoint does not support the gateway " + request.gatewayName()
					+ ": the class is unknown on the endpoint's side.");
		}
		if (!RpcGateway.class.isAssignableFrom(gateway) || !gateway.isInstance(server.endpoint())) {
			return refuse("The rpc endpoint does not support the gateway " + gateway.getSimpleName() + ".");
		}
		@SuppressWarnings("unchecked")
		GatewayModel model = this.context.models().of((Class<? extends RpcGateway>) gateway);
		if (model.contract.fingerprint() != request.fingerprint()) {
			return refuse("The serialization contract of gateway " + gateway.getName() + " differs between the caller "
					+ "and the endpoint at " + server.getAddress() + ": "
					+ GatewayContract.describeDifference(model.contract.descriptors(), request.descriptors())
					+ ". Both sides must use the same gateway interface, message classes and extra serializable "
					+ "classes (PekkoRpcServiceSettings.addSerializableClasses / actorrpc.serialization.extra-classes).");
		}
		return new HandshakeResponse(HandshakeResponse.ACCEPTED, null, this.context.incarnation());
	}

	/**
	 * Answers a handshake for an id under which no endpoint is registered.
	 * @param endpointId the id
	 * @return the answer
	 */
	HandshakeResponse noEndpoint(String endpointId) {
		return new HandshakeResponse(HandshakeResponse.NO_ENDPOINT, this.context.noEndpoint(endpointId).getMessage(),
				this.context.incarnation());
	}

	/**
	 * Answers a handshake for an endpoint that is shutting down.
	 * @param server the endpoint's server
	 * @return the answer
	 */
	HandshakeResponse shuttingDown(EndpointServer server) {
		return new HandshakeResponse(HandshakeResponse.NO_ENDPOINT, "the endpoint " + server.getAddress()
				+ " is shutting down and accepts no new connections.", this.context.incarnation());
	}

	private HandshakeResponse refuse(String reason) {
		return new HandshakeResponse(HandshakeResponse.REFUSED, reason, this.context.incarnation());
	}

}
