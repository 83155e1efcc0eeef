package org.actorrpc.pekko.internal;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;

import org.apache.pekko.remote.artery.tcp.SSLEngineProvider;
import scala.Option;

import org.actorrpc.pekko.RpcTlsSettings;

/**
 * Artery TLS engines from a given {@link javax.net.ssl.SSLContext}, with mutual authentication:
 * the server side requires a client certificate trusted by the context.
 */
public final class ContextSslEngineProvider implements SSLEngineProvider {

	private final RpcTlsSettings tls;

	/**
	 * Creates the provider.
	 * @param tls the TLS settings
	 */
	public ContextSslEngineProvider(RpcTlsSettings tls) {
		this.tls = tls;
	}

	@Override
	public SSLEngine createServerSSLEngine(String hostname, int port) {
		SSLEngine engine = create(hostname, port);
		engine.setUseClientMode(false);
		engine.setNeedClientAuth(true);
		return engine;
	}

	@Override
	public SSLEngine createClientSSLEngine(String hostname, int port) {
		SSLEngine engine = create(hostname, port);
		engine.setUseClientMode(true);
		return engine;
	}

	@Override
	public Option<Throwable> verifyClientSession(String hostname, SSLSession session) {
		return Option.apply(null);
	}

	@Override
	public Option<Throwable> verifyServerSession(String hostname, SSLSession session) {
		return Option.apply(null);
	}

	private SSLEngine create(String hostname, int port) {
		SSLEngine engine = this.tls.sslContext().createSSLEngine(hostname, port);
		if (!this.tls.protocols().isEmpty()) {
			engine.setEnabledProtocols(this.tls.protocols().toArray(String[]::new));
		}
		if (!this.tls.cipherSuites().isEmpty()) {
			engine.setEnabledCipherSuites(this.tls.cipherSuites().toArray(String[]::new));
		}
		return engine;
	}

}
