package org.actorrpc.spring.boot.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

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
 * {@link RpcEndpoint} and its id follows the rule (the annotation value if given; otherwise the id
 * the constructor passed to {@code RpcEndpoint}, which is the bean's default id when it passed an
 * injected {@link org.actorrpc.spring.RpcEndpointId}); and records them in
 * creation order, so that {@link RpcEndpointLifecycle} starts an endpoint after the endpoints it
 * depends on and stops it before them. It also turns off the bean factory's inferred
 * {@code close()} for them: {@link RpcEndpointLifecycle} closes endpoints, bounded by the grace
 * period, and an unbounded {@code close()} at destruction could hang.
 *
 * <p>Called by the bean factory; the recorded list is thread-safe.
 */
final class RpcEndpointBeanPostProcessor implements MergedBeanDefinitionPostProcessor {

	/** What {@code RpcEndpoint(RpcService)} makes up: a random (version 4) UUID. */
	private static final Pattern RANDOM_ID = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

	private final List<RpcEndpoint> created = new CopyOnWriteArrayList<>();

	private final Map<String, String> beansById = new ConcurrentHashMap<>();

	/**
	 * Returns the endpoint beans created so far.
	 * @return the endpoints, in creation order
	 */
	List<RpcEndpoint> createdEndpoints() {
		return List.copyOf(this.created);
	}

	/**
	 * Describes the endpoint bean created under an id, for failure reports.
	 * @param endpointId the endpoint id
	 * @return "bean 'name' (class)", or {@code null} if no endpoint bean has that id
	 */
	String describeEndpoint(String endpointId) {
		return this.beansById.get(endpointId);
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
				checkId(endpoint, beanClass, beanName, annotation);
				this.beansById.put(endpoint.getEndpointId(), describe(beanName, beanClass));
				this.created.add(endpoint);
			}
		}
		return bean;
	}

	private static void checkId(RpcEndpoint endpoint, Class<?> beanClass, String beanName,
			RpcEndpointComponent annotation) {
		String declared = annotation.value();
		String actual = endpoint.getEndpointId();
		if (StringUtils.hasText(declared) && !declared.equals(actual)) {
			throw new RpcEndpointIdException("The endpoint " + describe(beanName, beanClass)
					+ " has two different ids: '" + declared + "' from @RpcEndpointComponent and '" + actual
					+ "' passed to the RpcEndpoint constructor.",
					"Keep one of them: remove the value from @RpcEndpointComponent to use '" + actual
							+ "', or pass the annotation's id to the constructor (declare a constructor parameter "
							+ "'RpcEndpointId endpointId' and call super(rpcService, endpointId.value())).");
		}
		if (!StringUtils.hasText(declared) && RANDOM_ID.matcher(actual).matches()) {
			String suggested = RpcEndpointIdResolver.defaultId(beanClass, beanName);
			throw new RpcEndpointIdException("The endpoint " + describe(beanName, beanClass)
					+ " has no id: its constructor called RpcEndpoint(RpcService), which makes up the random id '"
					+ actual + "' that no client can be configured with.",
					"Give it an id: pass one to the constructor, super(rpcService, \"" + suggested
							+ "\"), set it with @RpcEndpointComponent(\"" + suggested + "\") and pass it on "
							+ "through a constructor parameter 'RpcEndpointId endpointId', or declare that "
							+ "parameter alone to use the default id '" + suggested + "'.");
		}
	}

	private static String describe(String beanName, Class<?> beanClass) {
		return beanName.equals(beanClass.getName()) ? "bean '" + beanName + "'"
				: "bean '" + beanName + "' (" + beanClass.getName() + ")";
	}

}
