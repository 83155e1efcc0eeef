package org.actorrpc.internal.endpoint;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.actorrpc.exceptions.EndpointNotStartedException;
import org.actorrpc.exceptions.RpcException;
import org.actorrpc.exceptions.RpcExceptions;

/**
 * The semantics of invoking one gateway method on its target, the same in every service: the
 * method runs on the calling thread (the endpoint's main thread, or a fake's caller); what it
 * throws goes back to the caller as is (a fire-and-forget call's failure is logged); a
 * {@code CompletableFuture} result answers when it completes, unwrapped from its
 * {@code CompletionException}; a {@code callAsync} task completes its future the same way. Admission — is the endpoint started, does the fence admit the
 * message — is the caller's, with the errors made here. Stateless.
 */
public final class Invocation {

	private static final Logger logger = LoggerFactory.getLogger(Invocation.class);

	private Invocation() {
	}

	/**
	 * Invokes a gateway method and answers the call. Allocates nothing beyond what the method does
	 * (and a callback when its future is not complete yet).
	 * @param method the method
	 * @param target the endpoint or fake that implements it
	 * @param args the arguments
	 * @param reply where the answer goes
	 * @param targetName the target for errors and logs, such as {@code endpoint <id>}
	 * @return the failure to report in metrics (the method's own exception included, even an
	 * {@link Error}, which the caller decides whether to rethrow), or {@code null}
	 */
	public static Throwable invoke(GatewayMethod method, Object target, Object[] args, Reply reply,
			String targetName) {
		Object result;
		try {
			result = method.method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			Throwable cause = ex.getTargetException();
			if (reply.expectsAnswer()) {
				reply.fail(cause);
			}
			else {
				logger.warn("Fire-and-forget call {} on {} failed", method.invocationString, targetName, cause);
			}
			return cause;
		}
		catch (IllegalAccessException | IllegalArgumentException ex) {
			RpcException failure = new RpcException("Could not invoke " + method.invocationString + " on " + targetName
					+ ": " + ex.getMessage(), ex);
			reply.reject(failure);
			return failure;
		}
		if (!reply.expectsAnswer()) {
			return null;
		}
		return answer(method, result, reply);
	}

	/**
	 * Answers a call with what its method returned: a {@code CompletableFuture} (for an
	 * asynchronous method) when it completes, anything else at once.
	 * @param method the method
	 * @param result what it returned
	 * @param reply where the answer goes
	 * @return the failure to report in metrics, or {@code null}
	 */
	public static Throwable answer(GatewayMethod method, Object result, Reply reply) {
		if (method.kind != GatewayMethod.Kind.ASYNC) {
			reply.complete(result);
			return null;
		}
		if (result == null) {
			RpcException failure = new RpcException(method.invocationString
					+ " returned null instead of a CompletableFuture");
			reply.fail(failure);
			return failure;
		}
		CompletableFuture<?> future = (CompletableFuture<?>) result;
		if (future.isDone() && !future.isCompletedExceptionally()) {
			reply.complete(future.join());
		}
		else {
			future.whenComplete((value, failure) -> {
				if (failure != null) {
					reply.fail(RpcExceptions.stripCompletion(failure));
				}
				else {
					reply.complete(value);
				}
			});
		}
		return null;
	}

	/**
	 * Returns the failure of a message to an endpoint that is not started (or stopped).
	 * @param method the method
	 * @param address the endpoint's address
	 * @return the failure
	 */
	public static EndpointNotStartedException notStarted(GatewayMethod method, String address) {
		return new EndpointNotStartedException("Discard message " + method.invocationString
				+ ", because the rpc endpoint " + address + " has not been started yet.");
	}

	/**
	 * Runs a {@code callAsync} task and completes its future with the result or the failure. An
	 * {@link Error} completes the future too, then propagates: it terminates the endpoint.
	 * @param callable the task
	 * @param future its future
	 * @return the task's exception, or {@code null}
	 */
	public static Exception call(Callable<Object> callable, CompletableFuture<Object> future) {
		try {
			future.complete(callable.call());
			return null;
		}
		catch (Exception ex) {
			future.completeExceptionally(ex);
			return ex;
		}
		catch (Error ex) {
			future.completeExceptionally(ex);
			throw ex;
		}
	}

	/**
	 * Returns the failure of a task ({@code runAsync}, {@code callAsync}) for an endpoint that is
	 * not started (or stopped).
	 * @param task the task kind, as {@code callAsync}
	 * @param address the endpoint's address
	 * @return the failure
	 */
	public static EndpointNotStartedException taskNotStarted(String task, String address) {
		return new EndpointNotStartedException("Discard " + task + " task, because the rpc endpoint " + address
				+ " has not been started yet.");
	}

	/**
	 * Where the answer to one invocation goes. Implemented by the message itself where messages
	 * are objects, so that answering allocates nothing.
	 */
	public interface Reply {

		/** @return whether the caller waits for an answer ({@code false}: fire-and-forget) */
		boolean expectsAnswer();

		/**
		 * Delivers a result; only when {@link #expectsAnswer()}. Any thread.
		 * @param value the result
		 */
		void complete(Object value);

		/**
		 * Delivers a failure; only when {@link #expectsAnswer()}. Any thread.
		 * @param failure the failure
		 */
		void fail(Throwable failure);

		/**
		 * The call could not be made: fail it, or tell the fire-and-forget sender it was not
		 * processed.
		 * @param failure why
		 */
		void reject(Throwable failure);

	}

}
