package org.actorrpc.pekko;

import java.util.List;
import java.util.Objects;

import javax.net.ssl.SSLContext;

/**
 * Mutual TLS for the RPC transport. Both sides present a certificate and verify the other's
 * against the trust material of the given {@link SSLContext}; a peer without a trusted certificate
 * cannot connect, let alone invoke anything.
 *
 * @param sslContext context holding this node's key and the trusted certificates
 * @param protocols enabled protocols (for example {@code TLSv1.3}); empty for the JDK defaults
 * @param cipherSuites enabled cipher suites; empty for the JDK defaults
 */
public record RpcTlsSettings(SSLContext sslContext, List<String> protocols, List<String> cipherSuites) {

	/**
	 * Validates the settings.
	 */
	public RpcTlsSettings {
		Objects.requireNonNull(sslContext, "sslContext");
		protocols = List.copyOf(protocols);
		cipherSuites = List.copyOf(cipherSuites);
	}

	/**
	 * Mutual TLS with the JDK's default protocols and cipher suites.
	 * @param sslContext context holding this node's key and the trusted certificates
	 * @return the settings
	 */
	public static RpcTlsSettings of(SSLContext sslContext) {
		return new RpcTlsSettings(sslContext, List.of(), List.of());
	}

}
