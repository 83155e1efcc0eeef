package org.actorrpc.ha.zookeeper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings of {@link ZooKeeperHighAvailabilityServices}. Build with {@link #builder()}; every
 * value is checked, and a bad one fails with a message naming the setting.
 *
 * @param connectString ZooKeeper servers, {@code host:port[,host:port...]}
 * @param clusterId id of the cluster; all its nodes live under {@code <rootPath>/<clusterId>}, so
 * several clusters can share one ZooKeeper ensemble
 * @param rootPath parent path of all clusters, for example {@code /actorrpc}
 * @param sessionTimeout ZooKeeper session timeout: how long after a process is last heard of (a
 * crash, a partition) its leadership ends; bounds the failover time. The servers clamp it to
 * between 2 and 20 ticks
 * @param connectionTimeout how long an operation waits for a connection before it fails
 * @param retryBaseSleep first wait between retries of a failed operation (exponential backoff)
 * @param maxRetries retries of a failed operation
 * @param tolerateSuspendedConnection whether a leader keeps its leadership while the connection
 * is suspended (lost, but the session may still be alive) and gives it up only once the session
 * is lost; when false, the leadership is revoked on every suspension (see the README for the
 * trade-off)
 * @param digestAuthentication {@code user:password} for ZooKeeper's digest authentication, or
 * null for none; when set, every node is created readable and writable by that user only
 * @param tls TLS to the servers, or null for plain TCP
 */
public record ZooKeeperHaSettings(String connectString, String clusterId, String rootPath, Duration sessionTimeout,
		Duration connectionTimeout, Duration retryBaseSleep, int maxRetries, boolean tolerateSuspendedConnection,
		String digestAuthentication, ZooKeeperTlsSettings tls) {

	private static final Pattern HOST_PORT = Pattern.compile("[^,:/\\s]+:[0-9]{1,5}");

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

	private static final Pattern ROOT = Pattern.compile("(/[A-Za-z0-9._-]+)+");

	/**
	 * Creates and checks the settings; prefer {@link #builder()}.
	 * @param connectString ZooKeeper servers
	 * @param clusterId cluster id
	 * @param rootPath parent path
	 * @param sessionTimeout session timeout
	 * @param connectionTimeout connection timeout
	 * @param retryBaseSleep first retry wait
	 * @param maxRetries retries
	 * @param tolerateSuspendedConnection tolerate suspension
	 * @param digestAuthentication {@code user:password} or null
	 * @param tls TLS settings or null
	 */
	public ZooKeeperHaSettings {
		Objects.requireNonNull(connectString, "connectString");
		String servers = connectString;
		String chroot = null;
		int slash = connectString.indexOf('/');
		if (slash >= 0) {
			servers = connectString.substring(0, slash);
			chroot = connectString.substring(slash);
		}
		for (String server : servers.split(",", -1)) {
			if (!HOST_PORT.matcher(server.trim()).matches()) {
				throw new IllegalArgumentException("Invalid ZooKeeper connectString '" + connectString
						+ "': expected host:port[,host:port...] (for example \"zk1:2181,zk2:2181,zk3:2181\")");
			}
		}
		if (chroot != null && !ROOT.matcher(chroot).matches()) {
			throw new IllegalArgumentException("Invalid chroot in ZooKeeper connectString '" + connectString
					+ "': expected /name[/name...] after the servers; use rootPath instead");
		}
		Objects.requireNonNull(clusterId, "clusterId");
		if (!ID.matcher(clusterId).matches() || clusterId.equals(".") || clusterId.equals("..")) {
			throw new IllegalArgumentException("Invalid ZooKeeper clusterId '" + clusterId
					+ "': use 1 to 128 letters, digits, '.', '_' or '-' (for example \"production-1\")");
		}
		Objects.requireNonNull(rootPath, "rootPath");
		if (!ROOT.matcher(rootPath).matches()) {
			throw new IllegalArgumentException("Invalid ZooKeeper rootPath '" + rootPath
					+ "': expected an absolute path like \"/actorrpc\" (no trailing '/', names of letters, digits, '.', '_', '-')");
		}
		requirePositive(sessionTimeout, "sessionTimeout");
		requirePositive(connectionTimeout, "connectionTimeout");
		requirePositive(retryBaseSleep, "retryBaseSleep");
		if (sessionTimeout.toMillis() > Integer.MAX_VALUE || connectionTimeout.toMillis() > Integer.MAX_VALUE
				|| retryBaseSleep.toMillis() > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("ZooKeeper timeouts must be shorter than 24 days");
		}
		if (maxRetries < 0 || maxRetries > 29) {
			throw new IllegalArgumentException(
					"Invalid ZooKeeper maxRetries " + maxRetries + ": use 0 to 29 (exponential backoff)");
		}
		if (digestAuthentication != null) {
			int colon = digestAuthentication.indexOf(':');
			if (colon <= 0 || colon == digestAuthentication.length() - 1) {
				throw new IllegalArgumentException(
						"Invalid ZooKeeper digestAuthentication: expected \"user:password\" with both parts non-empty");
			}
		}
	}

	private static void requirePositive(Duration value, String name) {
		Objects.requireNonNull(value, name);
		if (value.isNegative() || value.isZero() || value.toMillis() == 0) {
			throw new IllegalArgumentException(
					"Invalid ZooKeeper " + name + " " + value + ": it must be at least 1 ms (for example 15s)");
		}
	}

	/**
	 * Returns the Curator namespace of the cluster: the root path and the cluster id, without the
	 * leading slash.
	 * @return the namespace
	 */
	public String namespace() {
		return this.rootPath.substring(1) + "/" + this.clusterId;
	}

	/**
	 * Returns the digest credentials as ZooKeeper expects them.
	 * @return the {@code user:password} bytes, or null without authentication
	 */
	byte[] digestBytes() {
		return (this.digestAuthentication != null) ? this.digestAuthentication.getBytes(StandardCharsets.UTF_8) : null;
	}

	@Override
	public String toString() {
		// never print the password
		String user = (this.digestAuthentication != null)
				? this.digestAuthentication.substring(0, this.digestAuthentication.indexOf(':')) : null;
		return "ZooKeeperHaSettings[connectString=" + this.connectString + ", clusterId=" + this.clusterId
				+ ", rootPath=" + this.rootPath + ", sessionTimeout=" + this.sessionTimeout + ", connectionTimeout="
				+ this.connectionTimeout + ", retryBaseSleep=" + this.retryBaseSleep + ", maxRetries="
				+ this.maxRetries + ", tolerateSuspendedConnection=" + this.tolerateSuspendedConnection
				+ ", digestUser=" + user + ", tls=" + this.tls + "]";
	}

	/**
	 * Returns a builder with the defaults: cluster id {@code default}, root path
	 * {@code /actorrpc}, session timeout 60 s, connection timeout 15 s, retries 3 starting at
	 * 1 s, suspension not tolerated, no authentication, no TLS.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builder of {@link ZooKeeperHaSettings}. Not thread-safe.
	 */
	public static final class Builder {

		private String connectString;

		private String clusterId = "default";

		private String rootPath = "/actorrpc";

		private Duration sessionTimeout = Duration.ofSeconds(60);

		private Duration connectionTimeout = Duration.ofSeconds(15);

		private Duration retryBaseSleep = Duration.ofSeconds(1);

		private int maxRetries = 3;

		private boolean tolerateSuspendedConnection;

		private String digestAuthentication;

		private ZooKeeperTlsSettings tls;

		private Builder() {
		}

		/**
		 * Sets the servers (required).
		 * @param connectString {@code host:port[,host:port...]}
		 * @return this builder
		 */
		public Builder connectString(String connectString) {
			this.connectString = connectString;
			return this;
		}

		/**
		 * Sets the cluster id.
		 * @param clusterId the id
		 * @return this builder
		 */
		public Builder clusterId(String clusterId) {
			this.clusterId = clusterId;
			return this;
		}

		/**
		 * Sets the parent path of all clusters.
		 * @param rootPath an absolute path
		 * @return this builder
		 */
		public Builder rootPath(String rootPath) {
			this.rootPath = rootPath;
			return this;
		}

		/**
		 * Sets the session timeout.
		 * @param sessionTimeout the timeout
		 * @return this builder
		 */
		public Builder sessionTimeout(Duration sessionTimeout) {
			this.sessionTimeout = sessionTimeout;
			return this;
		}

		/**
		 * Sets the connection timeout.
		 * @param connectionTimeout the timeout
		 * @return this builder
		 */
		public Builder connectionTimeout(Duration connectionTimeout) {
			this.connectionTimeout = connectionTimeout;
			return this;
		}

		/**
		 * Sets the first wait between retries.
		 * @param retryBaseSleep the wait
		 * @return this builder
		 */
		public Builder retryBaseSleep(Duration retryBaseSleep) {
			this.retryBaseSleep = retryBaseSleep;
			return this;
		}

		/**
		 * Sets the number of retries.
		 * @param maxRetries 0 to 29
		 * @return this builder
		 */
		public Builder maxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
			return this;
		}

		/**
		 * Sets whether a suspended connection is tolerated until the session is lost.
		 * @param tolerateSuspendedConnection true to keep leadership while suspended
		 * @return this builder
		 */
		public Builder tolerateSuspendedConnection(boolean tolerateSuspendedConnection) {
			this.tolerateSuspendedConnection = tolerateSuspendedConnection;
			return this;
		}

		/**
		 * Sets digest authentication.
		 * @param digestAuthentication {@code user:password}, or null for none
		 * @return this builder
		 */
		public Builder digestAuthentication(String digestAuthentication) {
			this.digestAuthentication = digestAuthentication;
			return this;
		}

		/**
		 * Sets TLS to the servers.
		 * @param tls the TLS settings, or null for plain TCP
		 * @return this builder
		 */
		public Builder tls(ZooKeeperTlsSettings tls) {
			this.tls = tls;
			return this;
		}

		/**
		 * Builds and checks the settings.
		 * @return the settings
		 * @throws IllegalArgumentException naming the first invalid setting
		 */
		public ZooKeeperHaSettings build() {
			if (this.connectString == null) {
				throw new IllegalArgumentException(
						"ZooKeeper connectString is required (for example \"zk1:2181,zk2:2181,zk3:2181\")");
			}
			return new ZooKeeperHaSettings(this.connectString, this.clusterId, this.rootPath, this.sessionTimeout,
					this.connectionTimeout, this.retryBaseSleep, this.maxRetries, this.tolerateSuspendedConnection,
					this.digestAuthentication, this.tls);
		}

	}

}
