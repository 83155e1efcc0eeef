package org.actorrpc.spring;

import java.io.Serializable;

/**
 * Implemented by {@link RpcClient @RpcClient} proxies of {@link org.actorrpc.FencedRpcGateway}
 * types: it supplies the fencing token the calls carry. Cast the injected gateway to it:
 *
 * <pre class="code">
 * ((FencedRpcClient&lt;UUID&gt;) resourceManager).updateFencingToken(leaderToken);
 * </pre>
 *
 * <p>Until a token is set, calls fail at once with a
 * {@link org.actorrpc.exceptions.FencingTokenException}. A new token (a new leader was elected)
 * applies to every call made after {@code updateFencingToken} returns: the proxy reconnects with
 * the new token on the next call. Calls already in flight keep the token they were sent with.
 *
 * <p>Thread-safe.
 *
 * @param <F> type of the fencing token
 */
public interface FencedRpcClient<F extends Serializable> {

	/**
	 * Sets the fencing token of the following calls.
	 * @param fencingToken the leader's token, not {@code null}
	 */
	void updateFencingToken(F fencingToken);

	/**
	 * Returns the current fencing token.
	 * @return the token, or {@code null} until one was set
	 */
	F getFencingToken();

}
