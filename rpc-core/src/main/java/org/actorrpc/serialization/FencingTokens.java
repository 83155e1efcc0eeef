package org.actorrpc.serialization;

import java.io.Serializable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;

import org.actorrpc.FencedRpcGateway;

/**
 * Resolves the fencing-token type {@code F} of a {@link FencedRpcGateway} sub-interface.
 */
final class FencingTokens {

	private FencingTokens() {
	}

	/**
	 * Returns the token type the gateway binds {@code F} to.
	 * @param gateway a gateway interface extending FencedRpcGateway
	 * @return the token type, {@link Serializable} when it cannot be resolved
	 */
	static Type tokenType(Class<?> gateway) {
		Type resolved = resolve(gateway);
		return (resolved != null) ? resolved : Serializable.class;
	}

	private static Type resolve(Class<?> type) {
		for (Type candidate : type.getGenericInterfaces()) {
			if (candidate instanceof ParameterizedType parameterized) {
				if (parameterized.getRawType() == FencedRpcGateway.class) {
					Type argument = parameterized.getActualTypeArguments()[0];
					return (argument instanceof TypeVariable<?>) ? null : argument;
				}
				Type nested = resolve((Class<?>) parameterized.getRawType());
				if (nested != null) {
					return nested;
				}
			}
			else if (candidate instanceof Class<?> raw && FencedRpcGateway.class.isAssignableFrom(raw)) {
				Type nested = resolve(raw);
				if (nested != null) {
					return nested;
				}
			}
		}
		return null;
	}

}
