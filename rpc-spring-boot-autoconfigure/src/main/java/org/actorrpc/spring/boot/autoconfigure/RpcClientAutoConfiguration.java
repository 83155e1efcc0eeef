package org.actorrpc.spring.boot.autoconfigure;

import org.actorrpc.CompositeRpcObserver;
import org.actorrpc.RpcObserver;
import org.actorrpc.RpcService;
import org.actorrpc.client.ReconnectingGateway;
import org.actorrpc.spring.RpcClient;
import org.actorrpc.spring.boot.autoconfigure.ha.LeaderFollowingClients;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.AutowiredAnnotationBeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for {@link RpcClient @RpcClient} injection:
 * creates one rpc-core {@link ReconnectingGateway} per client from {@code actorrpc.clients.*},
 * registers the gateways as beans and injects them into annotated fields and setters (constructor
 * and {@code @Bean} method parameters are resolved by Spring's own qualifier matching). Calls
 * the clients fail themselves are reported to the same {@link RpcObserver} beans as the service's
 * calls.
 */
@AutoConfiguration(after = RpcServiceAutoConfiguration.class)
@ConditionalOnBean(RpcService.class)
public final class RpcClientAutoConfiguration {

	@Bean
	static RpcClientBeanRegistrar actorRpcClientBeanRegistrar() {
		return new RpcClientBeanRegistrar();
	}

	@Bean
	static AutowiredAnnotationBeanPostProcessor actorRpcClientInjectionPostProcessor() {
		AutowiredAnnotationBeanPostProcessor postProcessor = new AutowiredAnnotationBeanPostProcessor();
		postProcessor.setAutowiredAnnotationType(RpcClient.class);
		postProcessor.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
		return postProcessor;
	}

	@Bean
	@ConditionalOnMissingBean
	RpcClients actorRpcClients(ActorRpcProperties properties, RpcService rpcService,
			ObjectProvider<RpcObserver> observers, ObjectProvider<LeaderFollowingClients> followers) {
		return new RpcClients(properties, rpcService, CompositeRpcObserver.of(observers.orderedStream().toList()),
				followers.getIfAvailable());
	}

}
