package org.actorrpc.internal.endpoint;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.Local;
import org.actorrpc.RpcMethod;
import org.actorrpc.RpcTimeout;
import org.actorrpc.exceptions.RpcRuntimeException;
import org.actorrpc.serialization.GatewayContract;

/**
 * Everything the invocation path needs to know about one gateway method, computed once: its wire
 * index, how it is invoked, which parameter holds its timeout and its names for errors and
 * metrics. Shared by every service implementation, so that a method means the same in all of
 * them. Immutable.
 *
 * <p>Its parts are final fields rather than accessors because the per-message path reads them.
 */
public final class GatewayMethod {

	/** How a method is invoked, decided by its return type. */
	public enum Kind {

		/** {@code void}: fire-and-forget. */
		TELL,
		/** Exactly {@code CompletableFuture}: asynchronous request. */
		ASYNC,
		/** Anything else: the caller blocks until the answer or the timeout. */
		BLOCKING

	}

	/** The interface method, made accessible. */
	public final Method method;

	/** Its index in the contract's methods (its wire index); -1 without a contract. */
	public final int index;

	/** How it is invoked. */
	public final Kind kind;

	/** Which parameter holds the {@code @RpcTimeout}, or -1. */
	public final int timeoutParameter;

	/** Whether it is {@code @Local} (refused on a remote gateway). */
	public final boolean localOnly;

	/** Its name for metrics and views. */
	public final RpcMethod descriptor;

	/** The contract that serializes its arguments and result, or {@code null} for a by-reference service. */
	public final GatewayContract contract;

	/** {@code Gateway.method(ParamType, ...)}, as Flink's RpcInvocation prints it. */
	public final String invocationString;

	/**
	 * Models a method of a gateway whose messages are serialized by a contract.
	 * @param method the interface method
	 * @param index its index in the contract
	 * @param contract the gateway's contract, which names the gateway
	 * @throws IllegalArgumentException if an {@code @RpcTimeout} parameter is not a {@code Duration}
	 */
	public GatewayMethod(Method method, int index, GatewayContract contract) {
		this(method, index, contract.gateway(), contract);
	}

	/**
	 * Models a method of a service that passes arguments and results by reference (no contract).
	 * @param method the interface method; errors name it after the interface that declares it
	 * @throws IllegalArgumentException if an {@code @RpcTimeout} parameter is not a {@code Duration}
	 */
	public GatewayMethod(Method method) {
		this(method, -1, method.getDeclaringClass(), null);
	}

	private GatewayMethod(Method method, int index, Class<?> gateway, GatewayContract contract) {
		this.method = method;
		this.index = index;
		this.contract = contract;
		Class<?> returnType = method.getReturnType();
		if (returnType == void.class) {
			this.kind = Kind.TELL;
		}
		else if (returnType == CompletableFuture.class) {
			this.kind = Kind.ASYNC;
		}
		else {
			this.kind = Kind.BLOCKING;
		}
		this.timeoutParameter = timeoutParameter(method);
		this.localOnly = method.isAnnotationPresent(Local.class);
		this.descriptor = new RpcMethod(gateway.getName(), gateway.getSimpleName(), method.getName());
		StringBuilder sb = new StringBuilder(gateway.getSimpleName()).append('.').append(method.getName()).append('(');
		Class<?>[] parameters = method.getParameterTypes();
		for (int i = 0; i < parameters.length; i++) {
			sb.append((i > 0) ? ", " : "").append(parameters[i].getSimpleName());
		}
		this.invocationString = sb.append(')').toString();
		method.setAccessible(true);
	}

	/**
	 * Returns the timeout of one call.
	 * @param args the call's arguments
	 * @param defaultTimeout the service's ask timeout
	 * @return the {@code @RpcTimeout} argument if present and non-null, else the default
	 */
	public Duration timeout(Object[] args, Duration defaultTimeout) {
		if (this.timeoutParameter >= 0 && args[this.timeoutParameter] != null) {
			return (Duration) args[this.timeoutParameter];
		}
		return defaultTimeout;
	}

	/**
	 * Whether an exception type reported by the remote side may be rebuilt as itself: declared in
	 * this method's {@code throws} clause, or registered in the gateway's contract.
	 * @param type the exception type
	 * @return whether it is trusted
	 */
	public boolean trusts(Class<?> type) {
		for (Class<?> declared : this.method.getExceptionTypes()) {
			if (declared.isAssignableFrom(type)) {
				return true;
			}
		}
		return this.contract != null && this.contract.registeredClasses().contains(type);
	}

	/**
	 * Names where a call's timeout came from.
	 * @param defaultSource where the gateway's default timeout came from
	 * @return the {@code @RpcTimeout} parameter, or the default's source
	 */
	public String timeoutSource(String defaultSource) {
		return (this.timeoutParameter >= 0) ? "the @RpcTimeout argument of " + this.invocationString : defaultSource;
	}

	/**
	 * The exception a blocking call throws: unchecked failures and checked ones the method declares
	 * as they are, anything else wrapped in an {@link RpcRuntimeException} (never an
	 * {@code UndeclaredThrowableException}).
	 * @param cause why the call failed
	 * @return what the blocking caller gets thrown
	 */
	public Throwable syncFailure(Throwable cause) {
		if (cause instanceof RuntimeException || cause instanceof Error) {
			return cause;
		}
		for (Class<?> declared : this.method.getExceptionTypes()) {
			if (declared.isInstance(cause)) {
				return cause;
			}
		}
		return new RpcRuntimeException("Failure while obtaining synchronous RPC result of " + this.invocationString
				+ ": " + cause.getMessage(), cause);
	}

	@Override
	public String toString() {
		return this.invocationString;
	}

	private static int timeoutParameter(Method method) {
		Annotation[][] annotations = method.getParameterAnnotations();
		Class<?>[] types = method.getParameterTypes();
		for (int i = 0; i < annotations.length; i++) {
			for (Annotation annotation : annotations[i]) {
				if (annotation instanceof RpcTimeout) {
					if (types[i] != Duration.class) {
						throw new IllegalArgumentException("The rpc timeout parameter must be of type java.time.Duration. "
								+ "The type " + types[i].getName() + " of parameter " + i + " of "
								+ method.getDeclaringClass().getSimpleName() + "." + method.getName()
								+ " is not supported.");
					}
					return i;
				}
			}
		}
		return -1;
	}

}
