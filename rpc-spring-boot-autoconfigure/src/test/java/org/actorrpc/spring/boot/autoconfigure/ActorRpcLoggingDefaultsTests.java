package org.actorrpc.spring.boot.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ActorRpcLoggingDefaults}: Pekko's noisy loggers get quieter defaults, and a level
 * the application sets still wins.
 */
class ActorRpcLoggingDefaultsTests {

	private static final String MATERIALIZER = "logging.level.org.apache.pekko.stream.Materializer";

	@Test
	void noisyPekkoLoggersGetDefaultLevels() {
		StandardEnvironment environment = new StandardEnvironment();

		new ActorRpcLoggingDefaults().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("logging.level.org.apache.pekko.remote.RemoteActorRefProvider"))
			.isEqualTo("ERROR");
		assertThat(environment.getProperty(MATERIALIZER)).isEqualTo("ERROR");
		assertThat(environment.getProperty("logging.level.org.apache.pekko.io.TcpListener")).isEqualTo("OFF");
		assertThat(environment.getProperty("logging.level.org.apache.pekko.remote.artery.Association")).isNull();
	}

	@Test
	void levelSetByTheApplicationWins() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("application", Map.of(MATERIALIZER, "WARN")));

		new ActorRpcLoggingDefaults().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty(MATERIALIZER)).isEqualTo("WARN");
	}

}
