package org.actorrpc.spring.boot.autoconfigure.observation;

import io.micrometer.observation.ObservationRegistry;

import org.actorrpc.RpcObserver;
import org.actorrpc.spring.boot.autoconfigure.RpcServiceAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for actorrpc observations (trace
 * propagation): an {@link RpcObservationObserver} installed into the RPC service when an
 * {@link ObservationRegistry} bean exists.
 */
@AutoConfiguration(before = RpcServiceAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ ObservationRegistry.class, RpcObserver.class })
@ConditionalOnBean(ObservationRegistry.class)
public final class RpcObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RpcObservationObserver actorRpcObservationObserver(ObservationRegistry observationRegistry) {
		return new RpcObservationObserver(observationRegistry);
	}

}
