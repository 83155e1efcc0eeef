package org.actorrpc.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link InvalidActorRpcPropertyException} into a startup report naming the property,
 * its value and the fix.
 */
class InvalidActorRpcPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidActorRpcPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidActorRpcPropertyException cause) {
		String description = "The actorrpc property '" + cause.getProperty() + "' has the invalid value '"
				+ cause.getValue() + "':\n\n    " + cause.getMessage();
		return new FailureAnalysis(description, cause.getAction(), cause);
	}

}
