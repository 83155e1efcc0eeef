package org.actorrpc.spring.boot.autoconfigure;

import java.net.BindException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Reports that the actor system could not listen because its port is taken, like Spring Boot's
 * own "Port 8080 was already in use", instead of Pekko's nested bind failures. Created by Spring
 * Boot with the application's environment; used once, on the thread that reports the failure.
 */
final class ActorRpcPortInUseFailureAnalyzer implements FailureAnalyzer {

	private static final String REMOTE_TRANSPORT_EXCEPTION = "org.apache.pekko.remote.RemoteTransportException";

	private final Environment environment;

	ActorRpcPortInUseFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		Throwable transportFailure = null;
		boolean bindFailed = false;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (REMOTE_TRANSPORT_EXCEPTION.equals(cause.getClass().getName())) {
				transportFailure = cause;
			}
			if (cause instanceof BindException
					|| String.valueOf(cause.getMessage()).contains("Address already in use")) {
				bindFailed = true;
			}
		}
		if (transportFailure == null || !bindFailed) {
			return null;
		}
		String portProperty = (this.environment.getProperty("actorrpc.bind-port") != null) ? "actorrpc.bind-port"
				: "actorrpc.port";
		String port = this.environment.getProperty(portProperty, "0");
		String host = this.environment.getProperty("actorrpc.bind-address",
				this.environment.getProperty("actorrpc.host", "127.0.0.1"));
		String description = "actorrpc could not listen on " + host + ":" + port + " (" + portProperty + "=" + port
				+ "): the port is already in use.";
		String action = "Identify and stop the process that is listening on port " + port + ", or set "
				+ portProperty + " to another port (0 picks a free one; clients then need the actual port).";
		return new FailureAnalysis(description, action, transportFailure);
	}

}
