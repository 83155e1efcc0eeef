package org.actorrpc.test.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcTimeout;

/**
 * What a testing proxy needs to know about one gateway method, computed once per method: how it is
 * invoked (decided by its return type, as in the real service), which parameter holds its
 * {@link RpcTimeout} and how errors name it. Immutable.
 */
public final class GatewayMethod {

	/** How a method is invoked. */
	public enum Kind {

		/** {@code void}: fire-and-forget. */
		TELL,
		/** Exactly {@code CompletableFuture}: asynchronous request. */
		ASYNC,
		/** Anything else: the caller blocks until the answer or the timeout. */
		BLOCKING

	}

	private final Method method;

	private final Kind kind;

	private final int timeoutParameter;

	private final String invocationString;

	GatewayMethod(Method method) {
		this.method = method;
		Class<?> returnType = method.getReturnType();
		this.kind = (returnType == void.class) ? Kind.TELL
				: (returnType == CompletableFuture.class) ? Kind.ASYNC : Kind.BLOCKING;
		this.timeoutParameter = timeoutParameter(method);
		StringBuilder sb = new StringBuilder(method.getDeclaringClass().getSimpleName()).append('.')
			.append(method.getName())
			.append('(');
		Class<?>[] parameters = method.getParameterTypes();
		for (int i = 0; i < parameters.length; i++) {
			sb.append((i > 0) ? ", " : "").append(parameters[i].getSimpleName());
		}
		this.invocationString = sb.append(')').toString();
		method.setAccessible(true);
	}

	/** @return the method */
	public Method method() {
		return this.method;
	}

	/** @return how it is invoked */
	public Kind kind() {
		return this.kind;
	}

	/** @return {@code Gateway.method(ParamType, ...)} */
	public String invocationString() {
		return this.invocationString;
	}

	/**
	 * Returns the timeout of one call.
	 * @param args the call's arguments
	 * @param defaultTimeout the service's ask timeout
	 * @return the {@code @RpcTimeout} argument when present and non-null, else the default
	 */
	public Duration timeout(Object[] args, Duration defaultTimeout) {
		if (this.timeoutParameter >= 0 && args[this.timeoutParameter] != null) {
			return (Duration) args[this.timeoutParameter];
		}
		return defaultTimeout;
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
