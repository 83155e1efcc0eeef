package org.actorrpc.spring.boot.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.spring.RpcEndpointComponent;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.support.MergedBeanDefinitionPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;

/**
 * Checks {@link RpcEndpointComponent @RpcEndpointComponent} beans: the class extends
 * {@link RpcEndpoint} and the endpoint registered under its declared id; and records them in
 * creation order, so that {@link RpcEndpointLifecycle} starts an endpoint after the endpoints it
 * depends on and stops it before them. It also turns off the bean factory's inferred
 * {@code close()} for them: {@link RpcEndpointLifecycle} closes endpoints, bounded by the grace
 * period, and an unbounded {@code close()} at destruction could hang.
 *
 * <p>Called by the bean factory; the recorded list is thread-safe.
 */
final class RpcEndpointBeanPostProcessor implements MergedBeanDefinitionPostProcessor {

	private final List<RpcEndpoint> created = new CopyOnWriteArrayList<>();

	/**
	 * Returns the endpoint beans created so far.
	 * @return the endpoints, in creation order
	 */
	List<RpcEndpoint> createdEndpoints() {
		return List.copyOf(this.created);
	}

	@Override
	public void postProcessMergedBeanDefinition(RootBeanDefinition beanDefinition, Class<?> beanType,
			String beanName) {
		if (!AnnotatedElementUtils.hasAnnotation(beanType, RpcEndpointComponent.class)) {
			return;
		}
		if (!RpcEndpoint.class.isAssignableFrom(beanType)) {
			throw new BeanCreationException(beanName, "@RpcEndpointComponent class " + beanType.getName()
					+ " does not extend " + RpcEndpoint.class.getName()
					+ ": extend RpcEndpoint (or FencedRpcEndpoint) and implement its gateway interfaces");
		}
		beanDefinition.setDestroyMethodName("");
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		if (bean instanceof RpcEndpoint endpoint) {
			Class<?> beanClass = AopUtils.getTargetClass(bean);
			RpcEndpointComponent annotation = AnnotatedElementUtils.findMergedAnnotation(beanClass,
					RpcEndpointComponent.class);
			if (annotation != null) {
				String expected = expectedId(annotation, beanName);
				if (!expected.equals(endpoint.getEndpointId())) {
					throw new BeanCreationException(beanName, "Endpoint " + beanClass.getName()
							+ " registered under id '" + endpoint.getEndpointId() + "' but its id is '" + expected
							+ "' (from @RpcEndpointComponent or the bean name). Pass the id to the RpcEndpoint "
							+ "constructor: super(rpcService, \"" + expected + "\"), or declare a constructor "
							+ "parameter 'RpcEndpointId endpointId' and call super(rpcService, endpointId.value())");
				}
				this.created.add(endpoint);
			}
		}
		return bean;
	}

	static String expectedId(RpcEndpointComponent annotation, String beanName) {
		return StringUtils.hasText(annotation.value()) ? annotation.value() : beanName;
	}

}
