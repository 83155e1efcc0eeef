package org.actorrpc.pekko;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import org.actorrpc.RpcObserver;
import org.actorrpc.journal.JournalSettings;

/**
 * Immutable settings of a {@link PekkoRpcService}. Create with {@link #builder()}; every setting
 * has a default that suits a control plane on one host.
 *
 * @param systemName name of the actor system; part of every endpoint address
 * @param host host or IP address other services use to reach this one
 * @param port port other services use to reach this one; 0 picks a free port
 * @param bindAddress address to bind to, or {@code null} to bind to {@code host}
 * @param bindPort port to bind to, or {@code null} to bind to {@code port}
 * @param askTimeout timeout of calls whose gateway method has no {@code @RpcTimeout} parameter,
 * and of connect handshakes
 * @param maxFrameSize largest serialized request or response, in bytes; larger ones fail at once
 * on the side that produced them, naming the method, the size and this limit
 * @param forceLocalSerialization whether local calls serialize their arguments and results as
 * remote calls do (a test setting that catches unserializable types early)
 * @param captureCallStack whether calls capture the caller's stack so that a timeout shows where
 * the call was made (costs a stack walk per call)
 * @param flightRecorderSize how many of its most recent messages each endpoint's flight recorder
 * keeps ({@link org.actorrpc.RpcEndpointView#getRecentMessages()}, and the log when the endpoint
 * fails); 0 turns the recorder off
 * @param extraSerializableClasses classes added to every gateway's serialization registry, for
 * subtypes that cannot be derived from the gateway interfaces (implementations of an interface
 * parameter, for example)
 * @param peerHeartbeatInterval how often a remote service with calls in flight is probed
 * @param peerUnreachableAfter how long a probed service may stay silent before its in-flight
 * calls fail with a RecipientUnreachableException. Silence is measured on this service's own
 * clock in probe rounds: the peer must also have missed
 * {@code ceil(peerUnreachableAfter / peerHeartbeatInterval)} (at least 2) consecutive probes, and a
 * probe round in which this service itself ran more than one interval late (starved of CPU,
 * paused) counts as one interval only, so a stalled prober does not blame its peers. A peer that
 * falls silent is declared unreachable within this bound plus two heartbeat intervals of the
 * prober's running time
 * @param shutdownTimeout how long closing the service waits for endpoints to stop before it
 * terminates the transport anyway
 * @param flowControl windows, mailbox capacities and the policy at a limit (see
 * {@link FlowControlSettings})
 * @param tls mutual TLS for the transport, or {@code null} for plain TCP
 * @param observer receives call and endpoint events (metrics, tracing)
 * @param pekkoConfig raw Pekko configuration that overrides what these settings generate; for example a larger
 * {@code pekko.remote.artery.advanced.outbound-message-queue-size} (generated: 1,365, a queue of 2,048 messages, as the
 * queue rounds up to a power of two: two windows of the default {@link FlowControlSettings}, preallocated per
 * connection) for larger windows
 * @param journal which endpoints keep a message journal, and where (see {@link JournalSettings});
 * off by default
 */
public record PekkoRpcServiceSettings(String systemName, String host, int port, String bindAddress, Integer bindPort,
		Duration askTimeout, long maxFrameSize, boolean forceLocalSerialization, boolean captureCallStack,
		int flightRecorderSize, List<Class<?>> extraSerializableClasses, Duration peerHeartbeatInterval,
		Duration peerUnreachableAfter, Duration shutdownTimeout, FlowControlSettings flowControl, RpcTlsSettings tls,
		RpcObserver observer, Config pekkoConfig, JournalSettings journal) {

	/** Default ask timeout: 10 seconds, as Flink's {@code pekko.ask.timeout}. */
	public static final Duration DEFAULT_ASK_TIMEOUT = Duration.ofSeconds(10);

	/** Default maximum frame size: 10 MiB, as Flink's {@code pekko.framesize}. */
	public static final long DEFAULT_MAX_FRAME_SIZE = 10L * 1024 * 1024;

	/** Default flight recorder size: each endpoint keeps its 256 most recent messages. */
	public static final int DEFAULT_FLIGHT_RECORDER_SIZE = 256;

	/** Largest flight recorder size: 65536 messages per endpoint. */
	public static final int MAX_FLIGHT_RECORDER_SIZE = 65536;

	/**
	 * Validates the settings.
	 * @throws IllegalArgumentException naming the invalid setting
	 */
	public PekkoRpcServiceSettings {
		requireText(systemName, "systemName");
		if (!systemName.matches("[a-zA-Z0-9][a-zA-Z0-9_-]*")) {
			throw new IllegalArgumentException("systemName '" + systemName
					+ "' is invalid: use letters, digits, '-' and '_' only, starting with a letter or digit");
		}
		requireText(host, "host");
		requirePort(port, "port");
		if (bindPort != null) {
			requirePort(bindPort, "bindPort");
		}
		requirePositive(askTimeout, "askTimeout");
		if (maxFrameSize < 1024) {
			throw new IllegalArgumentException("maxFrameSize must be at least 1024 bytes but was " + maxFrameSize);
		}
		if (flightRecorderSize < 0 || flightRecorderSize > MAX_FLIGHT_RECORDER_SIZE) {
			throw new IllegalArgumentException("flightRecorderSize must be between 0 (off) and "
					+ MAX_FLIGHT_RECORDER_SIZE + " messages but was " + flightRecorderSize);
		}
		extraSerializableClasses = List.copyOf(Objects.requireNonNull(extraSerializableClasses,
				"extraSerializableClasses"));
		requirePositive(peerHeartbeatInterval, "peerHeartbeatInterval");
		requirePositive(peerUnreachableAfter, "peerUnreachableAfter");
		if (peerUnreachableAfter.compareTo(peerHeartbeatInterval) <= 0) {
			throw new IllegalArgumentException("peerUnreachableAfter (" + peerUnreachableAfter
					+ ") must be longer than peerHeartbeatInterval (" + peerHeartbeatInterval + ")");
		}
		requirePositive(shutdownTimeout, "shutdownTimeout");
		flowControl = (flowControl != null) ? flowControl : FlowControlSettings.defaults();
		observer = (observer != null) ? observer : RpcObserver.NOOP;
		pekkoConfig = (pekkoConfig != null) ? pekkoConfig : ConfigFactory.empty();
		journal = (journal != null) ? journal : JournalSettings.disabled();
	}

	/**
	 * Returns a builder with every setting at its default.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the default settings: system {@code actorrpc} on 127.0.0.1, any free port.
	 * @return the defaults
	 */
	public static PekkoRpcServiceSettings defaults() {
		return builder().build();
	}

	/**
	 * Returns a builder initialised with these settings.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		Builder b = new Builder();
		b.systemName = this.systemName;
		b.host = this.host;
		b.port = this.port;
		b.bindAddress = this.bindAddress;
		b.bindPort = this.bindPort;
		b.askTimeout = this.askTimeout;
		b.maxFrameSize = this.maxFrameSize;
		b.forceLocalSerialization = this.forceLocalSerialization;
		b.captureCallStack = this.captureCallStack;
		b.flightRecorderSize = this.flightRecorderSize;
		b.extraSerializableClasses = new ArrayList<>(this.extraSerializableClasses);
		b.peerHeartbeatInterval = this.peerHeartbeatInterval;
		b.peerUnreachableAfter = this.peerUnreachableAfter;
		b.shutdownTimeout = this.shutdownTimeout;
		b.flowControl = this.flowControl;
		b.tls = this.tls;
		b.observer = this.observer;
		b.pekkoConfig = this.pekkoConfig;
		b.journal = this.journal;
		return b;
	}

	/**
	 * Returns the address the transport binds to.
	 * @return the bind address
	 */
	public String effectiveBindAddress() {
		return (this.bindAddress != null) ? this.bindAddress : this.host;
	}

	/**
	 * Returns the port the transport binds to.
	 * @return the bind port
	 */
	public int effectiveBindPort() {
		return (this.bindPort != null) ? this.bindPort : this.port;
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be empty");
		}
	}

	private static void requirePort(int port, String name) {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException(name + " must be between 0 and 65535 but was " + port);
		}
	}

	private static void requirePositive(Duration value, String name) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be a positive duration but was " + value);
		}
	}

	/**
	 * Builds {@link PekkoRpcServiceSettings}. Not thread-safe.
	 */
	public static final class Builder {

		private String systemName = "actorrpc";

		private String host = "127.0.0.1";

		private int port = 0;

		private String bindAddress;

		private Integer bindPort;

		private Duration askTimeout = DEFAULT_ASK_TIMEOUT;

		private long maxFrameSize = DEFAULT_MAX_FRAME_SIZE;

		private boolean forceLocalSerialization;

		private boolean captureCallStack;

		private int flightRecorderSize = DEFAULT_FLIGHT_RECORDER_SIZE;

		private List<Class<?>> extraSerializableClasses = new ArrayList<>();

		private Duration peerHeartbeatInterval = Duration.ofMillis(200);

		private Duration peerUnreachableAfter = Duration.ofMillis(1200);

		private Duration shutdownTimeout = Duration.ofSeconds(30);

		private FlowControlSettings flowControl = FlowControlSettings.defaults();

		private RpcTlsSettings tls;

		private RpcObserver observer = RpcObserver.NOOP;

		private Config pekkoConfig = ConfigFactory.empty();

		private JournalSettings journal = JournalSettings.disabled();

		private Builder() {
		}

		/** @param systemName see {@link PekkoRpcServiceSettings#systemName()} @return this */
		public Builder systemName(String systemName) {
			this.systemName = systemName;
			return this;
		}

		/** @param host see {@link PekkoRpcServiceSettings#host()} @return this */
		public Builder host(String host) {
			this.host = host;
			return this;
		}

		/** @param port see {@link PekkoRpcServiceSettings#port()} @return this */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/** @param bindAddress see {@link PekkoRpcServiceSettings#bindAddress()} @return this */
		public Builder bindAddress(String bindAddress) {
			this.bindAddress = bindAddress;
			return this;
		}

		/** @param bindPort see {@link PekkoRpcServiceSettings#bindPort()} @return this */
		public Builder bindPort(Integer bindPort) {
			this.bindPort = bindPort;
			return this;
		}

		/** @param askTimeout see {@link PekkoRpcServiceSettings#askTimeout()} @return this */
		public Builder askTimeout(Duration askTimeout) {
			this.askTimeout = askTimeout;
			return this;
		}

		/** @param maxFrameSize see {@link PekkoRpcServiceSettings#maxFrameSize()} @return this */
		public Builder maxFrameSize(long maxFrameSize) {
			this.maxFrameSize = maxFrameSize;
			return this;
		}

		/**
		 * @param forceLocalSerialization see
		 * {@link PekkoRpcServiceSettings#forceLocalSerialization()}
		 * @return this
		 */
		public Builder forceLocalSerialization(boolean forceLocalSerialization) {
			this.forceLocalSerialization = forceLocalSerialization;
			return this;
		}

		/** @param captureCallStack see {@link PekkoRpcServiceSettings#captureCallStack()} @return this */
		public Builder captureCallStack(boolean captureCallStack) {
			this.captureCallStack = captureCallStack;
			return this;
		}

		/**
		 * @param flightRecorderSize see {@link PekkoRpcServiceSettings#flightRecorderSize()}
		 * @return this
		 */
		public Builder flightRecorderSize(int flightRecorderSize) {
			this.flightRecorderSize = flightRecorderSize;
			return this;
		}

		/**
		 * Adds classes to every gateway's serialization registry.
		 * @param classes the classes
		 * @return this
		 */
		public Builder addSerializableClasses(Class<?>... classes) {
			this.extraSerializableClasses.addAll(List.of(classes));
			return this;
		}

		/**
		 * Replaces the extra serializable classes.
		 * @param classes the classes
		 * @return this
		 */
		public Builder extraSerializableClasses(List<Class<?>> classes) {
			this.extraSerializableClasses = new ArrayList<>(classes);
			return this;
		}

		/**
		 * @param peerHeartbeatInterval see {@link PekkoRpcServiceSettings#peerHeartbeatInterval()}
		 * @return this
		 */
		public Builder peerHeartbeatInterval(Duration peerHeartbeatInterval) {
			this.peerHeartbeatInterval = peerHeartbeatInterval;
			return this;
		}

		/**
		 * @param peerUnreachableAfter see {@link PekkoRpcServiceSettings#peerUnreachableAfter()}
		 * @return this
		 */
		public Builder peerUnreachableAfter(Duration peerUnreachableAfter) {
			this.peerUnreachableAfter = peerUnreachableAfter;
			return this;
		}

		/** @param shutdownTimeout see {@link PekkoRpcServiceSettings#shutdownTimeout()} @return this */
		public Builder shutdownTimeout(Duration shutdownTimeout) {
			this.shutdownTimeout = shutdownTimeout;
			return this;
		}

		/** @param flowControl see {@link PekkoRpcServiceSettings#flowControl()} @return this */
		public Builder flowControl(FlowControlSettings flowControl) {
			this.flowControl = flowControl;
			return this;
		}

		/** @param tls see {@link PekkoRpcServiceSettings#tls()} @return this */
		public Builder tls(RpcTlsSettings tls) {
			this.tls = tls;
			return this;
		}

		/** @param observer see {@link PekkoRpcServiceSettings#observer()} @return this */
		public Builder observer(RpcObserver observer) {
			this.observer = observer;
			return this;
		}

		/** @param journal see {@link PekkoRpcServiceSettings#journal()} @return this */
		public Builder journal(JournalSettings journal) {
			this.journal = journal;
			return this;
		}

		/** @param pekkoConfig see {@link PekkoRpcServiceSettings#pekkoConfig()} @return this */
		public Builder pekkoConfig(Config pekkoConfig) {
			this.pekkoConfig = pekkoConfig;
			return this;
		}

		/**
		 * Builds the settings.
		 * @return the settings
		 * @throws IllegalArgumentException naming an invalid setting
		 */
		public PekkoRpcServiceSettings build() {
			return new PekkoRpcServiceSettings(this.systemName, this.host, this.port, this.bindAddress, this.bindPort,
					this.askTimeout, this.maxFrameSize, this.forceLocalSerialization, this.captureCallStack,
					this.flightRecorderSize, this.extraSerializableClasses, this.peerHeartbeatInterval,
					this.peerUnreachableAfter, this.shutdownTimeout, this.flowControl, this.tls, this.observer,
					this.pekkoConfig, this.journal);
		}

	}

}
