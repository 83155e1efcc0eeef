package org.actorrpc;

import java.io.Serializable;

/**
 * A gateway whose every message carries a fencing token; the endpoint rejects messages whose token
 * differs from its own with a {@link org.actorrpc.exceptions.FencingTokenException}. Used for
 * leader-elected components (a new leader gets a new token, so calls meant for the old leader
 * cannot reach it).
 *
 * <p>Obtain one with {@link RpcService#connect(String, Serializable, Class)}; the token is fixed
 * for the gateway's life. Thread-safe.
 *
 * @param <F> type of the fencing token; it must be serializable by the service's registry (a
 * record, an enum, a {@link java.util.UUID}, ...)
 */
public interface FencedRpcGateway<F extends Serializable> extends RpcGateway {

	/**
	 * Returns the fencing token this gateway sends with every message.
	 * @return the fencing token
	 */
	F getFencingToken();

}
