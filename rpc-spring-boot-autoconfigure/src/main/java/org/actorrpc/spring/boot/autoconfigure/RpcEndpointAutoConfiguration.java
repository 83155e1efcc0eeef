package org.actorrpc.spring.boot.autoconfigure;

import org.actorrpc.RpcService;
import org.actorrpc.spring.RpcEndpointComponent;
import org.actorrpc.spring.RpcEndpointId;

import org.springframework.beans.factory.InjectionPoint;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for
 * {@link RpcEndpointComponent @RpcEndpointComponent} beans: checks them, hands them their
 * {@link RpcEndpointId}, and starts and stops them with the application context.
 */
@AutoConfiguration(after = RpcServiceAutoConfiguration.class)
@ConditionalOnBean(RpcService.class)
public final class RpcEndpointAutoConfiguration {

	@Bean
	static RpcEndpointBeanPostProcessor actorRpcEndpointBeanPostProcessor() {
		return new RpcEndpointBeanPostProcessor();
	}

	@Bean
	@ConditionalOnMissingBean
	RpcEndpointLifecycle actorRpcEndpointLifecycle(ListableBeanFactory beanFactory,
			RpcEndpointBeanPostProcessor endpointBeanPostProcessor, ActorRpcProperties properties) {
		return new RpcEndpointLifecycle(beanFactory, endpointBeanPostProcessor::createdEndpoints, RpcServiceSettingsFactory
			.requirePositive("actorrpc.shutdown.grace-period", properties.getShutdown().getGracePeriod()));
	}

	@Bean
	@Scope(BeanDefinition.SCOPE_PROTOTYPE)
	RpcEndpointId actorRpcEndpointId(InjectionPoint injectionPoint, ListableBeanFactory beanFactory) {
		return RpcEndpointIdResolver.resolve(injectionPoint, beanFactory);
	}

}
