package org.actorrpc.spring.boot.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UnknownActorRpcProperties}: which {@code actorrpc.*} names count as unknown, and
 * which valid name is suggested for them.
 */
class UnknownActorRpcPropertiesTests {

	@Test
	void everyValidFormIsKnown() {
		MockEnvironment environment = new MockEnvironment().withProperty("actorrpc.ask-timeout", "5s")
			.withProperty("actorrpc.askTimeout", "5s")
			.withProperty("actorrpc.clients.jobmaster.address", "local:jobmaster")
			.withProperty("actorrpc.clients.default.timeout", "3s")
			.withProperty("actorrpc.serialization.extra-classes[0]", "java.util.ArrayList")
			.withProperty("actorrpc.peer.heartbeat-interval", "100ms")
			.withProperty("actorrpc.shutdown.grace-period", "1s")
			.withProperty("actorrpc.ssl.bundle", "mtls")
			.withProperty("actorrpc.pekko.remote.artery.advanced.outbound-lanes", "2")
			.withProperty("actorrpc.fail-on-unknown-properties", "true")
			.withProperty("other.thing", "x");

		assertThat(UnknownActorRpcProperties.find(environment)).isEmpty();
	}

	@Test
	void misspeltNamesGetTheNearestValidNameWithTheirMapKeys() {
		MockEnvironment environment = new MockEnvironment().withProperty("actorrpc.ask-timout", "5s")
			.withProperty("actorrpc.clients.jobmaster.adress", "local:jobmaster")
			.withProperty("actorrpc.peer.heartbeat", "1s")
			.withProperty("actorrpc.pekk.loglevel", "INFO");

		assertThat(UnknownActorRpcProperties.find(environment)).containsExactlyInAnyOrderEntriesOf(Map.of(
				"actorrpc.ask-timout", "actorrpc.ask-timeout", "actorrpc.clients.jobmaster.adress",
				"actorrpc.clients.jobmaster.address", "actorrpc.peer.heartbeat", "actorrpc.peer.heartbeat-interval",
				"actorrpc.pekk.loglevel", "actorrpc.pekko.loglevel"));
	}

	@Test
	void nameLikeNoValidOneGetsNoSuggestion() {
		MockEnvironment environment = new MockEnvironment().withProperty("actorrpc.completely-unrelated-setting",
				"x");

		Map<String, String> unknown = UnknownActorRpcProperties.find(environment);

		assertThat(unknown).containsOnlyKeys("actorrpc.completely-unrelated-setting").containsValue(null);
		assertThat(UnknownActorRpcProperties.describe(unknown)).containsExactly(
				"'actorrpc.completely-unrelated-setting' is not an actorrpc property (no property has a similar name)");
	}

	@Test
	void environmentVariablesAreNotChecked() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("ACTORRPC_ASK_TIMEOUT", "5s", "ACTORRPC_ASKTIMOUT", "5s")));

		assertThat(UnknownActorRpcProperties.find(environment)).isEmpty();
	}

	@Test
	void flightRecorderPropertiesAreKnownAndTheirMisspellingsFindThem() {
		MockEnvironment valid = new MockEnvironment().withProperty("actorrpc.flight-recorder.size", "64")
			.withProperty("actorrpc.flight-recorder.actuator-messages", "10");
		MockEnvironment misspelt = new MockEnvironment().withProperty("actorrpc.flight-recorder.sise", "64")
			.withProperty("actorrpc.flight-recordr.actuator-messages", "10");

		assertThat(UnknownActorRpcProperties.find(valid)).isEmpty();
		assertThat(UnknownActorRpcProperties.find(misspelt)).containsExactlyInAnyOrderEntriesOf(
				Map.of("actorrpc.flight-recorder.sise", "actorrpc.flight-recorder.size",
						"actorrpc.flight-recordr.actuator-messages", "actorrpc.flight-recorder.actuator-messages"));
	}

}
