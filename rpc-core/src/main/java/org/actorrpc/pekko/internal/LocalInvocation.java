package org.actorrpc.pekko.internal;

import java.util.Map;

import org.actorrpc.internal.endpoint.Fence;
import org.actorrpc.internal.endpoint.GatewayMethod;

/**
 * A call from a gateway of the same service: arguments and result are passed by reference
 * (unless the service forces serialization of local calls) and the caller's pending call is
 * completed directly.
 */
final class LocalInvocation extends InvocationMessage {

	private final PendingCall call;

	private final boolean serializeResult;

	private final EndpointServer server;

	LocalInvocation(EndpointServer server, GatewayMethod method, Object[] args, Fence fence,
			Map<String, String> context, PendingCall call, boolean serializeResult) {
		super(method, args, fence, context);
		this.server = server;
		this.call = call;
		this.serializeResult = serializeResult;
	}

	@Override
	void refusedTell(Throwable reason) {
		this.server.logRefusedTell(this.method, reason);
	}

	@Override
	public boolean expectsAnswer() {
		return this.call != null;
	}

	@Override
	public void complete(Object value) {
		if (this.serializeResult) {
			try {
				value = this.method.contract.fromBytes(this.method.contract.toBytes(value));
			}
			catch (RuntimeException ex) {
				this.call.fail(new org.actorrpc.exceptions.RpcException(
						"Failed to serialize the result of " + this.method.invocationString + ": " + ex.getMessage(), ex));
				return;
			}
		}
		this.call.complete(value);
	}

	@Override
	public void fail(Throwable failure) {
		this.call.fail(failure);
	}

}
