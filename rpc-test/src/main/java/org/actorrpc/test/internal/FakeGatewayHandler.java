package org.actorrpc.test.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.actorrpc.FencedRpcGateway;
import org.actorrpc.exceptions.FencingTokenException;
import org.actorrpc.exceptions.RpcException;
import org.actorrpc.internal.endpoint.Fence;
import org.actorrpc.internal.endpoint.GatewayMethod;
import org.actorrpc.internal.endpoint.Invocation;

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

	/** {@code the fake at <address>}, for invocation errors and logs. */
	private final String targetName;

	FakeGatewayHandler(TestingRuntime runtime, String address, Class<?> gateway, Object fake, Object fencingToken) {
		super(runtime, address, gateway, fencingToken);
		this.fake = fake;
		this.targetName = "the fake at " + address;
	}

	@Override
	boolean callerIsRecipient() {
		return false;
	}

	@Override
	void handOver(GatewayMethod method, Object[] args, ClientCall call) {
		FakeCall reply = new FakeCall(method, call);
		if (!this.runtime.isRegisteredFake(this.address, this.fake)) {
			reply.reject(new RpcException("The fake gateway at " + this.address + " was unregistered"));
			return;
		}
		FencingTokenException fencing = checkToken(method);
		if (fencing != null) {
			reply.reject(fencing);
			return;
		}
		Invocation.invoke(method, this.fake, args, reply, this.targetName);
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
		// A fake without a token accepts every token.
		return Fence.of(expected).admit(Fence.of(this.fencingToken), method.invocationString, this.address);
	}

	/** Where one call to the fake answers: the caller's {@link ClientCall}, or the log for a tell. */
	private final class FakeCall implements Invocation.Reply {

		private final GatewayMethod method;

		private final ClientCall call;

		FakeCall(GatewayMethod method, ClientCall call) {
			this.method = method;
			this.call = call;
		}

		@Override
		public boolean expectsAnswer() {
			return this.call != null;
		}

		@Override
		public void complete(Object value) {
			this.call.complete(value);
		}

		@Override
		public void fail(Throwable failure) {
			this.call.fail(failure);
		}

		@Override
		public void reject(Throwable failure) {
			if (this.call != null) {
				this.call.fail(failure);
			}
			else {
				logger.warn("Fire-and-forget call {} to {} failed", this.method.invocationString,
						FakeGatewayHandler.this.targetName, failure);
			}
		}

	}

}
