package org.actorrpc.internal.endpoint;

import java.util.Objects;

import org.actorrpc.exceptions.FencingTokenException;

/**
 * The fencing of a message or a gateway: {@link #NONE}, a token, or {@link #NOT_LEADER}. The rules
 * of fencing — which messages a fenced endpoint accepts, and what the caller is told otherwise —
 * live here and nowhere else (as in Flink's {@code FencedPekkoRpcActor}). Immutable.
 */
public final class Fence {

	/** Not fenced: the message carries no token; as an endpoint's fence, it admits everything. */
	public static final Fence NONE = new Fence(null, false);

	/**
	 * A fenced endpoint whose token follows leadership and which does not lead: it admits nothing.
	 * Carried by a message, it means "sent by a self gateway while not leading" (no token).
	 */
	public static final Fence NOT_LEADER = new Fence(null, true);

	private final Object token;

	private final boolean fenced;

	private Fence(Object token, boolean fenced) {
		this.token = token;
		this.fenced = fenced;
	}

	/**
	 * Returns the fence of a token.
	 * @param token the token; {@code null} means no token
	 * @return the fence
	 */
	public static Fence of(Object token) {
		return (token != null) ? new Fence(token, true) : NONE;
	}

	/**
	 * Returns the fence of a fenced endpoint's current token.
	 * @param token the token, {@code null} while the endpoint does not lead
	 * @return the fence; {@link #NOT_LEADER} for {@code null}
	 */
	public static Fence ofEndpoint(Object token) {
		return (token != null) ? new Fence(token, true) : NOT_LEADER;
	}

	/** @return whether the fence stands for a fenced gateway or endpoint (with or without a token) */
	public boolean isFenced() {
		return this.fenced;
	}

	/** @return the token, or {@code null} for {@link #NONE} */
	public Object token() {
		return this.token;
	}

	/**
	 * Checks a message's fence against the token the endpoint expects.
	 * @param received the fence the message carries
	 * @param invocation the invoked method, for the error
	 * @param address the endpoint's address, for the error
	 * @return {@code null} when accepted, otherwise the failure to answer with
	 */
	public FencingTokenException admit(Fence received, String invocation, String address) {
		if (!this.fenced) {
			return null;
		}
		if (this.token == null) {
			return new FencingTokenException("Not the leader: Ignoring message " + invocation + " sent to " + address
					+ " because the endpoint has no leader session (it does not lead, or its leadership was "
					+ "revoked). Retrieve the current leader and call it with its leader session id as the token.");
		}
		if (received.token == null && received.fenced) {
			return new FencingTokenException("Fencing token missing: Ignoring message " + invocation + " sent to "
					+ address + " because it was sent through the endpoint's self gateway while the endpoint did "
					+ "not lead; it now leads under another session.");
		}
		if (received.token == null) {
			return new FencingTokenException("Fencing token missing: Ignoring message " + invocation + " sent to "
					+ address + " because it carries no fencing token. The endpoint is fenced: connect with "
					+ "RpcService#connect(address, fencingToken, gatewayClass).");
		}
		if (!Objects.equals(this.token, received.token)) {
			return new FencingTokenException("Fencing token mismatch: Ignoring message " + invocation
					+ " because the fencing token " + received.token + " did not match the expected fencing token "
					+ this.token + ".");
		}
		return null;
	}

	@Override
	public String toString() {
		if (this.token != null) {
			return "Fence(" + this.token + ")";
		}
		return this.fenced ? "Fence(not leader)" : "Fence(none)";
	}

}
