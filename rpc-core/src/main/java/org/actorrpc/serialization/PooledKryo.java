package org.actorrpc.serialization;

import java.util.Arrays;
import java.util.List;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.util.DefaultClassResolver;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import com.esotericsoftware.kryo.util.MapReferenceResolver;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * One Kryo instance of a {@link KryoPool}, configured as {@link GatewayContract} promises
 * (registration required, names refused, bounded serializers, nesting limit). It holds the base
 * registrations once and, per contract that borrowed it, that contract's registrations in a table
 * of their own, built on the contract's first borrow; {@link #use} switches to a contract's table.
 * Not thread-safe: only the thread that borrowed it from the pool touches it.
 */
final class PooledKryo extends Kryo {

	private final KryoPool pool;

	private final RefusingClassResolver resolver;

	/** The contract holding this instance, {@code null} while it is idle in its pool. */
	private GatewayContract holder;

	/** Contract tables by {@link GatewayContract}'s slot in the pool; grown on demand. */
	private DefaultClassResolver[] tables = new DefaultClassResolver[4];

	private PooledKryo(KryoPool pool, RefusingClassResolver resolver) {
		super(resolver, new MapReferenceResolver());
		this.pool = pool;
		this.resolver = resolver;
		setRegistrationRequired(true);
		setReferences(false);
		setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
		setMaxDepth(GatewayContract.MAX_NESTING_DEPTH);
		BaseRegistrations.register(this);
		BoundedSerializers.install(this, 0, BaseRegistrations.FIRST_DERIVED_ID - 1);
	}

	/**
	 * Creates an instance holding the base registrations.
	 * @param pool the pool it belongs to
	 * @return the instance
	 */
	static PooledKryo create(KryoPool pool) {
		return new PooledKryo(pool, new RefusingClassResolver());
	}

	KryoPool pool() {
		return this.pool;
	}

	GatewayContract holder() {
		return this.holder;
	}

	/** Marks this instance idle; its pool may hand it to another thread from now on. */
	void clearHolder() {
		this.holder = null;
	}

	/**
	 * Makes this instance write and read with a contract's registration ids, registering the
	 * contract's classes the first time it is used for it.
	 * @param contract the contract that borrowed it
	 * @param slot the contract's slot in the pool
	 * @param classes the contract's derived and extra classes, in id order
	 */
	void use(GatewayContract contract, int slot, List<Class<?>> classes) {
		this.holder = contract;
		if (slot >= this.tables.length) {
			this.tables = Arrays.copyOf(this.tables, Math.max(slot + 1, this.tables.length * 2));
		}
		DefaultClassResolver table = this.tables[slot];
		if (table != null) {
			this.resolver.use(table);
			return;
		}
		table = this.resolver.newTable();
		this.resolver.use(table);
		int id = BaseRegistrations.FIRST_DERIVED_ID;
		for (Class<?> type : classes) {
			register(type, id++);
		}
		BoundedSerializers.install(this, BaseRegistrations.FIRST_DERIVED_ID, id);
		this.tables[slot] = table;
	}

}
