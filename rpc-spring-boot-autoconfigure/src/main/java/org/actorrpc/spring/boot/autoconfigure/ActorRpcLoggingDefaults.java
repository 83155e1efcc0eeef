package org.actorrpc.spring.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Default log levels for three Pekko loggers, so that WARN and ERROR in a healthy node's log always
 * mean something to look at. Each is a default property ({@code logging.level.*}, lowest
 * precedence): any level the application configures wins.
 * <ul>
 * <li>{@code org.apache.pekko.remote.RemoteActorRefProvider} at ERROR: at every start it advises
 * Pekko Cluster for remote watch and deployment, neither of which actorrpc uses (it detects lost
 * peers with its own heartbeats);</li>
 * <li>{@code org.apache.pekko.stream.Materializer} at ERROR: it repeats every aborted Artery
 * connection stream, which includes each normal shutdown of this node or a peer. A connection that
 * breaks while the node runs is still logged at WARN by Pekko's
 * {@code org.apache.pekko.remote.artery.Association}, and calls over it fail with actorrpc's own
 * errors;</li>
 * <li>{@code org.apache.pekko.io.TcpListener} at OFF: it logs a failed bind with a full stack
 * trace, although the failure also reaches whoever asked to bind; for actorrpc's port that is the
 * short "already in use" startup report.</li>
 * </ul>
 * Stateless; called once by Spring Boot while the environment is prepared.
 */
public final class ActorRpcLoggingDefaults implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("logging.level.org.apache.pekko.remote.RemoteActorRefProvider", "ERROR");
		defaults.put("logging.level.org.apache.pekko.stream.Materializer", "ERROR");
		defaults.put("logging.level.org.apache.pekko.io.TcpListener", "OFF");
		DefaultPropertiesPropertySource.addOrMerge(defaults, environment.getPropertySources());
	}

}
