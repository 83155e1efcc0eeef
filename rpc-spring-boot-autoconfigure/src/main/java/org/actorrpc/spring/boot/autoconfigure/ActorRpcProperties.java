package org.actorrpc.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import org.actorrpc.pekko.FlowControlSettings;
import org.actorrpc.pekko.PekkoRpcServiceSettings;

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
	 * Each endpoint's flight recorder: its most recent messages, shown by /actuator/actorrpc and
	 * written to the log when the endpoint fails.
	 */
	private final FlightRecorder flightRecorder = new FlightRecorder();

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

	public FlightRecorder getFlightRecorder() {
		return this.flightRecorder;
	}

	public Map<String, Client> getClients() {
		return this.clients;
	}

	public Ssl getSsl() {
		return this.ssl;
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
	 * Each endpoint's flight recorder.
	 */
	public static class FlightRecorder {

		/**
		 * How many of its most recent messages each endpoint keeps (sequence number, kind,
		 * method, sender, fencing token, times, size, outcome). 0 turns the recorder off; JFR
		 * events are emitted either way while a recording runs.
		 */
		private int size = PekkoRpcServiceSettings.DEFAULT_FLIGHT_RECORDER_SIZE;

		/**
		 * How many of each endpoint's most recent messages /actuator/actorrpc shows, newest
		 * first. 0 leaves them out.
		 */
		private int actuatorMessages = 50;

		public int getSize() {
			return this.size;
		}

		public void setSize(int size) {
			this.size = size;
		}

		public int getActuatorMessages() {
			return this.actuatorMessages;
		}

		public void setActuatorMessages(int actuatorMessages) {
			this.actuatorMessages = actuatorMessages;
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

}
