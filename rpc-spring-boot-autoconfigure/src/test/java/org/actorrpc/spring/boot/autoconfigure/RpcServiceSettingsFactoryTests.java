package org.actorrpc.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.Map;

import org.actorrpc.RpcObserver;
import org.actorrpc.client.ClientSettings;
import org.actorrpc.pekko.PekkoRpcServiceSettings;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for binding {@link ActorRpcProperties} and mapping them with
 * {@link RpcServiceSettingsFactory}.
 */
class RpcServiceSettingsFactoryTests {

	private static ActorRpcProperties bind(Map<String, String> values) {
		Binder binder = new Binder(new MapConfigurationPropertySource(values));
		return binder.bindOrCreate("actorrpc", Bindable.of(ActorRpcProperties.class));
	}

	private static PekkoRpcServiceSettings settings(Map<String, String> values) {
		return new RpcServiceSettingsFactory(bind(values), null, null).createSettings(RpcObserver.NOOP);
	}

	@Test
	void defaultsMatchTheCoreDefaults() {
		PekkoRpcServiceSettings settings = settings(Map.of());
		assertThat(settings.systemName()).isEqualTo("actorrpc");
		assertThat(settings.host()).isEqualTo("127.0.0.1");
		assertThat(settings.port()).isZero();
		assertThat(settings.askTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(settings.maxFrameSize()).isEqualTo(10L * 1024 * 1024);
		assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.tls()).isNull();
		assertThat(settings.bindAddress()).isNull();
		assertThat(settings.bindPort()).isNull();
	}

	@Test
	void journalPropertiesAreMappedAndInvalidOnesAreNamed() {
		PekkoRpcServiceSettings settings = settings(Map.of("actorrpc.journal.endpoints[0]", "jobmaster",
				"actorrpc.journal.directory", "/tmp/journals", "actorrpc.journal.max-size", "64MB",
				"actorrpc.journal.segment-size", "8MB", "actorrpc.journal.buffer-size", "1MB",
				"actorrpc.journal.on-full", "delete-oldest"));
		org.actorrpc.journal.JournalSettings journal = settings.journal();
		assertThat(journal.journals("jobmaster")).isTrue();
		assertThat(journal.journals("resourcemanager")).isFalse();
		assertThat(journal.directory()).isEqualTo(java.nio.file.Path.of("/tmp/journals"));
		assertThat(journal.maxSize()).isEqualTo(64L << 20);
		assertThat(journal.segmentSize()).isEqualTo(8L << 20);
		assertThat(journal.bufferSize()).isEqualTo(1L << 20);
		assertThat(journal.onFull()).isEqualTo(org.actorrpc.journal.JournalSettings.OnFull.DELETE_OLDEST);
		assertThat(settings(Map.of()).journal().endpointIds()).isEmpty();
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> settings(Map.of("actorrpc.journal.endpoints[0]", "jobmaster")))
			.isInstanceOf(InvalidActorRpcPropertyException.class)
			.hasMessageContaining("actorrpc.journal.directory");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> settings(Map.of("actorrpc.journal.endpoints[0]", "jobmaster",
					"actorrpc.journal.directory", "/tmp/journals", "actorrpc.journal.max-size", "1MB")))
			.isInstanceOf(InvalidActorRpcPropertyException.class)
			.hasMessageContaining("actorrpc.journal.max-size");
	}

	@Test
	void flowControlPropertiesAreMappedAndInvalidOnesAreNamed() {
		PekkoRpcServiceSettings settings = settings(Map.of("actorrpc.flow-control.window-messages", "64",
				"actorrpc.flow-control.window-size", "2MB", "actorrpc.flow-control.mailbox-capacity", "100",
				"actorrpc.flow-control.mailbox-capacities.jobmaster", "500",
				"actorrpc.flow-control.overflow-timeout", "250ms"));
		assertThat(settings.flowControl().windowMessages()).isEqualTo(64);
		assertThat(settings.flowControl().windowBytes()).isEqualTo(2L * 1024 * 1024);
		assertThat(settings.flowControl().mailboxCapacityOf("other")).isEqualTo(100);
		assertThat(settings.flowControl().mailboxCapacityOf("jobmaster")).isEqualTo(500);
		assertThat(settings.flowControl().overflowTimeout()).isEqualTo(Duration.ofMillis(250));
		assertThat(settings(Map.of()).flowControl()).isEqualTo(org.actorrpc.pekko.FlowControlSettings.defaults());
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> settings(Map.of("actorrpc.flow-control.window-messages", "2")))
			.isInstanceOf(InvalidActorRpcPropertyException.class)
			.hasMessageContaining("actorrpc.flow-control.window-messages");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> settings(Map.of("actorrpc.flow-control.mailbox-capacities.x", "0")))
			.isInstanceOf(InvalidActorRpcPropertyException.class)
			.hasMessageContaining("actorrpc.flow-control.mailbox-capacities.x");
	}

	@Test
	void flightRecorderSizeIsMappedAndOutOfRangeNamesTheProperty() {
		assertThat(settings(Map.of()).flightRecorderSize())
			.isEqualTo(PekkoRpcServiceSettings.DEFAULT_FLIGHT_RECORDER_SIZE);
		assertThat(settings(Map.of("actorrpc.flight-recorder.size", "16")).flightRecorderSize()).isEqualTo(16);
		assertThat(settings(Map.of("actorrpc.flight-recorder.size", "0")).flightRecorderSize()).isZero();
		assertThatExceptionOfType(InvalidActorRpcPropertyException.class)
			.isThrownBy(() -> settings(Map.of("actorrpc.flight-recorder.size", "-1")))
			.withMessageContaining("actorrpc.flight-recorder.size")
			.withMessageContaining("between 0 and " + PekkoRpcServiceSettings.MAX_FLIGHT_RECORDER_SIZE);
	}

	@Test
	void everyPropertyIsMappedOntoTheSettings() {
		PekkoRpcServiceSettings settings = settings(Map.ofEntries(Map.entry("actorrpc.system-name", "jobmaster"),
				Map.entry("actorrpc.host", "10.0.0.1"), Map.entry("actorrpc.port", "6123"),
				Map.entry("actorrpc.bind-address", "0.0.0.0"), Map.entry("actorrpc.bind-port", "7000"),
				Map.entry("actorrpc.ask-timeout", "3s"), Map.entry("actorrpc.max-frame-size", "2MB"),
				Map.entry("actorrpc.capture-call-stack", "true"),
				Map.entry("actorrpc.serialization.force-local", "true"),
				Map.entry("actorrpc.serialization.extra-classes", "java.util.ArrayList,java.util.HashMap"),
				Map.entry("actorrpc.peer.heartbeat-interval", "100ms"),
				Map.entry("actorrpc.peer.unreachable-after", "2s"),
				Map.entry("actorrpc.shutdown.grace-period", "5s"),
				Map.entry("actorrpc.pekko.remote.artery.advanced.outbound-message-queue-size", "4096"),
				Map.entry("actorrpc.pekko.loglevel", "WARNING")));
		assertThat(settings.systemName()).isEqualTo("jobmaster");
		assertThat(settings.host()).isEqualTo("10.0.0.1");
		assertThat(settings.port()).isEqualTo(6123);
		assertThat(settings.bindAddress()).isEqualTo("0.0.0.0");
		assertThat(settings.bindPort()).isEqualTo(7000);
		assertThat(settings.askTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(settings.maxFrameSize()).isEqualTo(2L * 1024 * 1024);
		assertThat(settings.captureCallStack()).isTrue();
		assertThat(settings.forceLocalSerialization()).isTrue();
		assertThat(settings.extraSerializableClasses()).containsExactly(java.util.ArrayList.class,
				java.util.HashMap.class);
		assertThat(settings.peerHeartbeatInterval()).isEqualTo(Duration.ofMillis(100));
		assertThat(settings.peerUnreachableAfter()).isEqualTo(Duration.ofSeconds(2));
		assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.pekkoConfig().getInt("pekko.remote.artery.advanced.outbound-message-queue-size"))
			.isEqualTo(4096);
		assertThat(settings.pekkoConfig().getString("pekko.loglevel")).isEqualTo("WARNING");
	}

	@Test
	void systemNameFallsBackToAValidApplicationName() {
		assertThat(new RpcServiceSettingsFactory(bind(Map.of()), "taskmanager", null).systemName())
			.isEqualTo("taskmanager");
		assertThat(new RpcServiceSettingsFactory(bind(Map.of()), "my app!", null).systemName())
			.isEqualTo(RpcServiceSettingsFactory.DEFAULT_SYSTEM_NAME);
		assertThat(new RpcServiceSettingsFactory(bind(Map.of("actorrpc.system-name", "explicit")), "taskmanager",
				null)
			.systemName()).isEqualTo("explicit");
	}

	@Test
	void negativeAskTimeoutNamesThePropertyAndTheFix() {
		assertThatExceptionOfType(InvalidActorRpcPropertyException.class)
			.isThrownBy(() -> settings(Map.of("actorrpc.ask-timeout", "-1s")))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("actorrpc.ask-timeout"))
			.withMessageContaining("actorrpc.ask-timeout")
			.withMessageContaining("positive duration such as 10s");
	}

	@Test
	void invalidSystemNameIsRejected() {
		assertThatExceptionOfType(InvalidActorRpcPropertyException.class)
			.isThrownBy(() -> settings(Map.of("actorrpc.system-name", "job master")))
			.withMessageContaining("actorrpc.system-name")
			.withMessageContaining("letters, digits");
	}

	@Test
	void outOfRangePortIsRejected() {
		assertThatExceptionOfType(InvalidActorRpcPropertyException.class)
			.isThrownBy(() -> settings(Map.of("actorrpc.port", "70000")))
			.withMessageContaining("actorrpc.port")
			.withMessageContaining("between 0 and 65535");
		assertThatExceptionOfType(InvalidActorRpcPropertyException.class)
			.isThrownBy(() -> settings(Map.of("actorrpc.bind-port", "-2")))
			.withMessageContaining("actorrpc.bind-port");
	}

	@Test
	void tinyFrameSizeIsRejected() {
		assertThatExceptionOfType(InvalidActorRpcPropertyException.class)
			.isThrownBy(() -> settings(Map.of("actorrpc.max-frame-size", "100B")))
			.withMessageContaining("actorrpc.max-frame-size");
	}

	@Test
	void unreachableAfterMustExceedHeartbeatInterval() {
		assertThatExceptionOfType(InvalidActorRpcPropertyException.class)
			.isThrownBy(() -> settings(Map.of("actorrpc.peer.heartbeat-interval", "1s",
					"actorrpc.peer.unreachable-after", "500ms")))
			.withMessageContaining("actorrpc.peer.unreachable-after")
			.withMessageContaining("longer than actorrpc.peer.heartbeat-interval");
	}

	@Test
	void zeroGracePeriodIsRejected() {
		assertThatExceptionOfType(InvalidActorRpcPropertyException.class)
			.isThrownBy(() -> settings(Map.of("actorrpc.shutdown.grace-period", "0s")))
			.withMessageContaining("actorrpc.shutdown.grace-period");
	}

	@Test
	void unknownSslBundleNamesThePropertyAndTheBundle() {
		ActorRpcProperties properties = bind(Map.of("actorrpc.ssl.bundle", "rpc"));
		RpcServiceSettingsFactory factory = new RpcServiceSettingsFactory(properties, null,
				new DefaultSslBundleRegistry());
		assertThatExceptionOfType(InvalidActorRpcPropertyException.class)
			.isThrownBy(() -> factory.createSettings(RpcObserver.NOOP))
			.withMessageContaining("actorrpc.ssl.bundle")
			.withMessageContaining("spring.ssl.bundle.jks.rpc");
	}

	@Test
	void sslBundleWithoutAnyBundlesConfiguredIsRejected() {
		ActorRpcProperties properties = bind(Map.of("actorrpc.ssl.bundle", "rpc"));
		assertThatExceptionOfType(InvalidActorRpcPropertyException.class)
			.isThrownBy(() -> new RpcServiceSettingsFactory(properties, null, null).createSettings(RpcObserver.NOOP))
			.withMessageContaining("no SSL bundles are configured");
	}

	@Test
	void clientSettingsFallBackToTheDefaultEntry() {
		ActorRpcProperties properties = bind(Map.of("actorrpc.clients.default.timeout", "3s",
				"actorrpc.clients.jobmaster.address", "pekko://jobmaster@127.0.0.1:6123/user/rpc/jobmaster"));
		ClientSettings settings = RpcClientSettings.resolve(properties, "jobmaster");
		assertThat(settings.address()).isEqualTo("pekko://jobmaster@127.0.0.1:6123/user/rpc/jobmaster");
		assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(settings.host()).isEqualTo("127.0.0.1");
		assertThat(RpcClientSettings.resolve(bind(Map.of("actorrpc.clients.x.address", "local:x")), "x").timeout())
			.isEqualTo(RpcClientSettings.DEFAULT_TIMEOUT);
	}

	@Test
	void malformedClientAddressNamesThePropertyAndTheExpectedForm() {
		ActorRpcProperties properties = bind(Map.of("actorrpc.clients.jobmaster.address", "127.0.0.1:6123"));
		assertThatExceptionOfType(InvalidActorRpcPropertyException.class)
			.isThrownBy(() -> RpcClientSettings.resolve(properties, "jobmaster"))
			.withMessageContaining("actorrpc.clients.jobmaster.address")
			.withMessageContaining("pekko://<system-name>@<host>:<port>/user/rpc/<endpoint-id>");
	}

	@Test
	void missingClientAddressTellsWhichPropertyToSet() {
		assertThatExceptionOfType(InvalidActorRpcPropertyException.class)
			.isThrownBy(() -> RpcClientSettings.resolve(bind(Map.of()), "resourcemanager"))
			.withMessageContaining("actorrpc.clients.resourcemanager.address");
	}

	@Test
	void negativeClientTimeoutIsRejected() {
		ActorRpcProperties properties = bind(Map.of("actorrpc.clients.jobmaster.address", "local:jobmaster",
				"actorrpc.clients.jobmaster.timeout", "-5s"));
		assertThatExceptionOfType(InvalidActorRpcPropertyException.class)
			.isThrownBy(() -> RpcClientSettings.resolve(properties, "jobmaster"))
			.withMessageContaining("actorrpc.clients.jobmaster.timeout");
	}

	@Test
	void failureAnalysisNamesThePropertyAndTheAction() {
		InvalidActorRpcPropertyException ex = new InvalidActorRpcPropertyException("actorrpc.port", 70000,
				"a port must be between 0 and 65535", "Set actorrpc.port to a free port, or 0 to pick one.");
		var analysis = new InvalidActorRpcPropertyFailureAnalyzer().analyze(new IllegalStateException(ex));
		assertThat(analysis.getDescription()).contains("actorrpc.port").contains("70000");
		assertThat(analysis.getAction()).isEqualTo("Set actorrpc.port to a free port, or 0 to pick one.");
	}

}
