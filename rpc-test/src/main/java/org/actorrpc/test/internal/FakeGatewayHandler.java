package org.actorrpc.test.internal;

import java.lang.reflect.InvocationTargetException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.actorrpc.FencedRpcGateway;
import org.actorrpc.exceptions.FencingTokenException;
import org.actorrpc.exceptions.RpcException;
import org.actorrpc.exceptions.RpcExceptions;

/**
 * Proxy handler for a gateway registered with {@code registerGateway(address, fake)}: an RPC calls
 * the fake directly, on the thread that delivers it (the caller's, unless a fault delays it), so a
 * fake needs no main thread of its own. Going through the {@link Network} lets faults reach fakes
 * too. A fenced connect to a fake that is itself a {@link FencedRpcGateway} checks the token on
 * every call, as a fenced endpoint would. Thread-safe when the fake is.
 */
final class FakeGatewayHandler extends TestingGatewayHandler {

	private static final Logger logger = LoggerFactory.getLogger(FakeGatewayHandler.class);

	private final Object fake;

	FakeGatewayHandler(TestingRuntime runtime, String address, Class<?> gateway, Object fake, Object fencingToken) {
		super(runtime, address, gateway, fencingToken);
		this.fake = fake;
	}

	@Override
	boolean callerIsRecipient() {
		return false;
	}

	@Override
	void handOver(GatewayMethod method, Object[] args, ClientCall call) {
		if (!this.runtime.isRegisteredFake(this.address, this.fake)) {
			fail(method, call, new RpcException("The fake gateway at " + this.address + " was unregistered"));
			return;
		}
		FencingTokenException fencing = checkToken(method);
		if (fencing != null) {
			fail(method, call, fencing);
			return;
		}
		Object result;
		try {
			result = method.method().invoke(this.fake, args);
		}
		catch (InvocationTargetException ex) {
			fail(method, call, ex.getTargetException());
			return;
		}
		catch (IllegalAccessException | IllegalArgumentException ex) {
			fail(method, call, new RpcException("Could not invoke " + method.invocationString() + " on the fake at "
					+ this.address + ": " + ex.getMessage(), ex));
			return;
		}
		if (call == null) {
			return;
		}
		if (method.kind() == GatewayMethod.Kind.ASYNC) {
			if (result == null) {
				call.fail(new RpcException(method.invocationString() + " of the fake at " + this.address
						+ " returned null instead of a CompletableFuture"));
				return;
			}
			((CompletableFuture<?>) result).whenComplete((value, failure) -> {
				if (failure != null) {
					call.fail(RpcExceptions.stripCompletion(failure));
				}
				else {
					call.complete(value);
				}
			});
			return;
		}
		call.complete(result);
	}

	private FencingTokenException checkToken(GatewayMethod method) {
		if (this.fencingToken == null || !(this.fake instanceof FencedRpcGateway<?> fenced)) {
			return null;
		}
		Object expected;
		try {
			expected = fenced.getFencingToken();
		}
		catch (RuntimeException ex) {
			// A fake that does not implement getFencingToken accepts every token.
			return null;
		}
		if (expected == null || Objects.equals(expected, this.fencingToken)) {
			return null;
		}
		return new FencingTokenException("Fencing token mismatch: Ignoring message " + method.invocationString()
				+ " because the fencing token " + this.fencingToken + " did not match the expected fencing token "
				+ expected + ".");
	}

	private void fail(GatewayMethod method, ClientCall call, Throwable failure) {
		if (call != null) {
			call.fail(failure);
		}
		else {
			logger.warn("Fire-and-forget call {} to the fake at {} failed", method.invocationString(), this.address,
					failure);
		}
	}

}
