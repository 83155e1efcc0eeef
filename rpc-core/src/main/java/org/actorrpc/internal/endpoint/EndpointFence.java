package org.actorrpc.internal.endpoint;

import org.actorrpc.FencedRpcEndpoint;
import org.actorrpc.RpcEndpoint;

/**
 * The {@link Fence} an endpoint admits messages with: {@link Fence#NONE} for an endpoint that is
 * not fenced, otherwise the fence of its current token, read again on every check because a
 * leader-elected endpoint's token switches from any thread. The fence of an unchanged token is
 * reused, so a check allocates nothing. Thread-safe; racy cache writes are harmless.
 */
public final class EndpointFence {

	private final FencedRpcEndpoint<?> endpoint;

	private volatile Fence cached;

	/**
	 * Creates the fence of an endpoint.
	 * @param endpoint the endpoint
	 */
	public EndpointFence(RpcEndpoint endpoint) {
		this.endpoint = (endpoint instanceof FencedRpcEndpoint<?> fenced) ? fenced : null;
	}

	/** @return the fence of the endpoint's current token */
	public Fence current() {
		if (this.endpoint == null) {
			return Fence.NONE;
		}
		Object token = this.endpoint.getFencingToken();
		Fence current = this.cached;
		if (current == null || current.token() != token) {
			current = Fence.ofEndpoint(token);
			this.cached = current;
		}
		return current;
	}

}
