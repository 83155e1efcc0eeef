package org.actorrpc.test.internal;

import java.lang.reflect.Method;

import org.actorrpc.MainThreadExecutable;
import org.actorrpc.RpcServer;
import org.actorrpc.StartStoppable;
import org.actorrpc.internal.endpoint.GatewayMethod;

/**
 * Proxy handler for an endpoint hosted on the testing service: an RPC becomes a task in the
 * endpoint's queue (passed by reference, never serialized), carrying the caller's fencing token.
 * Self gateways also answer the {@link RpcServer} methods. Thread-safe.
 */
final class EndpointGatewayHandler extends TestingGatewayHandler {

	private final TestingServer server;

	private final boolean selfGateway;

	EndpointGatewayHandler(TestingRuntime runtime, TestingServer server, Class<?> gateway, Object fencingToken,
			boolean selfGateway) {
		super(runtime, server.getAddress(), gateway, fencingToken);
		this.server = server;
		this.selfGateway = selfGateway;
	}

	TestingServer server() {
		return this.server;
	}

	@Override
	Object invokeLocally(Method method, Object[] args) throws Throwable {
		Class<?> declaring = method.getDeclaringClass();
		if (this.selfGateway && (declaring == RpcServer.class || declaring == StartStoppable.class
				|| declaring == MainThreadExecutable.class)) {
			try {
				return method.invoke(this.server, args);
			}
			catch (java.lang.reflect.InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		}
		return NOT_HANDLED;
	}

	@Override
	boolean callerIsRecipient() {
		return this.runtime.driver().currentQueue() == this.server.queue();
	}

	@Override
	void handOver(GatewayMethod method, Object[] args, ClientCall call) {
		if (this.server.isTerminated()) {
			if (call != null) {
				call.fail(this.server.unreachable());
			}
			return;
		}
		this.server.deliver(method, args, this.fencingToken, call);
	}

}
