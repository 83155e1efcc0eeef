package org.actorrpc.pekko.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import org.actorrpc.RpcGateway;
import org.actorrpc.serialization.GatewayContract;

/**
 * The gateway a journaled endpoint gets from {@code connect}: forwards every call to the real
 * gateway, and lets the endpoint's {@link EndpointJournal} record the calls made from the main
 * thread and deliver their results there. Thread-safe.
 */
final class JournalingGateway implements InvocationHandler {

	private final Object target;

	private final GatewayContract contract;

	private final EndpointJournal journal;

	private final String address;

	private JournalingGateway(Object target, GatewayContract contract, EndpointJournal journal) {
		this.target = target;
		this.contract = contract;
		this.journal = journal;
		this.address = ((RpcGateway) target).getAddress();
	}

	static <C extends RpcGateway> C wrap(C target, Class<C> gateway, GatewayContract contract,
			EndpointJournal journal) {
		return gateway.cast(Proxy.newProxyInstance(gateway.getClassLoader(), new Class<?>[] { gateway },
				new JournalingGateway(target, contract, journal)));
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
		if (method.getDeclaringClass() == Object.class) {
			return switch (method.getName()) {
				case "equals" -> proxy == args[0];
				case "hashCode" -> System.identityHashCode(proxy);
				default -> "Journaling(" + this.target + ")";
			};
		}
		if (this.contract.indexOf(method) < 0) {
			try {
				return method.invoke(this.target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		}
		return this.journal.call(this.target, this.contract, this.address, method, args);
	}

}
