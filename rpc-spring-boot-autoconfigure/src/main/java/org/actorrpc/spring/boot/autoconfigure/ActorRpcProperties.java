package org.actorrpc.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import org.actorrpc.pekko.FlowControlSettings;

/**
 * Configuration properties of the actorrpc node: its RPC service, the clients it calls, TLS and
 * raw Pekko settings. Bound from {@code actorrpc.*}; mapped onto
 * {@link org.actorrpc.pekko.PekkoRpcServiceSettings} by {@link RpcServiceSettingsFactory}.
 *
 * <p>Not thread-safe: written by the binder at startup, read-only afterwards.
 */
@ConfigurationProperties("actorrpc")
public class ActorRpcProperties {

	/**
	 * Whether to auto-configure the actor system, the RPC service, endpoints and clients.
	 */
	private boolean enabled = true;

	/**
	 * Name of the actor system; part of every endpoint address
	 * (pekko://system-name@host:port/user/rpc/endpoint-id). Defaults to spring.application.name
	 * when that is a valid name, else "actorrpc".
	 */
	private String systemName;

	/**
	 * Host name or IP address other nodes reach this node at.
	 */
	private String host = "127.0.0.1";

	/**
	 * Port other nodes reach this node at. 0 picks a free port (tests); clients then need the
	 * actual port, see RpcService#getPort().
	 */
	private int port = 0;

	/**
	 * Address to bind to, when it differs from the advertised host (behind NAT or in a
	 * container). Defaults to the host.
	 */
	private String bindAddress;

	/**
	 * Port to bind to, when it differs from the advertised port. Defaults to the port.
	 */
	private Integer bindPort;

	/**
	 * Timeout of calls whose gateway method has no @RpcTimeout parameter, and of connect
	 * handshakes.
	 */
	private Duration askTimeout = Duration.ofSeconds(10);

	/**
	 * Largest serialized request or response. Larger ones fail at once on the side that produced
	 * them, with an error naming the method, the size and this limit.
	 */
	private DataSize maxFrameSize = DataSize.ofMegabytes(10);

	/**
	 * Whether calls capture the caller's stack so that a timeout shows where the call was made.
	 * Costs a stack walk per call.
	 */
	private boolean captureCallStack = false;

	/**
	 * Whether an unknown or misspelt actorrpc.* property (actorrpc.ask-timout) stops startup.
	 * When false, each one is logged as a WARN instead. Either way the report names the nearest
	 * valid property. Environment variables are not checked.
	 */
	private boolean failOnUnknownProperties = true;

	/**
	 * Serialization settings.
	 */
	private final Serialization serialization = new Serialization();

	/**
	 * Detection of unreachable remote nodes.
	 */
	private final Peer peer = new Peer();

	/**
	 * Flow control: how much one node may have in flight to one remote endpoint, how many calls
	 * an endpoint queues, and how long a caller waits at a limit.
	 */
	private final FlowControl flowControl = new FlowControl();

	/**
	 * Shutdown settings.
	 */
	private final Shutdown shutdown = new Shutdown();

	/**
	 * Clients by name, as referenced by @RpcClient("name"). The "default" entry supplies the
	 * values a named client does not set.
	 */
	private final Map<String, Client> clients = new LinkedHashMap<>();

	/**
	 * Transport security.
	 */
	private final Ssl ssl = new Ssl();

	/**
	 * High availability: leader election of leader-elected endpoints and leader retrieval of
	 * clients that follow a leader.
	 */
	private final Ha ha = new Ha();

	/**
	 * Raw Pekko configuration, relative to the "pekko" root (for example
	 * "remote.artery.advanced.outbound-message-queue-size"). Overrides what the other settings
	 * generate.
	 */
	private final Map<String, String> pekko = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getSystemName() {
		return this.systemName;
	}

	public void setSystemName(String systemName) {
		this.systemName = systemName;
	}

	public String getHost() {
		return this.host;
	}

	public void setHost(String host) {
		this.host = host;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		this.port = port;
	}

	public String getBindAddress() {
		return this.bindAddress;
	}

	public void setBindAddress(String bindAddress) {
		this.bindAddress = bindAddress;
	}

	public Integer getBindPort() {
		return this.bindPort;
	}

	public void setBindPort(Integer bindPort) {
		this.bindPort = bindPort;
	}

	public Duration getAskTimeout() {
		return this.askTimeout;
	}

	public void setAskTimeout(Duration askTimeout) {
		this.askTimeout = askTimeout;
	}

	public DataSize getMaxFrameSize() {
		return this.maxFrameSize;
	}

	public void setMaxFrameSize(DataSize maxFrameSize) {
		this.maxFrameSize = maxFrameSize;
	}

	public boolean isCaptureCallStack() {
		return this.captureCallStack;
	}

	public void setCaptureCallStack(boolean captureCallStack) {
		this.captureCallStack = captureCallStack;
	}

	public boolean isFailOnUnknownProperties() {
		return this.failOnUnknownProperties;
	}

	public void setFailOnUnknownProperties(boolean failOnUnknownProperties) {
		this.failOnUnknownProperties = failOnUnknownProperties;
	}

	public Serialization getSerialization() {
		return this.serialization;
	}

	public Peer getPeer() {
		return this.peer;
	}

	public FlowControl getFlowControl() {
		return this.flowControl;
	}

	public Shutdown getShutdown() {
		return this.shutdown;
	}

	public Map<String, Client> getClients() {
		return this.clients;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public Ha getHa() {
		return this.ha;
	}

	public Map<String, String> getPekko() {
		return this.pekko;
	}

	/**
	 * Serialization settings.
	 */
	public static class Serialization {

		/**
		 * Comma-separated list of classes added to every gateway's serialization registry:
		 * subtypes that cannot be derived from the gateway interfaces (implementations of an
		 * interface parameter, for example). Both sides of a connection must list the same
		 * classes.
		 */
		private List<Class<?>> extraClasses = new ArrayList<>();

		/**
		 * Whether local calls serialize their arguments and results as remote calls do. A test
		 * setting that catches unserializable types early.
		 */
		private boolean forceLocal = false;

		public List<Class<?>> getExtraClasses() {
			return this.extraClasses;
		}

		public void setExtraClasses(List<Class<?>> extraClasses) {
			this.extraClasses = extraClasses;
		}

		public boolean isForceLocal() {
			return this.forceLocal;
		}

		public void setForceLocal(boolean forceLocal) {
			this.forceLocal = forceLocal;
		}

	}

	/**
	 * Detection of unreachable remote nodes.
	 */
	public static class Peer {

		/**
		 * How often a remote node with calls in flight is probed.
		 */
		private Duration heartbeatInterval = Duration.ofMillis(200);

		/**
		 * How long a probed node may stay silent before its in-flight calls fail with a
		 * RecipientUnreachableException. Must be longer than the heartbeat interval.
		 */
		private Duration unreachableAfter = Duration.ofMillis(1200);

		public Duration getHeartbeatInterval() {
			return this.heartbeatInterval;
		}

		public void setHeartbeatInterval(Duration heartbeatInterval) {
			this.heartbeatInterval = heartbeatInterval;
		}

		public Duration getUnreachableAfter() {
			return this.unreachableAfter;
		}

		public void setUnreachableAfter(Duration unreachableAfter) {
			this.unreachableAfter = unreachableAfter;
		}

	}

	/**
	 * Flow control. Every message is delivered once and in order or its sender learns it was not;
	 * these limits keep memory bounded on both sides while doing so.
	 */
	public static class FlowControl {

		/**
		 * Messages this node may have in flight to one remote endpoint (sent, not yet taken by
		 * the endpoint's main thread). Configure it alike on both sides.
		 */
		private int windowMessages = FlowControlSettings.DEFAULT_WINDOW_MESSAGES;

		/**
		 * Payload bytes this node may have in flight to one remote endpoint. A single larger
		 * message is still sent when nothing else is in flight.
		 */
		private DataSize windowSize = DataSize.ofBytes(FlowControlSettings.DEFAULT_WINDOW_BYTES);

		/**
		 * Gateway calls an endpoint queues before it refuses more (its own tasks and lifecycle
		 * messages are never refused).
		 */
		private int mailboxCapacity = FlowControlSettings.DEFAULT_MAILBOX_CAPACITY;

		/**
		 * Mailbox capacity per endpoint id, overriding mailbox-capacity.
		 */
		private final Map<String, Integer> mailboxCapacities = new LinkedHashMap<>();

		/**
		 * How long a calling thread waits for capacity at a limit before its call fails with an
		 * error naming the limit. 0 fails at once. Endpoint main threads never wait.
		 */
		private Duration overflowTimeout = FlowControlSettings.DEFAULT_OVERFLOW_TIMEOUT;

		public int getWindowMessages() {
			return this.windowMessages;
		}

		public void setWindowMessages(int windowMessages) {
			this.windowMessages = windowMessages;
		}

		public DataSize getWindowSize() {
			return this.windowSize;
		}

		public void setWindowSize(DataSize windowSize) {
			this.windowSize = windowSize;
		}

		public int getMailboxCapacity() {
			return this.mailboxCapacity;
		}

		public void setMailboxCapacity(int mailboxCapacity) {
			this.mailboxCapacity = mailboxCapacity;
		}

		public Map<String, Integer> getMailboxCapacities() {
			return this.mailboxCapacities;
		}

		public Duration getOverflowTimeout() {
			return this.overflowTimeout;
		}

		public void setOverflowTimeout(Duration overflowTimeout) {
			this.overflowTimeout = overflowTimeout;
		}

	}

	/**
	 * Shutdown settings.
	 */
	public static class Shutdown {

		/**
		 * How long closing the application context waits for the endpoints' onStop futures, and
		 * then for the RPC service and the actor system to terminate. An endpoint still stopping
		 * after this time is abandoned with a warning.
		 */
		private Duration gracePeriod = Duration.ofSeconds(30);

		public Duration getGracePeriod() {
			return this.gracePeriod;
		}

		public void setGracePeriod(Duration gracePeriod) {
			this.gracePeriod = gracePeriod;
		}

	}

	/**
	 * One client: where its endpoint is and how long to wait for it.
	 */
	public static class Client {

		/**
		 * Address of the endpoint, for example
		 * "pekko://jobmaster@127.0.0.1:6123/user/rpc/jobmaster", or "local:endpoint-id" for an
		 * endpoint of this application (useful in tests with port 0). Taken from the "default"
		 * entry when not set.
		 */
		private String address;

		/**
		 * Timeout of calls through this client (methods without an @RpcTimeout argument),
		 * and the bound of each connect attempt; a call that times out fails with an error
		 * naming this property. Taken from the "default" entry when not set, else 10 seconds.
		 */
		private Duration timeout;

		/**
		 * Delay before the first reconnect attempt after a failed connect; it doubles after
		 * every further failed attempt, up to max-backoff. Calls fail at once until an attempt
		 * succeeds. Taken from the "default" entry when not set, else 200 milliseconds.
		 */
		private Duration initialBackoff;

		/**
		 * Longest delay between two reconnect attempts. Taken from the "default" entry when not
		 * set, else 3 seconds.
		 */
		private Duration maxBackoff;

		/**
		 * Id of a leader-elected endpoint whose current leader this client calls, instead of a
		 * fixed address: address and fencing token (the leader session id) come from leader
		 * retrieval and are renewed on every change. Only for fenced gateways
		 * (FencedRpcGateway<UUID>); excludes "address". While there is no leader, calls fail at
		 * once with "no leader for '<name>'".
		 */
		private String followLeader;

		public String getAddress() {
			return this.address;
		}

		public void setAddress(String address) {
			this.address = address;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public String getFollowLeader() {
			return this.followLeader;
		}

		public void setFollowLeader(String followLeader) {
			this.followLeader = followLeader;
		}

	}

	/**
	 * Transport security.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) holding this node's key and the trusted
		 * certificates. Enables mutual TLS: peers without a trusted certificate cannot connect.
		 */
		private String bundle;

		public String getBundle() {
			return this.bundle;
		}

		public void setBundle(String bundle) {
			this.bundle = bundle;
		}

	}

	/**
	 * High availability.
	 */
	public static class Ha {

		/**
		 * Where leader election and leader retrieval run: "none" (standalone: every leader-elected
		 * endpoint leads at once with the all-zero session id, no failover) or "zookeeper"
		 * (Apache ZooKeeper through Curator; needs org.actorrpc:rpc-ha-zookeeper on the class
		 * path).
		 */
		private Mode mode = Mode.NONE;

		/**
		 * ZooKeeper settings, used when mode is "zookeeper".
		 */
		private final ZooKeeper zookeeper = new ZooKeeper();

		/**
		 * Standalone settings, used when mode is "none".
		 */
		private final Standalone standalone = new Standalone();

		public Mode getMode() {
			return this.mode;
		}

		public void setMode(Mode mode) {
			this.mode = mode;
		}

		public ZooKeeper getZookeeper() {
			return this.zookeeper;
		}

		public Standalone getStandalone() {
			return this.standalone;
		}

		/**
		 * Where high availability runs.
		 */
		public enum Mode {

			/** Standalone: one fixed leader per component, nothing to run. */
			NONE,

			/** Apache ZooKeeper through Apache Curator. */
			ZOOKEEPER

		}

		/**
		 * Standalone high availability.
		 */
		public static class Standalone {

			/**
			 * Fixed leader addresses of components that run in other processes, by endpoint id,
			 * for clients that follow a leader ("follow-leader"); the fencing token is the all-zero
			 * session id. Leader-elected endpoints of this application need no entry.
			 */
			private final Map<String, String> leaderAddresses = new LinkedHashMap<>();

			public Map<String, String> getLeaderAddresses() {
				return this.leaderAddresses;
			}

		}

		/**
		 * ZooKeeper connection and election settings.
		 */
		public static class ZooKeeper {

			/**
			 * ZooKeeper servers, "host:port[,host:port...]" (for example
			 * "zk1:2181,zk2:2181,zk3:2181"). Required when mode is "zookeeper".
			 */
			private String connectString;

			/**
			 * Id of the cluster: all its nodes live under root-path/cluster-id, so several
			 * clusters can share one ensemble. Processes that contend for or follow the same
			 * leaders must use the same id.
			 */
			private String clusterId = "default";

			/**
			 * Parent path of all clusters in ZooKeeper.
			 */
			private String rootPath = "/actorrpc";

			/**
			 * ZooKeeper session timeout: how long after a process was last heard of (a crash, a
			 * partition) its leadership ends. Bounds the failover time. The servers clamp it to
			 * between 2 and 20 of their ticks.
			 */
			private Duration sessionTimeout = Duration.ofSeconds(60);

			/**
			 * How long an operation waits for a connection to ZooKeeper before it fails.
			 */
			private Duration connectionTimeout = Duration.ofSeconds(15);

			/**
			 * First wait between retries of a failed ZooKeeper operation; it doubles after every
			 * retry (exponential back-off).
			 */
			private Duration retryBaseSleep = Duration.ofSeconds(1);

			/**
			 * Retries of a failed ZooKeeper operation (0 to 29).
			 */
			private int maxRetries = 3;

			/**
			 * Whether a leader keeps its leadership while the connection is suspended (lost, but
			 * the session may still be alive) and gives it up only once the session is lost. When
			 * false, leadership is revoked on every suspension: safer against a partitioned
			 * leader, but a short network glitch or a ZooKeeper server restart causes a failover.
			 */
			private boolean tolerateSuspended = false;

			/**
			 * Credentials "user:password" for ZooKeeper's digest authentication; every node is
			 * then created readable and writable by that user only. None when not set.
			 */
			private String digestAuthentication;

			/**
			 * TLS to the ZooKeeper servers (they must listen with secureClientPort).
			 */
			private final Tls tls = new Tls();

			public String getConnectString() {
				return this.connectString;
			}

			public void setConnectString(String connectString) {
				this.connectString = connectString;
			}

			public String getClusterId() {
				return this.clusterId;
			}

			public void setClusterId(String clusterId) {
				this.clusterId = clusterId;
			}

			public String getRootPath() {
				return this.rootPath;
			}

			public void setRootPath(String rootPath) {
				this.rootPath = rootPath;
			}

			public Duration getSessionTimeout() {
				return this.sessionTimeout;
			}

			public void setSessionTimeout(Duration sessionTimeout) {
				this.sessionTimeout = sessionTimeout;
			}

			public Duration getConnectionTimeout() {
				return this.connectionTimeout;
			}

			public void setConnectionTimeout(Duration connectionTimeout) {
				this.connectionTimeout = connectionTimeout;
			}

			public Duration getRetryBaseSleep() {
				return this.retryBaseSleep;
			}

			public void setRetryBaseSleep(Duration retryBaseSleep) {
				this.retryBaseSleep = retryBaseSleep;
			}

			public int getMaxRetries() {
				return this.maxRetries;
			}

			public void setMaxRetries(int maxRetries) {
				this.maxRetries = maxRetries;
			}

			public boolean isTolerateSuspended() {
				return this.tolerateSuspended;
			}

			public void setTolerateSuspended(boolean tolerateSuspended) {
				this.tolerateSuspended = tolerateSuspended;
			}

			public String getDigestAuthentication() {
				return this.digestAuthentication;
			}

			public void setDigestAuthentication(String digestAuthentication) {
				this.digestAuthentication = digestAuthentication;
			}

			public Tls getTls() {
				return this.tls;
			}

		}

		/**
		 * TLS to the ZooKeeper servers; on when a trust store is set.
		 */
		public static class Tls {

			/**
			 * Trust store (PKCS12 or JKS) with the certificate authority of the ZooKeeper
			 * servers. Setting it turns TLS on.
			 */
			private String trustStore;

			/**
			 * Password of the trust store.
			 */
			private String trustStorePassword;

			/**
			 * Key store with this client's certificate and key, needed when the servers require
			 * client certificates (ZooKeeper's default, ssl.clientAuth=need).
			 */
			private String keyStore;

			/**
			 * Password of the key store.
			 */
			private String keyStorePassword;

			/**
			 * Whether the servers' certificates must match their host names.
			 */
			private boolean hostnameVerification = true;

			public String getTrustStore() {
				return this.trustStore;
			}

			public void setTrustStore(String trustStore) {
				this.trustStore = trustStore;
			}

			public String getTrustStorePassword() {
				return this.trustStorePassword;
			}

			public void setTrustStorePassword(String trustStorePassword) {
				this.trustStorePassword = trustStorePassword;
			}

			public String getKeyStore() {
				return this.keyStore;
			}

			public void setKeyStore(String keyStore) {
				this.keyStore = keyStore;
			}

			public String getKeyStorePassword() {
				return this.keyStorePassword;
			}

			public void setKeyStorePassword(String keyStorePassword) {
				this.keyStorePassword = keyStorePassword;
			}

			public boolean isHostnameVerification() {
				return this.hostnameVerification;
			}

			public void setHostnameVerification(boolean hostnameVerification) {
				this.hostnameVerification = hostnameVerification;
			}

		}

	}

}
