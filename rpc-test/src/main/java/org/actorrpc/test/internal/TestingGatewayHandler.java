package org.actorrpc.test.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.actorrpc.FencedRpcGateway;
import org.actorrpc.RpcGateway;
import org.actorrpc.exceptions.RpcRuntimeException;
import org.actorrpc.exceptions.RpcTimeoutException;
import org.actorrpc.internal.endpoint.GatewayMethod;

/**
 * Common part of the testing service's gateway proxies: answers {@code Object}, {@link RpcGateway}
 * and {@link FencedRpcGateway} methods locally, and sends every RPC method through the
 * {@link Network} with the real service's invocation semantics — a {@code CompletableFuture}
 * return is an asynchronous call, {@code void} is fire-and-forget, any other return type blocks
 * the caller until the answer or the timeout (on virtual time).
 *
 * <p>A blocking call cannot wait for time to pass: the calling thread runs the service until the
 * answer is there, and when the service becomes idle without it, the call fails at once with an
 * {@link RpcTimeoutException} saying so. Thread-safe.
 */
abstract class TestingGatewayHandler implements InvocationHandler {

	final TestingRuntime runtime;

	final String address;

	final Class<?> gateway;

	/** The token every message carries; {@code null} when connected without one. */
	final Object fencingToken;

	TestingGatewayHandler(TestingRuntime runtime, String address, Class<?> gateway, Object fencingToken) {
		this.runtime = runtime;
		this.address = address;
		this.gateway = gateway;
		this.fencingToken = fencingToken;
	}

	/**
	 * Hands an invocation to the recipient; called by the network when (and if) it delivers it.
	 * @param method the method
	 * @param args its arguments
	 * @param call the caller's pending call, {@code null} for fire-and-forget
	 */
	abstract void handOver(GatewayMethod method, Object[] args, ClientCall call);

	/**
	 * Answers a method that is not an RPC (the self gateway's server methods), or returns
	 * {@link #NOT_HANDLED}.
	 */
	Object invokeLocally(Method method, Object[] args) throws Throwable {
		return NOT_HANDLED;
	}

	/** @return whether a blocking call on the calling thread could only deadlock */
	abstract boolean callerIsRecipient();

	static final Object NOT_HANDLED = new Object();

	@Override
	public final Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
		Class<?> declaring = method.getDeclaringClass();
		if (declaring == Object.class) {
			return switch (method.getName()) {
				case "equals" -> proxy == args[0];
				case "hashCode" -> System.identityHashCode(proxy);
				default -> "Gateway(" + this.gateway.getSimpleName() + " at " + this.address + ", testing)";
			};
		}
		if (declaring == RpcGateway.class) {
			return method.getName().equals("getAddress") ? this.address : TestingRuntime.HOSTNAME;
		}
		if (declaring == FencedRpcGateway.class) {
			if (this.fencingToken == null) {
				throw new UnsupportedOperationException("InvocationHandler does not support the call "
						+ "FencedRpcGateway#getFencingToken. This indicates that you retrieved a FencedRpcGateway "
						+ "without specifying a fencing token. Please use RpcService#connect(String, F, Class) with F "
						+ "being the fencing token to retrieve a properly FencedRpcGateway.");
			}
			return this.fencingToken;
		}
		Object local = invokeLocally(method, (args != null) ? args : new Object[0]);
		if (local != NOT_HANDLED) {
			return local;
		}
		GatewayMethod rpc = this.runtime.methods().lookup(method);
		if (rpc == null) {
			if (method.isDefault()) {
				return InvocationHandler.invokeDefault(proxy, method, args);
			}
			throw new RpcRuntimeException("Method " + method + " is not an RPC method of " + this.gateway.getName()
					+ " and cannot be invoked on a gateway proxy.");
		}
		return call(rpc, (args != null) ? args : new Object[0]);
	}

	private Object call(GatewayMethod method, Object[] args) throws Throwable {
		if (method.kind == GatewayMethod.Kind.BLOCKING && callerIsRecipient()) {
			throw new IllegalStateException("Blocking call " + method.invocationString + " refused: it was made on "
					+ "the main thread of the endpoint it calls, which would have to answer it while waiting for it. "
					+ "Call the method directly, or return a CompletableFuture from the gateway method.");
		}
		String sender = this.runtime.currentSender();
		ClientCall call = null;
		if (method.kind != GatewayMethod.Kind.TELL) {
			Duration defaultTimeout = this.runtime.askTimeout();
			Duration timeout = method.timeout(args, defaultTimeout);
			String source = (timeout != defaultTimeout) ? "the @RpcTimeout argument of " + method.invocationString
					: "the TestingRpcService's ask timeout (TestingRpcService.builder().askTimeout)";
			call = new ClientCall(this.runtime, sender, this.address, method.invocationString, timeout, source);
		}
		ClientCall pending = call;
		this.runtime.network()
			.send(new Envelope(sender, this.address, method, call, () -> handOver(method, args, pending)));
		return switch (method.kind) {
			case TELL -> null;
			case ASYNC -> call.future();
			case BLOCKING -> await(method, call);
		};
	}

	private Object await(GatewayMethod method, ClientCall call) throws Throwable {
		CompletableFuture<Object> future = call.future();
		if (!this.runtime.driver().runUntil(future::isDone)) {
			call.fail(new RpcTimeoutException("Blocking call " + method.invocationString + " to " + this.address
					+ " has no answer, and the TestingRpcService has nothing left to run: virtual time does not pass "
					+ "while a call blocks. The answer waits for a timer, a delayed or dropped message, or a future "
					+ "nobody completes; use a method that returns a CompletableFuture and advanceTime, or move time "
					+ "first.", call.timeout()));
			this.runtime.driver().runUntil(future::isDone);
		}
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			throw method.syncFailure(ex.getCause());
		}
	}

}
