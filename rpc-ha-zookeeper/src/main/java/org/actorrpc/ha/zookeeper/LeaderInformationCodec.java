package org.actorrpc.ha.zookeeper;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.actorrpc.ha.LeaderInformation;

/**
 * The bytes of a leader information node: UTF-8 text {@code actorrpc-leader-v1\n<session id>\n<address>}.
 * Text so that an operator can read it with {@code zkCli.sh get}; versioned so that a later format
 * is recognised rather than misread.
 */
final class LeaderInformationCodec {

	private static final String HEADER = "actorrpc-leader-v1";

	private LeaderInformationCodec() {
	}

	static byte[] encode(LeaderInformation leader) {
		return (HEADER + "\n" + leader.sessionId() + "\n" + leader.address()).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Decodes a node's data.
	 * @param data the bytes
	 * @return the leader information
	 * @throws IllegalArgumentException if the bytes are not leader information of this format
	 */
	static LeaderInformation decode(byte[] data) {
		if (data == null) {
			throw new IllegalArgumentException("The leader information node has no data");
		}
		String[] parts = new String(data, StandardCharsets.UTF_8).split("\n", -1);
		if (parts.length != 3 || !HEADER.equals(parts[0])) {
			throw new IllegalArgumentException("The leader information node does not start with '" + HEADER
					+ "' followed by a session id and an address; another program may have written it");
		}
		try {
			return new LeaderInformation(UUID.fromString(parts[1]), parts[2]);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("The leader information node is malformed: " + ex.getMessage(), ex);
		}
	}

}
