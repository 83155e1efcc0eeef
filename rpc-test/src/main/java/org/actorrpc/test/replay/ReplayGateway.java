package org.actorrpc.test.replay;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import org.actorrpc.FencedRpcGateway;
import org.actorrpc.RpcGateway;

/**
 * A gateway the replayed endpoint connected to: nothing is sent anywhere; every call is checked
 * against the journal and answered with the recorded result. Main thread of the replay only.
 */
final class ReplayGateway implements InvocationHandler {

	private final ReplayEngine engine;

	private final Class<?> gateway;

	private final String address;

	private ReplayGateway(ReplayEngine engine, Class<?> gateway, String address) {
		this.engine = engine;
		this.gateway = gateway;
		this.address = address;
	}

	static Object create(ReplayEngine engine, Class<?> gateway, String address) {
		return Proxy.newProxyInstance(gateway.getClassLoader(), new Class<?>[] { gateway },
				new ReplayGateway(engine, gateway, address));
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
		if (method.getDeclaringClass() == Object.class) {
			return switch (method.getName()) {
				case "equals" -> proxy == args[0];
				case "hashCode" -> System.identityHashCode(proxy);
				default -> "ReplayGateway(" + this.gateway.getSimpleName() + " at " + this.address + ")";
			};
		}
		if (method.getDeclaringClass() == RpcGateway.class) {
			return "getAddress".equals(method.getName()) ? this.address : ReplayRpcService.hostOf(this.address);
		}
		if (method.getDeclaringClass() == FencedRpcGateway.class) {
			// The token a live connection was made with is not journaled.
			return null;
		}
		return this.engine.call(this.gateway, this.address, method, args);
	}

}
