package org.actorrpc.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;

import org.actorrpc.RpcObserver;
import org.actorrpc.journal.JournalSettings;
import org.actorrpc.pekko.FlowControlSettings;
import org.actorrpc.pekko.PekkoRpcServiceSettings;
import org.actorrpc.pekko.RpcTlsSettings;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Maps {@link ActorRpcProperties} onto {@link PekkoRpcServiceSettings}, checking every value first
 * so that a bad one stops startup with an {@link InvalidActorRpcPropertyException} naming the
 * property and the fix.
 *
 * <p>Stateless apart from its inputs; used once at startup.
 *
 * @param properties the bound properties
 * @param applicationName {@code spring.application.name}, or {@code null}
 * @param sslBundles the SSL bundles, or {@code null} when none are configured
 */
public record RpcServiceSettingsFactory(ActorRpcProperties properties, String applicationName,
		SslBundles sslBundles) {

	/** System name used when neither the property nor a valid application name is set. */
	public static final String DEFAULT_SYSTEM_NAME = "actorrpc";

	private static final Pattern SYSTEM_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_-]*");

	/**
	 * Builds the settings.
	 * @param observer the observer to install (metrics, tracing)
	 * @return the settings
	 * @throws InvalidActorRpcPropertyException naming the first invalid property
	 */
	public PekkoRpcServiceSettings createSettings(RpcObserver observer) {
		ActorRpcProperties props = this.properties;
		PekkoRpcServiceSettings.Builder builder = PekkoRpcServiceSettings.builder()
			.systemName(systemName())
			.host(requireText("actorrpc.host", props.getHost()))
			.port(requirePort("actorrpc.port", props.getPort()))
			.askTimeout(requirePositive("actorrpc.ask-timeout", props.getAskTimeout()))
			.maxFrameSize(maxFrameSize())
			.captureCallStack(props.isCaptureCallStack())
			.flightRecorderSize(requireRange("actorrpc.flight-recorder.size", props.getFlightRecorder().getSize(), 0,
					PekkoRpcServiceSettings.MAX_FLIGHT_RECORDER_SIZE))
			.forceLocalSerialization(props.getSerialization().isForceLocal())
			.extraSerializableClasses(props.getSerialization().getExtraClasses())
			.shutdownTimeout(requirePositive("actorrpc.shutdown.grace-period", props.getShutdown().getGracePeriod()))
			.flowControl(flowControl())
			.journal(journal())
			.observer(observer)
			.pekkoConfig(pekkoConfig());
		Duration heartbeat = requirePositive("actorrpc.peer.heartbeat-interval", props.getPeer().getHeartbeatInterval());
		Duration unreachable = requirePositive("actorrpc.peer.unreachable-after", props.getPeer().getUnreachableAfter());
		if (unreachable.compareTo(heartbeat) <= 0) {
			throw new InvalidActorRpcPropertyException("actorrpc.peer.unreachable-after", unreachable,
					"it must be longer than actorrpc.peer.heartbeat-interval (" + heartbeat + ")",
					"Set actorrpc.peer.unreachable-after to several heartbeat intervals, for example 6 times "
							+ heartbeat.toMillis() + "ms.");
		}
		builder.peerHeartbeatInterval(heartbeat).peerUnreachableAfter(unreachable);
		if (StringUtils.hasText(props.getBindAddress())) {
			builder.bindAddress(props.getBindAddress());
		}
		if (props.getBindPort() != null) {
			builder.bindPort(requirePort("actorrpc.bind-port", props.getBindPort()));
		}
		RpcTlsSettings tls = tls();
		if (tls != null) {
			builder.tls(tls);
		}
		return builder.build();
	}

	/**
	 * Returns the actor system name: {@code actorrpc.system-name}, else a valid
	 * {@code spring.application.name}, else {@value #DEFAULT_SYSTEM_NAME}.
	 * @return the system name
	 */
	public String systemName() {
		String configured = this.properties.getSystemName();
		if (configured != null) {
			if (!SYSTEM_NAME.matcher(configured).matches()) {
				throw new InvalidActorRpcPropertyException("actorrpc.system-name", configured,
						"an actor system name may contain only letters, digits, '-' and '_' and must start with a "
								+ "letter or digit",
						"Set actorrpc.system-name to a name such as 'jobmaster'.");
			}
			return configured;
		}
		if (this.applicationName != null && SYSTEM_NAME.matcher(this.applicationName).matches()) {
			return this.applicationName;
		}
		return DEFAULT_SYSTEM_NAME;
	}

	private long maxFrameSize() {
		DataSize size = this.properties.getMaxFrameSize();
		if (size == null || size.toBytes() < 1024) {
			throw new InvalidActorRpcPropertyException("actorrpc.max-frame-size", size,
					"the largest message must be at least 1KB", "Set actorrpc.max-frame-size to a size such as 10MB.");
		}
		return size.toBytes();
	}

	private Config pekkoConfig() {
		Map<String, String> raw = this.properties.getPekko();
		Map<String, Object> prefixed = new LinkedHashMap<>();
		raw.forEach((key, value) -> prefixed.put("pekko." + key, value));
		try {
			return ConfigFactory.parseMap(prefixed, "actorrpc.pekko properties");
		}
		catch (ConfigException ex) {
			throw new InvalidActorRpcPropertyException("actorrpc.pekko", raw, "it is not valid Pekko configuration ("
					+ ex.getMessage() + ")",
					"Use keys relative to the 'pekko' root, for example actorrpc.pekko.loglevel=INFO.", ex);
		}
	}

	private RpcTlsSettings tls() {
		String bundleName = this.properties.getSsl().getBundle();
		if (!StringUtils.hasText(bundleName)) {
			return null;
		}
		if (this.sslBundles == null) {
			throw new InvalidActorRpcPropertyException("actorrpc.ssl.bundle", bundleName,
					"no SSL bundles are configured", "Define the bundle under spring.ssl.bundle.jks." + bundleName
							+ " or spring.ssl.bundle.pem." + bundleName + ".");
		}
		SslBundle bundle;
		try {
			bundle = this.sslBundles.getBundle(bundleName);
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidActorRpcPropertyException("actorrpc.ssl.bundle", bundleName,
					"there is no SSL bundle with that name", "Define the bundle under spring.ssl.bundle.jks."
							+ bundleName + " or spring.ssl.bundle.pem." + bundleName
							+ ", or set actorrpc.ssl.bundle to an existing bundle.",
					ex);
		}
		SSLContext context;
		try {
			context = bundle.createSslContext();
		}
		catch (RuntimeException ex) {
			throw new InvalidActorRpcPropertyException("actorrpc.ssl.bundle", bundleName,
					"its key or trust material cannot be loaded (" + ex.getMessage() + ")",
					"Check the keystore and truststore of spring.ssl.bundle.*." + bundleName + ".", ex);
		}
		SslOptions options = bundle.getOptions();
		return new RpcTlsSettings(context, asList(options.getEnabledProtocols()),
				asList(options.getCiphers()));
	}

	private static java.util.List<String> asList(String[] values) {
		return (values != null) ? java.util.List.of(values) : java.util.List.of();
	}

	static String requireText(String property, String value) {
		if (!StringUtils.hasText(value)) {
			throw new InvalidActorRpcPropertyException(property, value, "it must not be empty",
					"Set " + property + " to a host name or IP address, for example 127.0.0.1.");
		}
		return value;
	}

	static int requirePort(String property, int port) {
		if (port < 0 || port > 65535) {
			throw new InvalidActorRpcPropertyException(property, port, "a port must be between 0 and 65535",
					"Set " + property + " to a free port, or 0 to pick one.");
		}
		return port;
	}

	private FlowControlSettings flowControl() {
		ActorRpcProperties.FlowControl props = this.properties.getFlowControl();
		int messages = requireRange("actorrpc.flow-control.window-messages", props.getWindowMessages(), 4,
				FlowControlSettings.MAX_WINDOW_MESSAGES);
		DataSize size = props.getWindowSize();
		if (size == null || size.toBytes() < 1024 || size.toBytes() > FlowControlSettings.MAX_WINDOW_BYTES) {
			throw new InvalidActorRpcPropertyException("actorrpc.flow-control.window-size", size,
					"the window must be between 1KB and 1TB", "Set actorrpc.flow-control.window-size to, for example, 16MB.");
		}
		int capacity = requireRange("actorrpc.flow-control.mailbox-capacity", props.getMailboxCapacity(), 1,
				Integer.MAX_VALUE);
		props.getMailboxCapacities().forEach((id, value) -> requireRange(
				"actorrpc.flow-control.mailbox-capacities." + id, (value != null) ? value : 0, 1, Integer.MAX_VALUE));
		Duration timeout = props.getOverflowTimeout();
		if (timeout == null || timeout.isNegative()) {
			throw new InvalidActorRpcPropertyException("actorrpc.flow-control.overflow-timeout", timeout,
					"it must be zero or a positive duration", "Set it to, for example, 10s (0 fails at once).");
		}
		return new FlowControlSettings(messages, size.toBytes(), capacity, props.getMailboxCapacities(), timeout);
	}

	private JournalSettings journal() {
		ActorRpcProperties.Journal props = this.properties.getJournal();
		List<String> endpoints = (props.getEndpoints() != null) ? props.getEndpoints() : List.of();
		if (endpoints.isEmpty()) {
			return JournalSettings.disabled();
		}
		if (props.getDirectory() == null) {
			throw new InvalidActorRpcPropertyException("actorrpc.journal.directory", null,
					"journaled endpoints " + endpoints + " need a directory to write to",
					"Set actorrpc.journal.directory to a writable directory, or remove actorrpc.journal.endpoints.");
		}
		long segment = requireSize("actorrpc.journal.segment-size", props.getSegmentSize(), 4096);
		long max = requireSize("actorrpc.journal.max-size", props.getMaxSize(), segment);
		long buffer = requireSize("actorrpc.journal.buffer-size", props.getBufferSize(), 4096);
		JournalSettings.OnFull onFull = (props.getOnFull() != null) ? props.getOnFull() : JournalSettings.OnFull.STOP;
		return new JournalSettings(props.getDirectory(), new LinkedHashSet<>(endpoints), max, segment, buffer, onFull);
	}

	private static long requireSize(String property, DataSize size, long min) {
		if (size == null || size.toBytes() < min) {
			throw new InvalidActorRpcPropertyException(property, size, "it must be at least " + min + " bytes",
					"Set " + property + " to " + min + "B or more (for example 64MB).");
		}
		return size.toBytes();
	}

	private static int requireRange(String property, int value, int min, int max) {
		if (value < min || value > max) {
			throw new InvalidActorRpcPropertyException(property, value,
					"it must be between " + min + " and " + max, "Set " + property + " within that range.");
		}
		return value;
	}

	static Duration requirePositive(String property, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new InvalidActorRpcPropertyException(property, value, "it must be a positive duration",
					"Set " + property + " to a positive duration such as 10s.");
		}
		return value;
	}

}
