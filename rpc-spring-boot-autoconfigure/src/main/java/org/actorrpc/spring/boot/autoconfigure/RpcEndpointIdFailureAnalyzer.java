package org.actorrpc.spring.boot.autoconfigure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.actorrpc.exceptions.RpcRuntimeException;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.AbstractBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Reports endpoint id failures at startup: an endpoint whose ids disagree or that has none
 * ({@link RpcEndpointIdException}), and two endpoints with one id (the RPC service refuses the
 * second), naming both beans. Created by Spring Boot with the failed context's bean factory; used
 * once, on the thread that reports the failure.
 */
final class RpcEndpointIdFailureAnalyzer implements FailureAnalyzer {

	/** The RPC service's message for an id that is taken. */
	private static final Pattern ID_IN_USE = Pattern
		.compile("Could not create the rpc endpoint (.+?): an endpoint with this id is already registered");

	private final BeanFactory beanFactory;

	RpcEndpointIdFailureAnalyzer(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		String failingBean = null;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BeanCreationException creation && creation.getBeanName() != null) {
				failingBean = creation.getBeanName();
			}
			if (cause instanceof RpcEndpointIdException idFailure) {
				return new FailureAnalysis(idFailure.getDescription(), idFailure.getAction(), idFailure);
			}
			if (cause instanceof RpcRuntimeException && cause.getMessage() != null) {
				Matcher matcher = ID_IN_USE.matcher(cause.getMessage());
				if (matcher.find()) {
					return idInUse(matcher.group(1), failingBean, cause);
				}
			}
		}
		return null;
	}

	private FailureAnalysis idInUse(String endpointId, String failingBean, Throwable cause) {
		String second = (failingBean != null) ? describeBean(failingBean) : "another endpoint";
		String first = registeredEndpoint(endpointId);
		String description = "Two RPC endpoints have the id '" + endpointId + "': " + second + " cannot register under "
				+ "it because " + ((first != null) ? first : "another endpoint of this RPC service")
				+ " already has it.";
		String action = "Give each endpoint its own id: with @RpcEndpointComponent(\"id\"), in the RpcEndpoint "
				+ "constructor, or by giving the beans different names. The id is the last element of the "
				+ "endpoint's address (pekko://<system-name>@<host>:<port>/user/rpc/<endpoint-id>).";
		return new FailureAnalysis(description, action, cause);
	}

	private String describeBean(String beanName) {
		Class<?> type = null;
		try {
			type = this.beanFactory.getType(beanName, false);
		}
		catch (RuntimeException ex) {
			// The definition is gone or its type cannot be resolved: the name alone still helps.
		}
		boolean nameSaysIt = type == null || beanName.equals(type.getName());
		return "bean '" + beanName + "'" + (nameSaysIt ? "" : " (" + type.getName() + ")");
	}

	private String registeredEndpoint(String endpointId) {
		// Refreshing failed, so the singletons are destroyed; the post-processor that recorded the
		// endpoints created before the failure is still registered with the bean factory.
		if (this.beanFactory instanceof AbstractBeanFactory factory) {
			for (Object processor : factory.getBeanPostProcessors()) {
				if (processor instanceof RpcEndpointBeanPostProcessor endpoints) {
					return endpoints.describeEndpoint(endpointId);
				}
			}
		}
		return null;
	}

}
