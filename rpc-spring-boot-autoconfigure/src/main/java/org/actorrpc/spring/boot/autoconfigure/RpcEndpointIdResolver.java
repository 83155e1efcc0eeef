package org.actorrpc.spring.boot.autoconfigure;

import java.util.Arrays;
import java.util.List;

import org.actorrpc.spring.RpcEndpointComponent;
import org.actorrpc.spring.RpcEndpointId;

import org.springframework.beans.factory.InjectionPoint;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Works out the {@link RpcEndpointId} for an injection point in an
 * {@link RpcEndpointComponent @RpcEndpointComponent} class: the annotation's value, else the
 * {@linkplain #defaultId default id} of the (single) bean of that class. Stateless.
 */
final class RpcEndpointIdResolver {

	private RpcEndpointIdResolver() {
	}

	static RpcEndpointId resolve(InjectionPoint injectionPoint, ListableBeanFactory beanFactory) {
		Class<?> declaringClass = injectionPoint.getMember().getDeclaringClass();
		RpcEndpointComponent annotation = AnnotatedElementUtils.findMergedAnnotation(declaringClass,
				RpcEndpointComponent.class);
		if (annotation == null) {
			throw new IllegalStateException("RpcEndpointId can only be injected into an @RpcEndpointComponent class, "
					+ "but " + injectionPoint.getMember() + " belongs to " + declaringClass.getName()
					+ ": annotate the class with @RpcEndpointComponent or pass the endpoint id yourself");
		}
		if (StringUtils.hasText(annotation.value())) {
			return new RpcEndpointId(annotation.value());
		}
		List<String> names = Arrays.stream(beanFactory.getBeanNamesForType(declaringClass, true, false))
			.filter((name) -> {
				Class<?> type = beanFactory.getType(name, false);
				return type != null && declaringClass.equals(ClassUtils.getUserClass(type));
			})
			.toList();
		if (names.size() != 1) {
			throw new IllegalStateException("Cannot derive the endpoint id of " + declaringClass.getName()
					+ " from its bean name: found beans " + names
					+ ". Give the endpoint an explicit id with @RpcEndpointComponent(\"id\")");
		}
		return new RpcEndpointId(defaultId(declaringClass, names.get(0)));
	}

	/**
	 * Returns the id of an endpoint bean that has neither an annotation value nor an id of its
	 * own: its bean name, except that a name Spring made up from the class name (component scanning
	 * gives {@code outer.Inner} for a nested class, {@code @Import} the fully qualified class name)
	 * becomes the decapitalized simple class name, {@code greeterEndpoint} for
	 * {@code GreeterEndpoint} however it is registered.
	 * @param beanClass the endpoint class
	 * @param beanName its bean name
	 * @return the endpoint id
	 */
	static String defaultId(Class<?> beanClass, String beanName) {
		Class<?> userClass = ClassUtils.getUserClass(beanClass);
		boolean generated = beanName.equals(userClass.getName())
				|| beanName.equals(StringUtils.uncapitalizeAsProperty(ClassUtils.getShortName(userClass)));
		return generated ? StringUtils.uncapitalizeAsProperty(userClass.getSimpleName()) : beanName;
	}

}
