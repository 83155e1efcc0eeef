package org.actorrpc.pekko.internal;

/**
 * Answer to a {@link PeerPing}.
 *
 * @param sequence the probe's number
 * @param address the answering service's address (system@host:port)
 */
public record PeerPong(long sequence, String address) implements RpcWireMessage {

}
