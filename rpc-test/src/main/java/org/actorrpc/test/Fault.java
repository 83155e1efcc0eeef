package org.actorrpc.test;

import org.actorrpc.test.internal.Network;

/**
 * A fault in force on a {@link TestingRpcService}, as returned by {@link FaultInjector}: a rule
 * that drops, delays or reorders invocations, or a partition. {@link #heal()} ends it; invocations
 * it already delayed or held are still handed over as planned (a dropped one stays lost).
 * Thread-safe.
 */
public final class Fault {

	private final Network network;

	private final Network.Rule rule;

	private final Network.Partition partition;

	private final String description;

	private volatile boolean active = true;

	Fault(Network network, Network.Rule rule, Network.Partition partition, String description) {
		this.network = network;
		this.rule = rule;
		this.partition = partition;
		this.description = description;
	}

	/** Ends the fault. Idempotent. */
	public void heal() {
		this.active = false;
		if (this.rule != null) {
			this.network.remove(this.rule);
		}
		if (this.partition != null) {
			this.network.remove(this.partition);
		}
	}

	/**
	 * Whether the fault is still in force.
	 * @return {@code false} once healed
	 */
	public boolean isActive() {
		return this.active;
	}

	/**
	 * Returns how many invocations this fault dropped, delayed or held (0 for a partition: its calls
	 * fail instead).
	 * @return the count so far
	 */
	public long affectedMessages() {
		return (this.rule != null) ? this.rule.affected() : 0;
	}

	@Override
	public String toString() {
		return "Fault(" + this.description + (this.active ? "" : ", healed") + ")";
	}

}
