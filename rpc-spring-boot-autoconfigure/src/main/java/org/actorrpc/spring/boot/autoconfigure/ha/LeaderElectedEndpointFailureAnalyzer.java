package org.actorrpc.spring.boot.autoconfigure.ha;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an {@code @RpcEndpointComponent(leaderElected = true)} bean that cannot be leader-elected
 * ({@link LeaderElectedEndpointException}). Stateless.
 */
final class LeaderElectedEndpointFailureAnalyzer extends AbstractFailureAnalyzer<LeaderElectedEndpointException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, LeaderElectedEndpointException cause) {
		return new FailureAnalysis(cause.getDescription(), cause.getAction(), cause);
	}

}
