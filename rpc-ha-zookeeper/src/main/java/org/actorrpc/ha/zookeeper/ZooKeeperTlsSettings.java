package org.actorrpc.ha.zookeeper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * TLS between the client and the ZooKeeper servers (the servers must listen with
 * {@code secureClientPort}). Passed to the ZooKeeper client as its {@code zookeeper.ssl.*}
 * configuration, with the Netty client socket that TLS requires. A key store is needed only when
 * the servers require client certificates ({@code ssl.clientAuth=need}, ZooKeeper's default).
 *
 * @param trustStore trust store (PKCS12 or JKS) with the certificate authority of the servers
 * @param trustStorePassword its password
 * @param keyStore key store with the client's certificate and key, or null for none
 * @param keyStorePassword its password, or null when there is no key store
 * @param hostnameVerification whether the servers' certificates must match their host names
 */
public record ZooKeeperTlsSettings(Path trustStore, String trustStorePassword, Path keyStore, String keyStorePassword,
		boolean hostnameVerification) {

	/**
	 * Creates and checks the settings.
	 * @param trustStore the trust store, must exist
	 * @param trustStorePassword its password
	 * @param keyStore the key store, null for none; must exist otherwise
	 * @param keyStorePassword its password, required with a key store
	 * @param hostnameVerification whether host names are verified
	 */
	public ZooKeeperTlsSettings {
		Objects.requireNonNull(trustStore, "trustStore");
		Objects.requireNonNull(trustStorePassword, "trustStorePassword");
		requireReadable(trustStore, "trustStore");
		if (keyStore != null) {
			requireReadable(keyStore, "keyStore");
			if (keyStorePassword == null) {
				throw new IllegalArgumentException(
						"ZooKeeper TLS: keyStorePassword is required when a keyStore (" + keyStore + ") is set");
			}
		}
	}

	private static void requireReadable(Path file, String name) {
		if (!Files.isReadable(file)) {
			throw new IllegalArgumentException(
					"ZooKeeper TLS: " + name + " '" + file + "' does not exist or cannot be read");
		}
	}

	/**
	 * Returns the ZooKeeper client properties these settings stand for.
	 * @return property names and values of ZooKeeper's {@code ZKClientConfig}
	 */
	public Map<String, String> clientProperties() {
		Map<String, String> properties = new java.util.LinkedHashMap<>();
		properties.put("zookeeper.client.secure", "true");
		properties.put("zookeeper.clientCnxnSocket", "org.apache.zookeeper.ClientCnxnSocketNetty");
		properties.put("zookeeper.ssl.trustStore.location", this.trustStore.toString());
		properties.put("zookeeper.ssl.trustStore.password", this.trustStorePassword);
		if (this.keyStore != null) {
			properties.put("zookeeper.ssl.keyStore.location", this.keyStore.toString());
			properties.put("zookeeper.ssl.keyStore.password", this.keyStorePassword);
		}
		properties.put("zookeeper.ssl.hostnameVerification", Boolean.toString(this.hostnameVerification));
		return properties;
	}

	@Override
	public String toString() {
		return "ZooKeeperTlsSettings[trustStore=" + this.trustStore + ", keyStore=" + this.keyStore
				+ ", hostnameVerification=" + this.hostnameVerification + "]";
	}

}
