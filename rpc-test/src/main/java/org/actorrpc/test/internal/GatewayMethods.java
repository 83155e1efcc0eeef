package org.actorrpc.test.internal;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.actorrpc.FencedRpcGateway;
import org.actorrpc.MainThreadExecutable;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcServer;
import org.actorrpc.StartStoppable;
import org.actorrpc.internal.endpoint.GatewayMethod;

/**
 * The gateway methods a testing service has seen, one {@link GatewayMethod} per method (without a
 * serialization contract: the testing service passes arguments by reference). One instance per
 * service; thread-safe.
 */
public final class GatewayMethods {

	private final Map<Method, GatewayMethod> methods = new ConcurrentHashMap<>();

	/**
	 * Returns the model of an RPC method, or {@code null} when the method is not an RPC (declared
	 * by {@code Object}, {@link RpcGateway}, {@link FencedRpcGateway} or the server interfaces, or a
	 * default method).
	 * @param method the invoked method
	 * @return its model or {@code null}
	 */
	public GatewayMethod lookup(Method method) {
		Class<?> declaring = method.getDeclaringClass();
		if (declaring == Object.class || declaring == RpcGateway.class || declaring == FencedRpcGateway.class
				|| declaring == RpcServer.class || declaring == StartStoppable.class
				|| declaring == MainThreadExecutable.class || method.isDefault()) {
			return null;
		}
		return this.methods.computeIfAbsent(method, GatewayMethod::new);
	}

	/**
	 * Checks every method of a gateway interface (an {@code @RpcTimeout} on a parameter that is not a
	 * {@code Duration} is refused), as the real service does when a proxy is created.
	 * @param gateway the gateway interface
	 * @throws IllegalArgumentException naming the first malformed method
	 */
	public void validate(Class<?> gateway) {
		for (Method method : gateway.getMethods()) {
			lookup(method);
		}
	}

}
