package org.actorrpc.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the fire-and-forget benchmark sent and what never arrived, reported by JMH as event counts (secondary
 * results {@code sent}, {@code lost}, {@code outOfOrder}, summed over the measured iterations). Only peers without a
 * delivery contract can have non-zero losses: for actorrpc the benchmark fails instead. Confined to one benchmark
 * thread.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class MessageLoss {

	/** Messages sent in this iteration; public because JMH reads it. */
	public long sent;

	/** Messages sent but never processed by the endpoint, in this iteration. */
	public long lost;

	/** Messages the endpoint saw with a lower sequence number than expected (reordered or twice), in this iteration. */
	public long outOfOrder;

	/** JMH resets nothing itself. */
	@Setup(Level.Iteration)
	public void reset() {
		this.sent = 0;
		this.lost = 0;
		this.outOfOrder = 0;
	}

}
