package org.actorrpc.internal.endpoint;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcServer;
import org.actorrpc.exceptions.HandshakeException;

/**
 * The checks and errors of connecting a gateway, the same in every service: a fenced connect needs
 * a token, an endpoint must implement the gateway it is connected with, and a self gateway
 * implements every gateway of its endpoint and {@link RpcServer}. Stateless.
 */
public final class ConnectChecks {

	private ConnectChecks() {
	}

	/**
	 * Returns the answer to a fenced connect without a token.
	 * @param <C> the gateway type
	 * @return a future failed with an {@link IllegalArgumentException}
	 */
	public static <C> CompletableFuture<C> missingFencingToken() {
		return CompletableFuture.failedFuture(new IllegalArgumentException("fencingToken must not be null"));
	}

	/**
	 * Checks that an endpoint serves a gateway it is connected with.
	 * @param gateway the gateway interface
	 * @param endpoint the endpoint
	 * @return the failure when it does not, otherwise {@code null}
	 */
	public static HandshakeException unsupportedGateway(Class<?> gateway, Object endpoint) {
		return gateway.isInstance(endpoint) ? null
				: new HandshakeException("The rpc endpoint does not support the gateway " + gateway.getSimpleName() + ".");
	}

	/**
	 * Returns the interfaces of an endpoint's self gateway: all its gateways, the requested type and
	 * {@link RpcServer}.
	 * @param type the requested gateway type
	 * @param endpoint the endpoint
	 * @param gateways the endpoint's gateway interfaces
	 * @return the interfaces, for {@code Proxy.newProxyInstance}
	 * @throws IllegalArgumentException if the endpoint does not implement the requested type
	 */
	public static Class<?>[] selfGatewayInterfaces(Class<? extends RpcGateway> type, RpcEndpoint endpoint,
			Collection<Class<? extends RpcGateway>> gateways) {
		if (!type.isInstance(endpoint)) {
			throw new IllegalArgumentException("RpcEndpoint " + endpoint.getEndpointId() + " does not implement the "
					+ "RpcGateway interface " + type.getName() + ".");
		}
		Set<Class<?>> interfaces = new LinkedHashSet<>(gateways);
		interfaces.add(type);
		interfaces.add(RpcServer.class);
		return interfaces.toArray(Class<?>[]::new);
	}

}
