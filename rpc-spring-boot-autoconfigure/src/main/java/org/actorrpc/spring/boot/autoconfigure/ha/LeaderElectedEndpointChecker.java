package org.actorrpc.spring.boot.autoconfigure.ha;

import java.util.UUID;

import org.actorrpc.FencedRpcEndpoint;
import org.actorrpc.spring.RpcEndpointComponent;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.MergedBeanDefinitionPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Refuses {@code @RpcEndpointComponent(leaderElected = true)} beans that cannot be
 * leader-elected, before they are created when the class alone shows it (not a
 * {@code FencedRpcEndpoint<UUID>}), and once created when the instance shows it (a fixed fencing
 * token). Called by the bean factory; stateless.
 */
final class LeaderElectedEndpointChecker implements MergedBeanDefinitionPostProcessor, BeanPostProcessor {

	@Override
	public void postProcessMergedBeanDefinition(RootBeanDefinition beanDefinition, Class<?> beanType,
			String beanName) {
		if (!isLeaderElected(beanType)) {
			return;
		}
		if (!FencedRpcEndpoint.class.isAssignableFrom(beanType)) {
			throw new LeaderElectedEndpointException(beanName,
					"The endpoint " + describe(beanName, beanType) + " is marked leaderElected = true, but it is not "
							+ "fenced: only a FencedRpcEndpoint can refuse the calls of a deposed leader.",
					"Extend FencedRpcEndpoint<UUID> (its gateways FencedRpcGateway<UUID>) and call "
							+ "super(rpcService, endpointId) without a token, or remove leaderElected = true.");
		}
		Class<?> token = ResolvableType.forClass(beanType).as(FencedRpcEndpoint.class).getGeneric(0).resolve();
		if (token != null && !UUID.class.equals(token)) {
			throw new LeaderElectedEndpointException(beanName,
					"The endpoint " + describe(beanName, beanType) + " is marked leaderElected = true, but its fencing "
							+ "token type is " + token.getName() + ": the token of a leader-elected endpoint is the "
							+ "leader session id, a UUID.",
					"Extend FencedRpcEndpoint<UUID> (and FencedRpcGateway<UUID> for its gateways).");
		}
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof FencedRpcEndpoint<?> endpoint && endpoint.hasFixedFencingToken()
				&& isLeaderElected(AopUtils.getTargetClass(bean))) {
			throw new LeaderElectedEndpointException(beanName,
					"The endpoint " + describe(beanName, AopUtils.getTargetClass(bean)) + " is marked leaderElected = "
							+ "true, but it was created with a fixed fencing token, which leadership cannot change.",
					"Call super(rpcService, endpointId) without a token: the endpoint then serves with the leader "
							+ "session id while it leads and refuses every call otherwise.");
		}
		return bean;
	}

	static boolean isLeaderElected(Class<?> beanType) {
		RpcEndpointComponent annotation = AnnotatedElementUtils.findMergedAnnotation(beanType,
				RpcEndpointComponent.class);
		return annotation != null && annotation.leaderElected();
	}

	private static String describe(String beanName, Class<?> beanClass) {
		return "bean '" + beanName + "' (" + beanClass.getName() + ")";
	}

}
