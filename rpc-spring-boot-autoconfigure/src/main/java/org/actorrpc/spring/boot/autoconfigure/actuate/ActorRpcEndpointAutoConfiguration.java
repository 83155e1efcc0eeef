package org.actorrpc.spring.boot.autoconfigure.actuate;

import org.actorrpc.RpcService;
import org.actorrpc.spring.boot.autoconfigure.RpcClientAutoConfiguration;
import org.actorrpc.spring.boot.autoconfigure.RpcClients;
import org.actorrpc.spring.boot.autoconfigure.RpcServiceAutoConfiguration;
import org.actorrpc.spring.boot.autoconfigure.ha.RpcLeadership;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link ActorRpcEndpoint actorrpc}
 * Actuator endpoint.
 */
@AutoConfiguration(after = { RpcServiceAutoConfiguration.class, RpcClientAutoConfiguration.class })
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(RpcService.class)
@ConditionalOnAvailableEndpoint(ActorRpcEndpoint.class)
public final class ActorRpcEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ActorRpcEndpoint actorRpcEndpoint(RpcService rpcService, ObjectProvider<RpcClients> clients,
			ObjectProvider<RpcLeadership> leadership) {
		return new ActorRpcEndpoint(rpcService, clients.getIfAvailable(), leadership.getIfAvailable());
	}

}
