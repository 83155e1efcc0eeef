package org.actorrpc;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An {@link RpcEndpoint} that accepts only messages carrying its fencing token, fixed at
 * construction (a new leader is a new endpoint with a new token). Messages with another token, or
 * none, are answered with a {@link org.actorrpc.exceptions.FencingTokenException}; the check runs
 * for every message. Same threading contract as {@link RpcEndpoint}.
 *
 * @param <F> type of the fencing token
 */
public abstract class FencedRpcEndpoint<F extends Serializable> extends RpcEndpoint {

	private final F fencingToken;

	/**
	 * Creates the endpoint.
	 * @param rpcService the hosting service
	 * @param endpointId the endpoint id
	 * @param fencingToken the token messages must carry
	 * @param loggingContext MDC entries set on the main thread
	 */
	protected FencedRpcEndpoint(RpcService rpcService, String endpointId, F fencingToken,
			Map<String, String> loggingContext) {
		super(rpcService, endpointId, withToken(loggingContext, fencingToken));
		this.fencingToken = fencingToken;
	}

	/**
	 * Creates the endpoint.
	 * @param rpcService the hosting service
	 * @param endpointId the endpoint id
	 * @param fencingToken the token messages must carry
	 */
	protected FencedRpcEndpoint(RpcService rpcService, String endpointId, F fencingToken) {
		this(rpcService, endpointId, fencingToken, Map.of());
	}

	/**
	 * Creates the endpoint under a random id.
	 * @param rpcService the hosting service
	 * @param fencingToken the token messages must carry
	 */
	protected FencedRpcEndpoint(RpcService rpcService, F fencingToken) {
		this(rpcService, UUID.randomUUID().toString(), fencingToken);
	}

	/**
	 * Returns the fencing token.
	 * @return the token
	 */
	public F getFencingToken() {
		return this.fencingToken;
	}

	private static Map<String, String> withToken(Map<String, String> loggingContext, Object token) {
		// The server reads the token before the subclass constructor finishes, so it must be
		// non-null at registration time; checked here rather than in the field assignment.
		Objects.requireNonNull(token, "fencingToken");
		return loggingContext;
	}

}
