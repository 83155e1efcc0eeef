package org.actorrpc.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The calls a benchmark thread saw complete in an iteration, reported by JMH as the secondary result
 * {@value #RESULT} in calls per second of measured time. Both drivers add to it: the semaphore window one per
 * invocation, the call chains what completed during each slice. The comparison reads this result, not the
 * primary one (which counts invocations). Confined to one benchmark thread.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class CompletedCalls {

	/** Name of the secondary result. */
	static final String RESULT = "calls";

	/** Calls completed in this iteration; public because JMH reads it. */
	public long calls;

	/** JMH resets nothing itself. */
	@Setup(Level.Iteration)
	public void reset() {
		this.calls = 0;
	}

}
