package org.actorrpc.spring.boot.autoconfigure.ha;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for leadership metrics
 * ({@link RpcLeadershipMetrics}) when a {@link MeterRegistry} bean exists.
 */
@AutoConfiguration(after = RpcHighAvailabilityAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, RpcLeadership.class })
public final class RpcLeadershipMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RpcLeadershipMetrics actorRpcLeadershipMetrics(MeterRegistry meterRegistry) {
		return new RpcLeadershipMetrics(meterRegistry);
	}

}
