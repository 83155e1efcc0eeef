package org.actorrpc.pekko.internal;

/**
 * Answer to a {@link PeerPing}.
 *
 * @param sequence the probe's number
 * @param address the answering service's address (system@host:port)
 * @param incarnation the answering service's incarnation: a new one means it restarted
 */
public record PeerPong(long sequence, String address, long incarnation) implements RpcWireMessage {

}
