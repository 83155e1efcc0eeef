package org.actorrpc.spring.boot.autoconfigure.ha;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.actorrpc.ha.zookeeper.ZooKeeperHaSettings;
import org.actorrpc.ha.zookeeper.ZooKeeperTlsSettings;
import org.actorrpc.spring.boot.autoconfigure.ActorRpcProperties;
import org.actorrpc.spring.boot.autoconfigure.InvalidActorRpcPropertyException;

import org.springframework.util.StringUtils;

/**
 * Maps {@code actorrpc.ha.zookeeper.*} onto {@link ZooKeeperHaSettings}; a value the settings
 * refuse is reported naming its property. Only loaded when rpc-ha-zookeeper is on the class path.
 * Stateless.
 */
final class ZooKeeperHaSettingsFactory {

	private static final String PREFIX = "actorrpc.ha.zookeeper.";

	/** Settings names as rpc-ha-zookeeper's messages spell them, to the property they come from. */
	private static final Map<String, String> PROPERTIES = Map.of("connectstring", "connect-string", "clusterid",
			"cluster-id", "rootpath", "root-path", "sessiontimeout", "session-timeout", "connectiontimeout",
			"connection-timeout", "retrybasesleep", "retry-base-sleep", "maxretries", "max-retries",
			"digestauthentication", "digest-authentication");

	private ZooKeeperHaSettingsFactory() {
	}

	static ZooKeeperHaSettings create(ActorRpcProperties.Ha.ZooKeeper zookeeper) {
		if (!StringUtils.hasText(zookeeper.getConnectString())) {
			throw new InvalidActorRpcPropertyException(PREFIX + "connect-string", zookeeper.getConnectString(),
					"actorrpc.ha.mode=zookeeper needs the ZooKeeper servers",
					"Set " + PREFIX + "connect-string to host:port[,host:port...], for example "
							+ "zk1:2181,zk2:2181,zk3:2181.");
		}
		ZooKeeperTlsSettings tls = tls(zookeeper.getTls());
		try {
			return ZooKeeperHaSettings.builder()
				.connectString(zookeeper.getConnectString().trim())
				.clusterId(zookeeper.getClusterId())
				.rootPath(zookeeper.getRootPath())
				.sessionTimeout(zookeeper.getSessionTimeout())
				.connectionTimeout(zookeeper.getConnectionTimeout())
				.retryBaseSleep(zookeeper.getRetryBaseSleep())
				.maxRetries(zookeeper.getMaxRetries())
				.tolerateSuspendedConnection(zookeeper.isTolerateSuspended())
				.digestAuthentication(StringUtils.hasText(zookeeper.getDigestAuthentication())
						? zookeeper.getDigestAuthentication() : null)
				.tls(tls)
				.build();
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			String property = propertyOf(ex.getMessage());
			Object value = (property != null) ? valueOf(zookeeper, property) : null;
			throw new InvalidActorRpcPropertyException((property != null) ? PREFIX + property : "actorrpc.ha.zookeeper",
					"digest-authentication".equals(property) ? "******" : value, ex.getMessage(),
					"Correct " + ((property != null) ? PREFIX + property : "the actorrpc.ha.zookeeper settings") + ".",
					ex);
		}
	}

	private static ZooKeeperTlsSettings tls(ActorRpcProperties.Ha.Tls tls) {
		if (!StringUtils.hasText(tls.getTrustStore())) {
			if (StringUtils.hasText(tls.getKeyStore())) {
				throw new InvalidActorRpcPropertyException(PREFIX + "tls.key-store", tls.getKeyStore(),
						"TLS to ZooKeeper is on only with a trust store",
						"Set " + PREFIX + "tls.trust-store (and tls.trust-store-password) too.");
			}
			return null;
		}
		if (tls.getTrustStorePassword() == null) {
			throw new InvalidActorRpcPropertyException(PREFIX + "tls.trust-store-password", null,
					"the trust store " + tls.getTrustStore() + " needs its password",
					"Set " + PREFIX + "tls.trust-store-password.");
		}
		try {
			return new ZooKeeperTlsSettings(Path.of(tls.getTrustStore()), tls.getTrustStorePassword(),
					StringUtils.hasText(tls.getKeyStore()) ? Path.of(tls.getKeyStore()) : null, tls.getKeyStorePassword(),
					tls.isHostnameVerification());
		}
		catch (IllegalArgumentException ex) {
			String message = ex.getMessage();
			String property = message.contains("keyStorePassword") ? "tls.key-store-password"
					: message.contains("keyStore") ? "tls.key-store" : "tls.trust-store";
			throw new InvalidActorRpcPropertyException(PREFIX + property,
					property.endsWith("password") ? null : message, message, "Correct " + PREFIX + property + ".", ex);
		}
	}

	private static String propertyOf(String message) {
		if (message == null) {
			return null;
		}
		String normalized = message.replace(" ", "").toLowerCase(Locale.ROOT);
		for (Map.Entry<String, String> entry : PROPERTIES.entrySet()) {
			if (normalized.contains(entry.getKey()) && !normalized.contains("chroot")) {
				return entry.getValue();
			}
		}
		return normalized.contains("chroot") ? "connect-string" : null;
	}

	private static Object valueOf(ActorRpcProperties.Ha.ZooKeeper zookeeper, String property) {
		return switch (property) {
			case "connect-string" -> zookeeper.getConnectString();
			case "cluster-id" -> zookeeper.getClusterId();
			case "root-path" -> zookeeper.getRootPath();
			case "session-timeout" -> zookeeper.getSessionTimeout();
			case "connection-timeout" -> zookeeper.getConnectionTimeout();
			case "retry-base-sleep" -> zookeeper.getRetryBaseSleep();
			case "max-retries" -> zookeeper.getMaxRetries();
			default -> null;
		};
	}

}
