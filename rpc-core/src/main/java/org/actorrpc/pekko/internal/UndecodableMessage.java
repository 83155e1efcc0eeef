package org.actorrpc.pekko.internal;

/**
 * What the serializer delivers in place of an inbound message it could not decode and cannot
 * answer (a truncated header, a corrupt handshake, ping or pong, an unknown manifest): throwing
 * instead would make Pekko log every such message, and a fatal error would fail the inbound
 * stream that other messages share. The recipient does not handle it, so it is dropped; the
 * failure is already counted and logged by {@link InboundDecodeFailures}.
 *
 * @param manifest the manifest the message arrived with
 * @param reason why it could not be decoded
 */
record UndecodableMessage(String manifest, String reason) {
}
