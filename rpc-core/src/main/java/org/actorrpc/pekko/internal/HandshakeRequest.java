package org.actorrpc.pekko.internal;

import java.util.List;

/**
 * Sent by {@code connect}: the gateway the caller wants, its protocol version and its contract.
 *
 * @param gatewayName fully qualified gateway interface name
 * @param protocolVersion the caller's wire protocol version
 * @param fingerprint the caller's contract fingerprint
 * @param descriptors the caller's contract descriptors, to explain a mismatch
 * @param fenced whether the caller connects with a fencing token
 */
public record HandshakeRequest(String gatewayName, int protocolVersion, long fingerprint, List<String> descriptors,
		boolean fenced) implements RpcWireMessage {

}
