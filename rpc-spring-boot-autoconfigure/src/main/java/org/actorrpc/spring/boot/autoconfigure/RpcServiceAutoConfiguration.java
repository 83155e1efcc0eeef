package org.actorrpc.spring.boot.autoconfigure;

import java.util.List;

import org.actorrpc.CompositeRpcObserver;
import org.actorrpc.RpcObserver;
import org.actorrpc.RpcService;
import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.pekko.PekkoRpcServiceSettings;
import org.apache.pekko.actor.ActorSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the actorrpc {@link ActorSystem} and
 * {@link RpcService}. Every {@link RpcObserver} bean (metrics, tracing, your own) is combined into
 * the service's one observer. On context close the RPC service closes first (every endpoint's
 * {@code onStop} awaited), then the actor system terminates.
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration")
@ConditionalOnClass({ PekkoRpcService.class, ActorSystem.class })
@ConditionalOnBooleanProperty(name = "actorrpc.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ActorRpcProperties.class)
public final class RpcServiceAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(RpcServiceAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	RpcServiceSettingsFactory actorRpcServiceSettingsFactory(ActorRpcProperties properties, Environment environment,
			ObjectProvider<SslBundles> sslBundles) {
		checkForUnknownProperties(properties, environment);
		return new RpcServiceSettingsFactory(properties, environment.getProperty("spring.application.name"),
				sslBundles.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	PekkoRpcServiceSettings actorRpcServiceSettings(RpcServiceSettingsFactory settingsFactory,
			ObjectProvider<RpcObserver> observers) {
		return settingsFactory.createSettings(CompositeRpcObserver.of(observers.orderedStream().toList()));
	}

	@Bean
	@ConditionalOnMissingBean(ActorSystem.class)
	ActorSystemFactoryBean actorRpcActorSystem(PekkoRpcServiceSettings settings) {
		return new ActorSystemFactoryBean(settings, settings.shutdownTimeout());
	}

	@Bean
	@ConditionalOnMissingBean(RpcService.class)
	PekkoRpcService actorRpcService(ActorSystem actorSystem, PekkoRpcServiceSettings settings) {
		return new PekkoRpcService(actorSystem, settings);
	}

	private static void checkForUnknownProperties(ActorRpcProperties properties, Environment environment) {
		if (!(environment instanceof ConfigurableEnvironment configurable)) {
			return;
		}
		List<String> problems = UnknownActorRpcProperties.describe(UnknownActorRpcProperties.find(configurable));
		if (problems.isEmpty()) {
			return;
		}
		if (properties.isFailOnUnknownProperties()) {
			throw new UnknownActorRpcPropertiesException(problems);
		}
		problems.forEach((problem) -> logger.warn("{} It is ignored (actorrpc.fail-on-unknown-properties=false).",
				problem));
	}

}
