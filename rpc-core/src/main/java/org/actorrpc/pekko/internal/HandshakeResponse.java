package org.actorrpc.pekko.internal;

/**
 * The answer to a {@link HandshakeRequest}.
 *
 * @param code {@link #ACCEPTED}, {@link #REFUSED} (the endpoint exists but rejects the gateway,
 * version or contract) or {@link #NO_ENDPOINT}
 * @param error why not accepted, or {@code null}
 * @param incarnation the answering service's incarnation (see {@link PeerPong#incarnation()})
 */
public record HandshakeResponse(int code, String error, long incarnation) implements RpcWireMessage {

	/** The connection is accepted. */
	public static final int ACCEPTED = 0;

	/** The endpoint refused the handshake. */
	public static final int REFUSED = 1;

	/** No endpoint is registered under the address. */
	public static final int NO_ENDPOINT = 2;

}
