package org.actorrpc.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One-way messages the endpoint processed in an iteration, reported by JMH as the secondary result
 * {@value #RESULT} in messages per second of measured time (each invocation includes the wait until the endpoint
 * has processed what was sent). Confined to one benchmark thread.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class DeliveredMessages {

	/** Name of the secondary result. */
	static final String RESULT = "delivered";

	/** Messages processed by the endpoint in this iteration; public because JMH reads it. */
	public long delivered;

	/** JMH resets nothing itself. */
	@Setup(Level.Iteration)
	public void reset() {
		this.delivered = 0;
	}

}
