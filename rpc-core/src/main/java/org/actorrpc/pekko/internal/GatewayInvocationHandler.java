package org.actorrpc.pekko.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.actorrpc.FencedRpcGateway;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcObserver;
import org.actorrpc.exceptions.RpcException;
import org.actorrpc.exceptions.RpcRuntimeException;
import org.actorrpc.internal.endpoint.Fence;
import org.actorrpc.internal.endpoint.GatewayMethod;

/**
 * Common part of gateway proxies: answers the infrastructure methods ({@code Object},
 * {@link RpcGateway}, {@link FencedRpcGateway}, default methods) locally and turns every other
 * call into an RPC through {@link #invokeRpc}. The mapping from {@link Method} to its precomputed
 * {@link GatewayMethod} is a hash lookup; nothing is reflected per call.
 */
abstract class GatewayInvocationHandler implements InvocationHandler {

	final ServiceContext context;

	final String address;

	final GatewayModel[] models;

	/** The fence every message of this gateway carries. */
	final Fence fence;

	final CallDefaults defaults;

	GatewayInvocationHandler(ServiceContext context, String address, GatewayModel[] models, Fence fence,
			CallDefaults defaults) {
		this.context = context;
		this.address = address;
		this.models = models;
		this.fence = fence;
		this.defaults = defaults;
	}

	abstract Object invokeRpc(GatewayMethod method, Object[] args) throws Throwable;

	/** @return the fence the next message carries */
	Fence fence() {
		return this.fence;
	}

	/**
	 * Answers a method that is not an RPC, or returns {@link #NOT_HANDLED}.
	 * @param proxy the proxy
	 * @param method the method
	 * @param args its arguments
	 * @return the result or {@link #NOT_HANDLED}
	 * @throws Throwable what the method throws
	 */
	Object invokeLocally(Object proxy, Method method, Object[] args) throws Throwable {
		return NOT_HANDLED;
	}

	static final Object NOT_HANDLED = new Object();

	@Override
	public final Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
		GatewayMethod rpc = lookup(method);
		if (rpc != null) {
			if (rpc.kind == GatewayMethod.Kind.BLOCKING) {
				RuntimeException refused = blockingWouldDeadlock(rpc);
				if (refused != null) {
					throw refused;
				}
			}
			return invokeRpc(rpc, args);
		}
		Class<?> declaring = method.getDeclaringClass();
		if (declaring == Object.class) {
			return switch (method.getName()) {
				case "equals" -> proxy == args[0];
				case "hashCode" -> System.identityHashCode(proxy);
				default -> "Gateway(" + this.models[0].gateway.getSimpleName() + " at " + this.address + ")";
			};
		}
		if (declaring == RpcGateway.class) {
			return method.getName().equals("getAddress") ? this.address : this.context.hostnameOf(this.address);
		}
		if (declaring == FencedRpcGateway.class) {
			Fence current = fence();
			if (!current.isFenced()) {
				throw new UnsupportedOperationException("InvocationHandler does not support the call "
						+ "FencedRpcGateway#getFencingToken. This indicates that you retrieved a FencedRpcGateway "
						+ "without specifying a fencing token. Please use RpcService#connect(String, F, Class) with F "
						+ "being the fencing token to retrieve a properly FencedRpcGateway.");
			}
			return current.token();
		}
		Object local = invokeLocally(proxy, method, args);
		if (local != NOT_HANDLED) {
			return local;
		}
		if (method.isDefault()) {
			return InvocationHandler.invokeDefault(proxy, method, args);
		}
		throw new RpcRuntimeException("Method " + method + " is not an RPC method of "
				+ this.models[0].gateway.getName() + " and cannot be invoked on a gateway proxy.");
	}

	private GatewayMethod lookup(Method method) {
		for (GatewayModel model : this.models) {
			GatewayMethod rpc = model.lookup(method);
			if (rpc != null) {
				return rpc;
			}
		}
		return null;
	}

	RpcObserver.ClientCall observe(GatewayMethod method) {
		RpcObserver observer = this.context.observer();
		if (observer == RpcObserver.NOOP) {
			return RpcObserver.ClientCall.NOOP;
		}
		try {
			return observer.clientCallStarted(method.descriptor, this.address);
		}
		catch (RuntimeException ex) {
			return RpcObserver.ClientCall.NOOP;
		}
	}

	static Map<String, String> contextOf(RpcObserver.ClientCall observation) {
		return (observation == RpcObserver.ClientCall.NOOP) ? null : observation.context();
	}

	/**
	 * Reports a failure that happened before the call was sent, in the way the method's return type
	 * calls for: a failed future, an exception thrown to a blocking caller, or an unchecked
	 * exception for a fire-and-forget call (it must not be lost silently).
	 */
	Object failBeforeSending(GatewayMethod method, RpcException failure, RpcObserver.ClientCall observation)
			throws Throwable {
		observation.completed(failure);
		return switch (method.kind) {
			case ASYNC -> CompletableFuture.failedFuture(failure);
			case BLOCKING -> throw method.syncFailure(failure);
			case TELL -> throw new RpcRuntimeException(failure.getMessage(), failure);
		};
	}

	PendingCall pendingCall(GatewayMethod method, Object[] args, CompletableFuture<Object> future,
			RpcObserver.ClientCall observation) {
		Duration timeout = method.timeout(args, this.defaults.timeout());
		Throwable callStack = this.context.settings().captureCallStack() ? new Throwable("call site") : null;
		return new PendingCall(future, method, this.address, timeout, method.timeoutSource(this.defaults.source()),
				callStack, observation, null);
	}

	/**
	 * Refuses a blocking call that could only end in its timeout, before anything is sent.
	 * @param method the blocking method
	 * @return the failure to throw, or {@code null} if blocking is safe on this thread
	 */
	abstract RuntimeException blockingWouldDeadlock(GatewayMethod method);

	Object await(GatewayMethod method, CompletableFuture<Object> future) throws Throwable {
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			throw method.syncFailure(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RpcRuntimeException("Interrupted while waiting for " + method.invocationString + " at "
					+ this.address, ex);
		}
	}

}
