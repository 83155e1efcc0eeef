package org.actorrpc.pekko.internal;

/**
 * Liveness probe sent to a remote service while calls or messages to it are in flight, or while it
 * is unreachable and someone wants to reach it.
 *
 * @param sequence probe number
 */
public record PeerPing(long sequence) implements RpcWireMessage {

}
