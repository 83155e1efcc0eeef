package org.actorrpc.internal.endpoint;

import java.util.LinkedHashSet;
import java.util.Set;

import org.actorrpc.FencedRpcGateway;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcServer;

/**
 * Finds the gateway interfaces a class implements, up its hierarchy (as Flink's
 * {@code RpcUtils#extractImplementedRpcGateways}). Stateless.
 */
public final class GatewayInterfaces {

	private GatewayInterfaces() {
	}

	/**
	 * Returns the gateway interfaces of an endpoint class: every {@link RpcGateway} it implements,
	 * directly or through its superclasses and superinterfaces, except the framework's own.
	 * @param type the endpoint class
	 * @return the gateway interfaces, in declaration order
	 */
	public static Set<Class<? extends RpcGateway>> of(Class<?> type) {
		Set<Class<? extends RpcGateway>> result = new LinkedHashSet<>();
		for (Class<?> c = type; c != null; c = c.getSuperclass()) {
			for (Class<?> candidate : c.getInterfaces()) {
				collect(candidate, result);
			}
		}
		return result;
	}

	@SuppressWarnings("unchecked")
	private static void collect(Class<?> candidate, Set<Class<? extends RpcGateway>> result) {
		if (RpcGateway.class.isAssignableFrom(candidate) && candidate != RpcGateway.class
				&& candidate != RpcServer.class && candidate != FencedRpcGateway.class) {
			result.add((Class<? extends RpcGateway>) candidate);
		}
		for (Class<?> parent : candidate.getInterfaces()) {
			collect(parent, result);
		}
	}

}
