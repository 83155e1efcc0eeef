package org.actorrpc.pekko.internal;

import java.util.Objects;

import org.actorrpc.exceptions.FencingTokenException;

/**
 * The fencing of a message or a gateway: {@link #NONE}, or a token. The rules of fencing — which
 * messages a fenced endpoint accepts, and what the caller is told otherwise — live here and
 * nowhere else (as in Flink's {@code FencedPekkoRpcActor}). Immutable.
 */
final class Fence {

	/** Not fenced: the message carries no token. */
	static final Fence NONE = new Fence(null);

	private final Object token;

	private Fence(Object token) {
		this.token = token;
	}

	/**
	 * Returns the fence of a token.
	 * @param token the token; {@code null} means no token
	 * @return the fence
	 */
	static Fence of(Object token) {
		return (token != null) ? new Fence(token) : NONE;
	}

	boolean isFenced() {
		return this.token != null;
	}

	/** @return the token, or {@code null} for {@link #NONE} */
	Object token() {
		return this.token;
	}

	/**
	 * Checks a message's fence against the token the endpoint expects.
	 * @param received the fence the message carries
	 * @param invocation the invoked method, for the error
	 * @param address the endpoint's address, for the error
	 * @return {@code null} when accepted, otherwise the failure to answer with
	 */
	FencingTokenException admit(Fence received, String invocation, String address) {
		if (this.token == null) {
			return null;
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
		return (this.token != null) ? "Fence(" + this.token + ")" : "Fence(none)";
	}

}
