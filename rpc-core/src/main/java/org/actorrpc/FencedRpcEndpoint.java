package org.actorrpc;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An {@link RpcEndpoint} that accepts only messages carrying its fencing token. Messages with
 * another token, or none, are answered with a {@link org.actorrpc.exceptions.FencingTokenException};
 * the check runs for every gateway message, on the main thread, when the message is taken from
 * the mailbox. Tasks ({@code runAsync}, {@code callAsync}, scheduled runs) are not fenced.
 *
 * <p>Two kinds of fencing:
 * <ul>
 * <li><b>Fixed token</b> ({@code FencedRpcEndpoint(rpcService, endpointId, token)}): the token is
 * given at construction and never changes; a new leader is a new endpoint with a new token.</li>
 * <li><b>Token that follows leadership</b> ({@code FencedRpcEndpoint(rpcService, endpointId)}):
 * the endpoint starts with no token and refuses every gateway message with a
 * {@code FencingTokenException} saying it is not the leader, until a leader-election driver
 * (such as {@link org.actorrpc.ha.EndpointLeaderContender}) sets the leader session id with
 * {@link #updateFencingToken}, and again as soon as it clears it.</li>
 * </ul>
 *
 * <p>Threading: same contract as {@link RpcEndpoint}. {@link #getFencingToken()} and
 * {@link #updateFencingToken} may be called from any thread: the token is one volatile field, so a
 * switch applies to the very next message the main thread takes, including messages that were
 * queued before the switch (a message already being processed finishes). A self gateway
 * ({@link #getSelfGateway}) sends the token current at the time of each call.
 *
 * @param <F> type of the fencing token
 */
public abstract class FencedRpcEndpoint<F extends Serializable> extends RpcEndpoint {

	private final boolean fixedToken;

	/** The current token; {@code null} while a leader-elected endpoint does not lead. */
	private volatile F fencingToken;

	/**
	 * Creates the endpoint with a fixed token.
	 * @param rpcService the hosting service
	 * @param endpointId the endpoint id
	 * @param fencingToken the token messages must carry
	 * @param loggingContext MDC entries set on the main thread
	 */
	protected FencedRpcEndpoint(RpcService rpcService, String endpointId, F fencingToken,
			Map<String, String> loggingContext) {
		super(rpcService, endpointId, withToken(loggingContext, fencingToken));
		this.fixedToken = true;
		this.fencingToken = fencingToken;
	}

	/**
	 * Creates the endpoint with a fixed token.
	 * @param rpcService the hosting service
	 * @param endpointId the endpoint id
	 * @param fencingToken the token messages must carry
	 */
	protected FencedRpcEndpoint(RpcService rpcService, String endpointId, F fencingToken) {
		this(rpcService, endpointId, fencingToken, Map.of());
	}

	/**
	 * Creates the endpoint with a fixed token, under a random id.
	 * @param rpcService the hosting service
	 * @param fencingToken the token messages must carry
	 */
	protected FencedRpcEndpoint(RpcService rpcService, F fencingToken) {
		this(rpcService, UUID.randomUUID().toString(), fencingToken);
	}

	/**
	 * Creates an endpoint whose token follows leadership: it has no token, and refuses every
	 * gateway message as "not the leader", until {@link #updateFencingToken} sets one.
	 * @param rpcService the hosting service
	 * @param endpointId the endpoint id (for a leader-elected endpoint also the component id of
	 * its election)
	 * @param loggingContext MDC entries set on the main thread
	 */
	protected FencedRpcEndpoint(RpcService rpcService, String endpointId, Map<String, String> loggingContext) {
		super(rpcService, endpointId, loggingContext);
		this.fixedToken = false;
	}

	/**
	 * Creates an endpoint whose token follows leadership: it has no token, and refuses every
	 * gateway message as "not the leader", until {@link #updateFencingToken} sets one.
	 * @param rpcService the hosting service
	 * @param endpointId the endpoint id (for a leader-elected endpoint also the component id of
	 * its election)
	 */
	protected FencedRpcEndpoint(RpcService rpcService, String endpointId) {
		this(rpcService, endpointId, Map.of());
	}

	/**
	 * Returns the current fencing token. Any thread.
	 * @return the token, or {@code null} while an endpoint whose token follows leadership does
	 * not lead
	 */
	public F getFencingToken() {
		return this.fencingToken;
	}

	/**
	 * Switches the token of an endpoint whose token follows leadership. Any thread; meant for the
	 * leader-election driver: set the new leader session id when leadership is granted, and
	 * {@code null} the moment it is revoked. From the next message the main thread takes, only
	 * messages carrying the new token are accepted; with {@code null}, none.
	 * @param newFencingToken the new token, or {@code null} for "not the leader"
	 * @throws IllegalStateException if the endpoint was created with a fixed token
	 */
	public final void updateFencingToken(F newFencingToken) {
		if (this.fixedToken) {
			throw new IllegalStateException("The fencing token of endpoint '" + getEndpointId()
					+ "' is fixed at construction and cannot change; create the endpoint with "
					+ "FencedRpcEndpoint(rpcService, endpointId) to have its token follow leadership");
		}
		this.fencingToken = newFencingToken;
	}

	/**
	 * Returns whether the token was fixed at construction.
	 * @return true for a fixed token, false for a token that follows leadership
	 */
	public final boolean hasFixedFencingToken() {
		return this.fixedToken;
	}

	private static <F> Map<String, String> withToken(Map<String, String> loggingContext, F token) {
		// The server may read the token before the subclass constructor finishes; a fixed token
		// must be non-null, which is checked here, before registration.
		Objects.requireNonNull(token, "fencingToken");
		return loggingContext;
	}

}
