package org.actorrpc.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link InvalidActorRpcPropertyException} into a startup report naming the property,
 * its value and the fix. Stateless and thread-safe.
 */
class InvalidActorRpcPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidActorRpcPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidActorRpcPropertyException cause) {
		String problem = (cause.getValue() != null) ? "has the invalid value '" + cause.getValue() + "'"
				: "is not set";
		String description = "The actorrpc property '" + cause.getProperty() + "' " + problem + ": "
				+ cause.getReason() + ".";
		return new FailureAnalysis(description, cause.getAction(), cause);
	}

}
