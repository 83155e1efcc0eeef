package org.actorrpc.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link ClientSettings}: the reconnect back-off and errors that name the setting to change.
 */
class ClientSettingsTest {

	private static final String ADDRESS = "pekko://jobmaster@127.0.0.1:6123/user/rpc/jobmaster";

	@Test
	void backoffDoublesFromTheInitialDelayUpToTheMaximum() {
		ClientSettings settings = ClientSettings.of("jobmaster", ADDRESS)
			.withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));

		assertThat(settings.backoff(1)).isEqualTo(Duration.ofMillis(100));
		assertThat(settings.backoff(2)).isEqualTo(Duration.ofMillis(200));
		assertThat(settings.backoff(4)).isEqualTo(Duration.ofMillis(800));
		assertThat(settings.backoff(5)).isEqualTo(Duration.ofSeconds(1));
		assertThat(settings.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void invalidValuesNameTheComponentOrTheProperty() {
		ClientSettings settings = ClientSettings.of("jobmaster", ADDRESS);

		assertThatIllegalArgumentException().isThrownBy(() -> settings.withTimeout(Duration.ZERO))
			.withMessage("ClientSettings.timeout must be positive, but is PT0S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> settings.withPropertyPrefix("actorrpc.clients.jobmaster")
				.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
			.withMessageContaining("actorrpc.clients.jobmaster.max-backoff")
			.withMessageContaining("actorrpc.clients.jobmaster.initial-backoff");
		assertThatIllegalArgumentException().isThrownBy(() -> ClientSettings.of("jobmaster", " "))
			.withMessageContaining("ClientSettings.address");
	}

	@Test
	void hostAndLocalAddressesAreReadFromTheAddress() {
		assertThat(ClientSettings.of("jobmaster", ADDRESS).host()).isEqualTo("127.0.0.1");
		assertThat(ClientSettings.of("jobmaster", ADDRESS).isLocal()).isFalse();
		assertThat(ClientSettings.of("jobmaster", "local:jobmaster").isLocal()).isTrue();
		assertThat(ClientSettings.of("jobmaster", "local:jobmaster").host()).isEmpty();
	}

}
