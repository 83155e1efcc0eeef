package org.actorrpc.spring.boot.autoconfigure;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.actorrpc.RpcGateway;
import org.actorrpc.spring.RpcClient;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.BeanDefinitionStoreException;
import org.springframework.core.type.MethodMetadata;
import org.springframework.util.ClassUtils;

/**
 * Registers one bean per {@link RpcClient @RpcClient} name and gateway type found on the fields,
 * methods and constructor parameters of the application's bean classes (including
 * {@code @Bean} method parameters of configuration classes). Each bean is qualified by its
 * {@code @RpcClient} annotation and is not a default candidate, so it is injected only where
 * {@code @RpcClient("name")} asks for it.
 *
 * <p>Runs once, while the bean factory is being prepared.
 */
final class RpcClientBeanRegistrar implements BeanDefinitionRegistryPostProcessor {

	/** Prefix of the registered bean names: {@code actorrpc.client.<name>.<gateway>}. */
	static final String BEAN_NAME_PREFIX = "actorrpc.client.";

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
		ClassLoader classLoader = (registry instanceof ConfigurableListableBeanFactory beanFactory)
				? beanFactory.getBeanClassLoader() : ClassUtils.getDefaultClassLoader();
		Map<String, ClientKey> found = new LinkedHashMap<>();
		for (String beanName : registry.getBeanDefinitionNames()) {
			Class<?> beanClass = beanClass(registry.getBeanDefinition(beanName), classLoader);
			if (beanClass != null) {
				try {
					collect(beanClass, found);
				}
				catch (LinkageError ex) {
					// A class referring to an optional dependency that is absent cannot hold
					// @RpcClient injection points that could be satisfied anyway.
				}
			}
		}
		BeanFactory beanFactory = (BeanFactory) registry;
		found.forEach((beanName, key) -> {
			if (!registry.containsBeanDefinition(beanName)) {
				registry.registerBeanDefinition(beanName, definition(key, beanFactory));
			}
		});
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
	}

	private static <C extends RpcGateway> RootBeanDefinition definition(ClientKey key, BeanFactory beanFactory) {
		@SuppressWarnings("unchecked")
		Class<C> type = (Class<C>) key.gatewayType();
		RootBeanDefinition definition = new RootBeanDefinition(type,
				() -> beanFactory.getBean(RpcClients.class).client(key.name(), type));
		definition.addQualifier(new AutowireCandidateQualifier(RpcClient.class, key.name()));
		definition.setDefaultCandidate(false);
		definition.setPrimary(false);
		definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
		definition.setDestroyMethodName("");
		return definition;
	}

	private static Class<?> beanClass(BeanDefinition definition, ClassLoader classLoader) {
		String className = definition.getBeanClassName();
		if (definition instanceof AnnotatedBeanDefinition annotated) {
			MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
			if (factoryMethod != null) {
				className = factoryMethod.getReturnTypeName();
			}
		}
		if (className == null) {
			return null;
		}
		try {
			return ClassUtils.forName(className, classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

	static void collect(Class<?> beanClass, Map<String, ClientKey> found) {
		for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
			if (type.getName().startsWith("java.") || type.getName().startsWith("org.springframework.")) {
				continue;
			}
			for (Field field : type.getDeclaredFields()) {
				add(field.getAnnotation(RpcClient.class), field.getType(), field.toString(), found);
			}
			for (Method method : type.getDeclaredMethods()) {
				RpcClient onMethod = method.getAnnotation(RpcClient.class);
				if (onMethod != null) {
					if (method.getParameterCount() != 1) {
						throw new BeanDefinitionStoreException("@RpcClient on " + method
								+ " needs a setter with exactly one gateway parameter");
					}
					add(onMethod, method.getParameterTypes()[0], method.toString(), found);
				}
				collectParameters(method.getParameters(), method.toString(), found);
			}
			for (Constructor<?> constructor : type.getDeclaredConstructors()) {
				collectParameters(constructor.getParameters(), constructor.toString(), found);
			}
		}
	}

	private static void collectParameters(Parameter[] parameters, String member, Map<String, ClientKey> found) {
		for (Parameter parameter : parameters) {
			add(parameter.getAnnotation(RpcClient.class), parameter.getType(), member, found);
		}
	}

	private static void add(RpcClient annotation, Class<?> type, String member, Map<String, ClientKey> found) {
		if (annotation == null) {
			return;
		}
		if (!type.isInterface() || !RpcGateway.class.isAssignableFrom(type)) {
			throw new BeanDefinitionStoreException("@RpcClient(\"" + annotation.value() + "\") on " + member
					+ " has type " + type.getName() + ", which is not an RpcGateway interface: declare the gateway "
					+ "interface type (an interface extending org.actorrpc.RpcGateway)");
		}
		if (annotation.value().isBlank()) {
			throw new BeanDefinitionStoreException("@RpcClient on " + member
					+ " has an empty name: write @RpcClient(\"name\") and configure actorrpc.clients.name.address");
		}
		ClientKey key = new ClientKey(annotation.value(), type);
		found.putIfAbsent(BEAN_NAME_PREFIX + key.name() + "." + type.getName(), key);
	}

	record ClientKey(String name, Class<?> gatewayType) {
	}

}
