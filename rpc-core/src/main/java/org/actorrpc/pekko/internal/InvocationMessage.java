package org.actorrpc.pekko.internal;

import java.util.Map;

import org.actorrpc.RecordedMessage;
import org.actorrpc.RpcMethod;
import org.actorrpc.exceptions.EndpointNotStartedException;
import org.actorrpc.internal.endpoint.Fence;
import org.actorrpc.internal.endpoint.GatewayMethod;
import org.actorrpc.internal.endpoint.Invocation;

/**
 * An RPC to run on the endpoint's main thread. Subclasses decide how the result travels back:
 * by completing the caller's future (local calls) or by a response message (remote calls).
 */
abstract class InvocationMessage extends MailboxMessage implements Invocation.Reply {

	final GatewayMethod method;

	final Object[] args;

	final Fence fence;

	final Map<String, String> context;

	InvocationMessage(GatewayMethod method, Object[] args, Fence fence, Map<String, String> context) {
		this.method = method;
		this.args = args;
		this.fence = fence;
		this.context = context;
	}

	/** @return whether the caller waits for an answer */
	@Override
	public abstract boolean expectsAnswer();

	/** Delivers a successful result; any thread. */
	@Override
	public abstract void complete(Object value);

	/** Delivers a failure; any thread. */
	@Override
	public abstract void fail(Throwable failure);

	@Override
	RpcMethod method() {
		return this.method.descriptor;
	}

	@Override
	RecordedMessage.Kind recordedKind() {
		return expectsAnswer() ? RecordedMessage.Kind.CALL : RecordedMessage.Kind.FIRE_AND_FORGET;
	}

	@Override
	Object fencingToken() {
		return this.fence.token();
	}

	@Override
	public void reject(Throwable failure) {
		if (expectsAnswer()) {
			fail(failure);
		}
		else {
			refusedTell(failure);
		}
	}

	/**
	 * A fire-and-forget message was not processed; the sender must learn it.
	 * @param reason why
	 */
	abstract void refusedTell(Throwable reason);

	@Override
	Throwable process(EndpointServer server) {
		if (!server.isRunningForMessages()) {
			EndpointNotStartedException failure = Invocation.notStarted(this.method, server.getAddress());
			reject(failure);
			return failure;
		}
		Throwable fencingFailure = server.fence().admit(this.fence, this.method.invocationString, server.getAddress());
		if (fencingFailure != null) {
			reject(fencingFailure);
			return fencingFailure;
		}
		if (this.context != null) {
			Throwable[] outcome = new Throwable[1];
			server.observer().withIncomingContext(this.method.descriptor, this.context,
					() -> outcome[0] = invoke(server));
			return outcome[0];
		}
		return invoke(server);
	}

	private Throwable invoke(EndpointServer server) {
		server.journal().invoked(this.method, this.args);
		Throwable failure = Invocation.invoke(this.method, server.endpoint(), this.args, this, server.targetName());
		server.rethrowIfFatal(failure);
		return failure;
	}

}
