package org.actorrpc.spring.boot.autoconfigure.health;

import org.actorrpc.RpcService;
import org.actorrpc.spring.boot.autoconfigure.RpcServiceAutoConfiguration;
import org.actorrpc.spring.boot.autoconfigure.ha.RpcLeadership;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code actorrpc} health contributor
 * ({@link ActorRpcHealthIndicator}); switch it off with {@code management.health.actorrpc.enabled}.
 */
@AutoConfiguration(after = RpcServiceAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(RpcService.class)
@ConditionalOnEnabledHealthIndicator("actorrpc")
public final class ActorRpcHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "actorrpcHealthIndicator")
	ActorRpcHealthIndicator actorrpcHealthIndicator(RpcService rpcService, ObjectProvider<RpcLeadership> leadership) {
		return new ActorRpcHealthIndicator(rpcService, leadership.getIfAvailable());
	}

}
