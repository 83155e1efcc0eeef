package org.actorrpc.demo.api;

/**
 * The positive answer of a call that has no other result, as Flink's {@code Acknowledge}.
 */
public enum Acknowledge {

	/** The only instance. */
	INSTANCE

}
