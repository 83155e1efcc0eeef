package org.actorrpc.pekko.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.Local;
import org.actorrpc.RpcMethod;
import org.actorrpc.RpcTimeout;
import org.actorrpc.serialization.GatewayContract;

/**
 * Everything the invocation path needs to know about one gateway method, computed once: its wire
 * index, how it is invoked, which parameter holds its timeout and its names for errors and
 * metrics. Immutable.
 */
final class GatewayMethod {

	/** How a method is invoked, decided by its return type. */
	enum Kind {

		/** {@code void}: fire-and-forget. */
		TELL,
		/** Exactly {@code CompletableFuture}: asynchronous request. */
		ASYNC,
		/** Anything else: the caller blocks until the answer or the timeout. */
		BLOCKING

	}

	final Method method;

	final int index;

	final Kind kind;

	final int timeoutParameter;

	final boolean localOnly;

	final RpcMethod descriptor;

	final GatewayContract contract;

	/** {@code Gateway.method(ParamType, ...)}, as Flink's RpcInvocation prints it. */
	final String invocationString;

	GatewayMethod(Method method, int index, GatewayContract contract) {
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
		Class<?> gateway = contract.gateway();
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
	Duration timeout(Object[] args, Duration defaultTimeout) {
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
	boolean trusts(Class<?> type) {
		for (Class<?> declared : this.method.getExceptionTypes()) {
			if (declared.isAssignableFrom(type)) {
				return true;
			}
		}
		return this.contract.registeredClasses().contains(type);
	}

	/**
	 * Names where a call's timeout came from.
	 * @param defaultSource where the gateway's default timeout came from
	 * @return the {@code @RpcTimeout} parameter, or the default's source
	 */
	String timeoutSource(String defaultSource) {
		return (this.timeoutParameter >= 0) ? "the @RpcTimeout argument of " + this.invocationString : defaultSource;
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
