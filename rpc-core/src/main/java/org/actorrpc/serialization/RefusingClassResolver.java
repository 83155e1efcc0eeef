package org.actorrpc.serialization;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.util.DefaultClassResolver;

/**
 * A class resolver that never resolves a class by the name found in a message: a payload naming
 * an unregistered class is refused before that class is loaded or any instance created, and the
 * error names it.
 */
final class RefusingClassResolver extends DefaultClassResolver {

	@Override
	protected Registration readName(Input input) {
		input.readVarInt(true);
		String className = input.readString();
		throw new KryoException("Refused to deserialize an instance of unregistered class '" + className
				+ "': only classes derived from the gateway interfaces, the JDK base set and the configured extra "
				+ "serializable classes are accepted. If the class is legitimate, add it to the extra serializable "
				+ "classes on both sides (PekkoRpcServiceSettings.addSerializableClasses / "
				+ "actorrpc.serialization.extra-classes).");
	}

}
