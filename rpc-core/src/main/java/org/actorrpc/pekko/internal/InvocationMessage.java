package org.actorrpc.pekko.internal;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.RecordedMessage;
import org.actorrpc.RpcMethod;
import org.actorrpc.exceptions.EndpointNotStartedException;
import org.actorrpc.exceptions.RpcException;
import org.actorrpc.exceptions.RpcExceptions;

/**
 * An RPC to run on the endpoint's main thread. Subclasses decide how the result travels back:
 * by completing the caller's future (local calls) or by a response message (remote calls).
 */
abstract class InvocationMessage extends MailboxMessage {

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
	abstract boolean expectsAnswer();

	/** Delivers a successful result; any thread. */
	abstract void complete(Object value);

	/** Delivers a failure; any thread. */
	abstract void fail(Throwable failure);

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
	void reject(Throwable failure) {
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
			EndpointNotStartedException failure = new EndpointNotStartedException("Discard message "
					+ this.method.invocationString + ", because the rpc endpoint " + server.getAddress()
					+ " has not been started yet.");
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
		Object result;
		try {
			result = this.method.method.invoke(server.endpoint(), this.args);
		}
		catch (InvocationTargetException ex) {
			Throwable cause = ex.getTargetException();
			if (expectsAnswer()) {
				fail(cause);
			}
			else {
				server.logFailedTell(this.method, cause);
			}
			server.rethrowIfFatal(cause);
			return cause;
		}
		catch (IllegalAccessException | IllegalArgumentException ex) {
			RpcException failure = new RpcException("Could not invoke " + this.method.invocationString + " on endpoint "
					+ server.endpointId() + ": " + ex.getMessage(), ex);
			reject(failure);
			return failure;
		}
		if (!expectsAnswer()) {
			return null;
		}
		if (this.method.kind == GatewayMethod.Kind.ASYNC) {
			if (result == null) {
				RpcException failure = new RpcException(this.method.invocationString
						+ " returned null instead of a CompletableFuture");
				fail(failure);
				return failure;
			}
			CompletableFuture<?> future = (CompletableFuture<?>) result;
			if (future.isDone() && !future.isCompletedExceptionally()) {
				complete(future.join());
			}
			else {
				future.whenComplete((value, failure) -> {
					if (failure != null) {
						fail(RpcExceptions.stripCompletion(failure));
					}
					else {
						complete(value);
					}
				});
			}
			return null;
		}
		complete(result);
		return null;
	}

}
