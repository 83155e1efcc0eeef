package org.actorrpc.pekko.internal;

/**
 * Sent by a service to a caller whose connection handshake it dropped because the caller
 * addressed it under another name or host: Artery drops such a handshake without an answer, so
 * without this message the caller would wait for its whole handshake timeout.
 *
 * @param addressedAs the address the caller used ({@code pekko://name@host:port})
 * @param actualAddress the address the service really has
 */
public record AddressMismatch(String addressedAs, String actualAddress) implements RpcWireMessage {

}
