package org.actorrpc.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.DefaultClassResolver;

/**
 * The class resolver of a pooled Kryo instance: it resolves registrations in two tables, the base
 * set every contract shares and the table of the contract that currently holds the instance
 * ({@link #use}), so one instance serves all gateway contracts of a service while each contract
 * keeps its own registration ids. It never resolves a class by the name found in a message: a
 * payload naming an unregistered class is refused before that class is loaded or any instance
 * created, and the error names it; classes are never registered implicitly. Used only by the
 * thread holding its Kryo instance.
 */
final class RefusingClassResolver implements com.esotericsoftware.kryo.ClassResolver {

	private final DefaultClassResolver base = new DefaultClassResolver();

	private Kryo kryo;

	/** The holder's contract table; {@code null} while the base set is being registered. */
	private DefaultClassResolver contract;

	@Override
	public void setKryo(Kryo kryo) {
		this.kryo = kryo;
		this.base.setKryo(kryo);
	}

	/**
	 * Makes a contract's table the one registrations are looked up in and added to.
	 * @param table the table, from {@link #newTable()}
	 */
	void use(DefaultClassResolver table) {
		this.contract = table;
	}

	/** @return an empty contract table for this resolver's Kryo instance */
	DefaultClassResolver newTable() {
		DefaultClassResolver table = new DefaultClassResolver();
		table.setKryo(this.kryo);
		return table;
	}

	private DefaultClassResolver target() {
		return (this.contract != null) ? this.contract : this.base;
	}

	@Override
	public Registration register(Registration registration) {
		return target().register(registration);
	}

	@Override
	public Registration unregister(int classId) {
		return target().unregister(classId);
	}

	@Override
	public Registration registerImplicit(Class type) {
		throw new KryoException("Class is not registered: " + type.getName());
	}

	@Override
	public Registration getRegistration(Class type) {
		Registration registration = this.base.getRegistration(type);
		if (registration == null && this.contract != null) {
			registration = this.contract.getRegistration(type);
		}
		return registration;
	}

	@Override
	public Registration getRegistration(int classId) {
		Registration registration = this.base.getRegistration(classId);
		if (registration == null && this.contract != null) {
			registration = this.contract.getRegistration(classId);
		}
		return registration;
	}

	@Override
	public Registration writeClass(Output output, Class type) {
		if (type == null) {
			output.writeByte(Kryo.NULL);
			return null;
		}
		// Kryo's lookup, so enum constants with bodies and proxies resolve as they always did
		Registration registration = this.kryo.getRegistration(type);
		output.writeVarInt(registration.getId() + 2, true);
		return registration;
	}

	@Override
	public Registration readClass(Input input) {
		int classId = input.readVarInt(true);
		if (classId == Kryo.NULL) {
			return null;
		}
		if (classId == DefaultClassResolver.NAME + 2) {
			throw refuseName(input);
		}
		Registration registration = getRegistration(classId - 2);
		if (registration == null) {
			throw new KryoException("Encountered unregistered class ID: " + (classId - 2));
		}
		return registration;
	}

	private static KryoException refuseName(Input input) {
		input.readVarInt(true);
		String className = input.readString();
		return new KryoException("Refused to deserialize an instance of unregistered class '" + className
				+ "': only classes derived from the gateway interfaces, the JDK base set and the configured extra "
				+ "serializable classes are accepted. If the class is legitimate, add it to the extra serializable "
				+ "classes on both sides (PekkoRpcServiceSettings.addSerializableClasses / "
				+ "actorrpc.serialization.extra-classes).");
	}

	@Override
	public void reset() {
		// Nothing per object graph: class names are never written or read.
	}

}
