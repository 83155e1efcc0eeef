package org.actorrpc.pekko.internal;

/**
 * Liveness probe sent to a remote service while calls to it are in flight.
 *
 * @param sequence probe number
 */
public record PeerPing(long sequence) implements RpcWireMessage {

}
