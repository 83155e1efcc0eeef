package org.actorrpc.spring.boot.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import org.actorrpc.RpcObserver;
import org.actorrpc.spring.boot.autoconfigure.RpcServiceAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for actorrpc Micrometer metrics: an
 * {@link RpcMetricsObserver} installed into the RPC service when a {@link MeterRegistry} bean
 * exists.
 */
@AutoConfiguration(before = RpcServiceAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, RpcObserver.class })
@ConditionalOnBean(MeterRegistry.class)
public final class RpcMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RpcMetricsObserver actorRpcMetricsObserver(MeterRegistry meterRegistry) {
		return new RpcMetricsObserver(meterRegistry);
	}

}
