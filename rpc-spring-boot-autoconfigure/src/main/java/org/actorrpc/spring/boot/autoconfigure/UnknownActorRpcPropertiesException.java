package org.actorrpc.spring.boot.autoconfigure;

import java.util.List;

/**
 * The environment sets {@code actorrpc.*} properties that do not exist (most likely misspelt),
 * and {@code actorrpc.fail-on-unknown-properties} is on. Reported at startup by
 * {@link UnknownActorRpcPropertiesFailureAnalyzer}. Immutable.
 */
final class UnknownActorRpcPropertiesException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final List<String> problems;

	/**
	 * Creates the exception.
	 * @param problems one line per unknown property, naming it and the nearest valid one
	 */
	UnknownActorRpcPropertiesException(List<String> problems) {
		super("Unknown actorrpc properties: " + String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	List<String> getProblems() {
		return this.problems;
	}

}
