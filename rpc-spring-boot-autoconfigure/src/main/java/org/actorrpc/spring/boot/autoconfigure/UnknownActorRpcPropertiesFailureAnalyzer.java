package org.actorrpc.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link UnknownActorRpcPropertiesException} into a startup report listing each unknown
 * property with the nearest valid one. Stateless and thread-safe.
 */
final class UnknownActorRpcPropertiesFailureAnalyzer
		extends AbstractFailureAnalyzer<UnknownActorRpcPropertiesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnknownActorRpcPropertiesException cause) {
		StringBuilder description = new StringBuilder(
				"The configuration sets actorrpc properties that do not exist:\n");
		cause.getProblems().forEach((problem) -> description.append("\n    ").append(problem));
		return new FailureAnalysis(description.toString(),
				"Correct or remove these properties (the valid ones are listed in the README's configuration "
						+ "reference and in your IDE's completion). To only log them as warnings, set "
						+ "actorrpc.fail-on-unknown-properties=false.",
				cause);
	}

}
