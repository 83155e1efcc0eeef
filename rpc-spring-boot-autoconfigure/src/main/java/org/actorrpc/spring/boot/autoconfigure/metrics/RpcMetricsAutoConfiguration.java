package org.actorrpc.spring.boot.autoconfigure.metrics;

import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;

import org.actorrpc.RpcObserver;
import org.actorrpc.spring.boot.autoconfigure.RpcServiceAutoConfiguration;
import org.actorrpc.spring.boot.autoconfigure.observation.RpcObservationObserver;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for actorrpc Micrometer metrics: an
 * {@link RpcMetricsObserver} installed into the RPC service when a {@link MeterRegistry} bean
 * exists, and a {@link MeterFilter} that keeps Spring Boot's observation handler from deriving a
 * second set of timers from actorrpc's tracing observations: every call is timed once, by the
 * observer's {@value RpcMetricsObserver#CLIENT_DURATION} and
 * {@value RpcMetricsObserver#SERVER_DURATION} timers.
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

	@Bean
	MeterFilter actorRpcObservationMetersFilter() {
		Set<String> derived = Set.of(RpcObservationObserver.CLIENT_OBSERVATION,
				RpcObservationObserver.CLIENT_OBSERVATION + ".active", RpcObservationObserver.SERVER_OBSERVATION,
				RpcObservationObserver.SERVER_OBSERVATION + ".active");
		return MeterFilter.deny((id) -> derived.contains(id.getName()));
	}

}
