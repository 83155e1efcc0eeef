package org.actorrpc.pekko.internal;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.MainThreadExecutable;
import org.actorrpc.RpcObserver;
import org.actorrpc.RpcServer;
import org.actorrpc.StartStoppable;
import org.actorrpc.exceptions.RpcException;
import org.actorrpc.internal.endpoint.Fence;
import org.actorrpc.internal.endpoint.GatewayMethod;

/**
 * Proxy handler for endpoints of the same service: an RPC becomes a message in the endpoint's
 * mailbox, enqueued directly by the calling thread — no actor, no serialization (unless the
 * service forces it, for tests), no copy. A full mailbox makes the caller wait within the
 * flow-control policy, in line behind the callers that came first; a call's own timeout keeps running
 * while it waits. Self gateways also answer the {@link RpcServer} methods.
 */
final class LocalGatewayHandler extends GatewayInvocationHandler {

	private final EndpointServer server;

	/**
	 * @param fence the fence every message carries, or {@code null} for a self gateway: its
	 * messages carry the endpoint's token current at the time of the call
	 */
	LocalGatewayHandler(ServiceContext context, EndpointServer server, GatewayModel[] models, Fence fence,
			CallDefaults defaults) {
		super(context, server.getAddress(), models, fence, defaults);
		this.server = server;
	}

	@Override
	Fence fence() {
		return (this.fence != null) ? this.fence : this.server.fence();
	}

	EndpointServer server() {
		return this.server;
	}

	@Override
	Object invokeLocally(Object proxy, Method method, Object[] args) throws Throwable {
		Class<?> declaring = method.getDeclaringClass();
		if (declaring == RpcServer.class || declaring == StartStoppable.class
				|| declaring == MainThreadExecutable.class) {
			return method.invoke(this.server, args);
		}
		return NOT_HANDLED;
	}

	@Override
	RuntimeException blockingWouldDeadlock(GatewayMethod method) {
		if (Thread.currentThread() != this.server.getMainThread()) {
			return null;
		}
		return new IllegalStateException("Blocking call " + method.invocationString + " refused: it was made on the "
				+ "main thread of the endpoint it calls, which would have to answer it while waiting for it. Call the "
				+ "method directly, or return a CompletableFuture from the gateway method.");
	}

	@Override
	Object invokeRpc(GatewayMethod method, Object[] args) throws Throwable {
		RpcObserver.ClientCall observation = observe(method);
		if (this.server.isTerminated()) {
			return failBeforeSending(method, this.server.unreachable(), observation);
		}
		Map<String, String> context = contextOf(observation);
		boolean serialize = this.context.settings().forceLocalSerialization() && !method.localOnly;
		Object[] callArgs = args;
		if (serialize && args != null) {
			try {
				callArgs = (Object[]) method.contract.fromBytes(method.contract.toBytes(args));
			}
			catch (RuntimeException ex) {
				return failBeforeSending(method, new RpcException("Could not serialize the arguments of "
						+ method.invocationString + ": " + ex.getMessage(), ex), observation);
			}
		}
		// The message is complete before the caller may wait for room: it is enqueued in the same step
		// that admits it, so that no later caller slips in between (see EndpointServer#enqueueCall).
		if (method.kind == GatewayMethod.Kind.TELL) {
			RpcException refused = this.server.enqueueCall(
					new LocalInvocation(this.server, method, callArgs, fence(), context, null, false),
					method.invocationString, null);
			if (refused != null) {
				return failBeforeSending(method, refused, observation);
			}
			observation.completed(null);
			return null;
		}
		CompletableFuture<Object> future = new CompletableFuture<>();
		PendingCall call = pendingCall(method, args, future, observation);
		// The call's timeout runs from here, so a caller waiting for room gives up when it passes.
		this.context.timeouts().register(call);
		RpcException refused = this.server.enqueueCall(
				new LocalInvocation(this.server, method, callArgs, fence(), context, call, serialize),
				method.invocationString, future);
		if (refused != null) {
			// Never enqueued: the call ends here (unless its timeout ended it first).
			call.fail(refused);
		}
		return (method.kind == GatewayMethod.Kind.ASYNC) ? future : await(method, future);
	}

}
