package org.actorrpc.client;

import java.io.Serializable;

/**
 * Implemented by the gateway of a {@link ReconnectingGateway} for a
 * {@link org.actorrpc.FencedRpcGateway} type (and so by {@code @RpcClient} proxies of such
 * types): it supplies the fencing token the calls carry. Cast the gateway to it:
 *
 * <pre class="code">
 * ((FencedRpcClient&lt;UUID&gt;) resourceManager).updateFencingToken(leaderToken);
 * </pre>
 *
 * <p>Until a token is set, calls fail at once with a
 * {@link org.actorrpc.exceptions.FencingTokenException}. A new token (a new leader was elected)
 * applies to every call made after {@code updateFencingToken} returns: the client drops its
 * connection and connects again with the new token, and the calls made meanwhile wait for that
 * connection in order. Calls already sent or queued keep the token they were made with.
 *
 * <p>Thread-safe.
 *
 * @param <F> type of the fencing token
 */
public interface FencedRpcClient<F extends Serializable> {

	/**
	 * Sets the fencing token of the following calls. Setting the current token again changes
	 * nothing.
	 * @param fencingToken the leader's token, not {@code null}
	 * @throws NullPointerException if the token is {@code null}
	 */
	void updateFencingToken(F fencingToken);

	/**
	 * Returns the current fencing token.
	 * @return the token, or {@code null} until one was set
	 */
	F getFencingToken();

}
