package org.actorrpc.serialization;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The Kryo instances of one service, shared by all the gateway contracts created with it
 * ({@link GatewayContract#of(Class, java.util.List, KryoPool)}): an instance holds the base
 * registrations once and each contract's registrations in a table of its own, so a service keeps
 * as many instances as it has threads encoding or decoding at the same moment (typically one or
 * two), not one per contract and thread.
 *
 * <p>Thread-safe and lock-free: idle instances sit in a fixed array of slots that
 * {@link GatewayContract#borrow()} empties and {@link GatewayContract#release} refills with one
 * compare-and-set each, so a borrow hands an instance to exactly one thread and allocates nothing
 * once an instance is idle. When every slot is empty a borrow creates an instance; when every slot
 * is full a release drops the instance, so at most {@link #DEFAULT_IDLE_SLOTS} idle instances are
 * kept however many threads once ran at the same time.
 */
public final class KryoPool {

	/** Idle instances a pool keeps: more threads than this rarely encode at the same moment. */
	public static final int DEFAULT_IDLE_SLOTS = 8;

	private final AtomicReferenceArray<PooledKryo> idle;

	private final AtomicInteger contracts = new AtomicInteger();

	private final AtomicLong created = new AtomicLong();

	/** Creates a pool keeping up to {@link #DEFAULT_IDLE_SLOTS} idle instances. */
	public KryoPool() {
		this(DEFAULT_IDLE_SLOTS);
	}

	/**
	 * Creates a pool.
	 * @param idleSlots how many idle instances it keeps, at least 1
	 * @throws IllegalArgumentException if {@code idleSlots} is below 1
	 */
	public KryoPool(int idleSlots) {
		if (idleSlots < 1) {
			throw new IllegalArgumentException("A Kryo pool needs at least 1 idle slot, not " + idleSlots);
		}
		this.idle = new AtomicReferenceArray<>(idleSlots);
	}

	/** @return how many Kryo instances this pool has created so far (for monitoring and tests) */
	public long created() {
		return this.created.get();
	}

	/** @return the next contract's index in every instance's table of contract tables */
	int newContractSlot() {
		return this.contracts.getAndIncrement();
	}

	PooledKryo borrow() {
		for (int i = 0; i < this.idle.length(); i++) {
			PooledKryo kryo = this.idle.get(i);
			if (kryo != null && this.idle.compareAndSet(i, kryo, null)) {
				return kryo;
			}
		}
		this.created.incrementAndGet();
		return PooledKryo.create(this);
	}

	void release(PooledKryo kryo) {
		for (int i = 0; i < this.idle.length(); i++) {
			if (this.idle.get(i) == null && this.idle.compareAndSet(i, null, kryo)) {
				return;
			}
		}
		// every slot holds an idle instance already: let this one go
	}

}
