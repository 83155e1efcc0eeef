package org.actorrpc.test.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import org.actorrpc.RpcService;
import org.actorrpc.spring.boot.autoconfigure.ActorRpcProperties;
import org.actorrpc.spring.boot.autoconfigure.RpcClientAutoConfiguration;
import org.actorrpc.spring.boot.autoconfigure.RpcEndpointAutoConfiguration;
import org.actorrpc.spring.boot.autoconfigure.RpcServiceAutoConfiguration;
import org.actorrpc.test.TestingRpcService;

/**
 * Auto-configuration imported by {@link AutoConfigureTestingRpcService}: an automatically driven
 * {@link TestingRpcService} as the context's {@link RpcService}, ordered before the starter's
 * endpoint and client auto-configurations so that they find it. The starter's own service
 * auto-configuration is switched off by {@code actorrpc.enabled=false}; the {@code actorrpc.*}
 * properties stay bound (clients, shutdown grace period). The service closes with the context,
 * after its endpoints stopped.
 */
@AutoConfiguration(after = RpcServiceAutoConfiguration.class,
		before = { RpcEndpointAutoConfiguration.class, RpcClientAutoConfiguration.class })
@EnableConfigurationProperties(ActorRpcProperties.class)
public final class TestingRpcServiceAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(RpcService.class)
	TestingRpcService testingRpcService() {
		return TestingRpcService.create();
	}

}
