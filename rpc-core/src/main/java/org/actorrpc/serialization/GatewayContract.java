package org.actorrpc.serialization;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Output;

import org.actorrpc.RpcGateway;

/**
 * What two nodes must agree on to exchange messages for one gateway interface: its methods (in a
 * deterministic order, so a method travels as an index) and the Kryo registry of every class its
 * messages can contain, derived from the interface plus configured extra classes. The
 * {@link #fingerprint()} covers both and is compared in the connect handshake.
 *
 * <p>Kryo runs with registration required and never resolves class names found in a payload, so
 * an unregistered class is refused before it is loaded or instantiated. Java serialization is not
 * used. Every length Kryo reads from a payload is checked against the bytes left before it is
 * allocated ({@link BoundedInput}, bounded collection, map and array serializers), and nesting is
 * limited to {@link #MAX_NESTING_DEPTH}.
 *
 * <p>Immutable and thread-safe. Kryo itself is not thread-safe: {@link #borrow()} hands the calling
 * thread an instance no other thread holds until it gives it back with {@link #release(Kryo)}, or
 * with {@link #discard(Kryo)} after an operation on it threw (a read that failed half-way may leave
 * Kryo's internal state, such as its generics stack, inconsistent, so such an instance is never
 * used again). Instances come from a {@link KryoPool}: the contracts of one service share the
 * service's pool ({@link #of(Class, List, KryoPool)}), and one instance serves all of them, each
 * contract with its own registration ids, so a service holds as many instances as threads use
 * them at the same moment. A borrow and a release take no lock and, once the pool holds an idle
 * instance that has served this contract, allocate nothing.
 */
public final class GatewayContract {

	private static final String FORMAT = "actorrpc-contract-v1";

	/**
	 * Deepest object nesting Kryo reads or writes. A forged payload nesting arrays a million levels
	 * deep would otherwise overflow the stack of the transport thread that decodes it; control-plane
	 * messages nest a few levels.
	 */
	public static final int MAX_NESTING_DEPTH = 128;

	private final Class<? extends RpcGateway> gateway;

	private final List<Method> methods;

	private final Map<Method, Integer> methodIndex;

	private final List<Class<?>> registeredClasses;

	private final List<String> descriptors;

	private final long fingerprint;

	private final KryoPool kryos;

	/** This contract's index in the contract tables of its pool's instances. */
	private final int slot;

	private GatewayContract(Class<? extends RpcGateway> gateway, List<Class<?>> extraClasses, KryoPool kryos) {
		this.gateway = gateway;
		this.methods = sortedMethods(gateway);
		this.methodIndex = new HashMap<>();
		for (int i = 0; i < this.methods.size(); i++) {
			this.methodIndex.put(this.methods.get(i), i);
		}
		GatewayTypeCollector collector = new GatewayTypeCollector().collectGateway(gateway);
		for (Class<?> extra : extraClasses) {
			collector.collectClass(extra);
		}
		TreeMap<String, Class<?>> classes = collector.classes();
		this.registeredClasses = List.copyOf(classes.values());
		this.descriptors = describe(gateway, this.methods, this.registeredClasses);
		this.fingerprint = fingerprint(this.descriptors);
		this.kryos = kryos;
		this.slot = kryos.newContractSlot();
	}

	/**
	 * Derives the contract of a gateway interface, with Kryo instances of its own.
	 * @param gateway the gateway interface
	 * @param extraClasses classes to register in addition to the derived ones
	 * @return the contract
	 * @throws IllegalArgumentException if {@code gateway} is not an interface
	 */
	public static GatewayContract of(Class<? extends RpcGateway> gateway, List<Class<?>> extraClasses) {
		return of(gateway, extraClasses, new KryoPool());
	}

	/**
	 * Derives the contract of a gateway interface, sharing Kryo instances with the other contracts
	 * of {@code kryos} (those of one service). The fingerprint, registration ids and bytes are the
	 * same as with instances of its own.
	 * @param gateway the gateway interface
	 * @param extraClasses classes to register in addition to the derived ones
	 * @param kryos the Kryo instances of the service the contract belongs to
	 * @return the contract
	 * @throws IllegalArgumentException if {@code gateway} is not an interface
	 */
	public static GatewayContract of(Class<? extends RpcGateway> gateway, List<Class<?>> extraClasses,
			KryoPool kryos) {
		if (!gateway.isInterface()) {
			throw new IllegalArgumentException(gateway.getName() + " is not an interface: gateways are interfaces "
					+ "extending RpcGateway");
		}
		return new GatewayContract(gateway, extraClasses, kryos);
	}

	/** @return the gateway interface */
	public Class<? extends RpcGateway> gateway() {
		return this.gateway;
	}

	/** @return the RPC methods, in wire order (a method travels as its index in this list) */
	public List<Method> methods() {
		return this.methods;
	}

	/**
	 * Returns the wire index of a method.
	 * @param method a method of the gateway (as obtained from any copy of its Method object)
	 * @return the index, or -1 if it is not an RPC method of this gateway
	 */
	public int indexOf(Method method) {
		Integer index = this.methodIndex.get(method);
		return (index != null) ? index : -1;
	}

	/** @return the classes registered on top of the base set, sorted by name */
	public List<Class<?>> registeredClasses() {
		return this.registeredClasses;
	}

	/** @return one line per method signature and registered class shape; the fingerprint's input */
	public List<String> descriptors() {
		return this.descriptors;
	}

	/** @return a 64-bit hash of {@link #descriptors()} */
	public long fingerprint() {
		return this.fingerprint;
	}

	/**
	 * Hands the calling thread a Kryo instance with this contract's registry, held by no other
	 * thread until it is given back. End every borrow with exactly one {@link #release(Kryo)} or
	 * {@link #discard(Kryo)}, on the same thread.
	 * @return a Kryo instance
	 */
	public Kryo borrow() {
		PooledKryo kryo = this.kryos.borrow();
		kryo.use(this, this.slot, this.registeredClasses);
		return kryo;
	}

	/**
	 * Gives back an instance after a use that completed; resets per-operation state and returns it
	 * to the pool for the next borrow, on any thread.
	 * @param kryo the instance from {@link #borrow()}
	 * @throws IllegalArgumentException if {@code kryo} is not held from this contract's borrow
	 */
	public void release(Kryo kryo) {
		PooledKryo pooled = held(kryo);
		pooled.reset();
		pooled.clearHolder();
		this.kryos.release(pooled);
	}

	/**
	 * Gives back an instance after an operation on it threw: it is dropped, never borrowed again,
	 * since a read that failed half-way may leave its internal state (such as the generics stack)
	 * inconsistent; a later borrow gets another instance.
	 * @param kryo the instance from {@link #borrow()}
	 * @throws IllegalArgumentException if {@code kryo} is not held from this contract's borrow
	 */
	public void discard(Kryo kryo) {
		held(kryo).clearHolder();
	}

	private PooledKryo held(Kryo kryo) {
		if (!(kryo instanceof PooledKryo pooled) || pooled.pool() != this.kryos || pooled.holder() != this) {
			throw new IllegalArgumentException("This Kryo instance is not held from " + this.gateway.getName()
					+ "'s borrow(): give back an instance once, to the contract that lent it");
		}
		return pooled;
	}

	/**
	 * Serializes one value (with its class) with this contract's registry.
	 * @param value the value, may be null
	 * @return the bytes
	 * @throws KryoException naming the class if the value contains an unregistered class
	 */
	public byte[] toBytes(Object value) {
		Kryo kryo = borrow();
		byte[] bytes;
		try (Output output = new Output(256, -1)) {
			kryo.writeClassAndObject(output, value);
			bytes = output.toBytes();
		}
		catch (Throwable ex) {
			discard(kryo);
			throw ex;
		}
		release(kryo);
		return bytes;
	}

	/**
	 * Deserializes one value written by {@link #toBytes(Object)}.
	 * @param bytes the bytes
	 * @return the value
	 * @throws KryoException if the payload names a class outside the registry
	 */
	public Object fromBytes(byte[] bytes) {
		Kryo kryo = borrow();
		Object value;
		try {
			value = kryo.readClassAndObject(new BoundedInput(ByteBuffer.wrap(bytes)));
		}
		catch (Throwable ex) {
			discard(kryo);
			throw ex;
		}
		release(kryo);
		return value;
	}

	/**
	 * Explains how two contracts' descriptors differ, for a handshake error.
	 * @param local this side's descriptors
	 * @param remote the other side's descriptors
	 * @return a human-readable difference
	 */
	public static String describeDifference(List<String> local, List<String> remote) {
		Set<String> onlyLocal = new LinkedHashSet<>(local);
		remote.forEach(onlyLocal::remove);
		Set<String> onlyRemote = new LinkedHashSet<>(remote);
		local.forEach(onlyRemote::remove);
		if (onlyLocal.isEmpty() && onlyRemote.isEmpty()) {
			return "same entries in a different order";
		}
		return "only on the endpoint's side: " + onlyLocal + "; only on the caller's side: " + onlyRemote;
	}

	private static List<Method> sortedMethods(Class<?> gateway) {
		List<Method> result = new ArrayList<>();
		for (Method method : gateway.getMethods()) {
			if (!GatewayTypeCollector.isInfrastructure(method)) {
				result.add(method);
			}
		}
		result.sort(Comparator.comparing(GatewayContract::signature));
		return List.copyOf(result);
	}

	static String signature(Method method) {
		StringBuilder sb = new StringBuilder(method.getName()).append('(');
		Class<?>[] parameters = method.getParameterTypes();
		for (int i = 0; i < parameters.length; i++) {
			sb.append((i > 0) ? "," : "").append(parameters[i].getTypeName());
		}
		return sb.append(')').append(method.getGenericReturnType().getTypeName()).toString();
	}

	private static List<String> describe(Class<?> gateway, List<Method> methods, List<Class<?>> classes) {
		List<String> lines = new ArrayList<>();
		lines.add("gateway " + gateway.getName());
		for (Method method : methods) {
			lines.add("method " + signature(method));
		}
		for (Class<?> type : classes) {
			lines.add("class " + shape(type));
		}
		return List.copyOf(lines);
	}

	private static String shape(Class<?> type) {
		if (type.isEnum()) {
			Object[] constants = type.getEnumConstants();
			return type.getName() + Arrays.toString(constants);
		}
		if (type.isRecord()) {
			StringBuilder sb = new StringBuilder(type.getName()).append('(');
			RecordComponent[] components = type.getRecordComponents();
			for (int i = 0; i < components.length; i++) {
				sb.append((i > 0) ? ", " : "")
					.append(components[i].getGenericType().getTypeName())
					.append(' ')
					.append(components[i].getName());
			}
			return sb.append(')').toString();
		}
		if (type.isArray()) {
			return type.getTypeName();
		}
		Set<String> fields = new TreeSet<>();
		for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
			for (java.lang.reflect.Field field : c.getDeclaredFields()) {
				int modifiers = field.getModifiers();
				if (!java.lang.reflect.Modifier.isStatic(modifiers) && !java.lang.reflect.Modifier.isTransient(modifiers)) {
					fields.add(field.getGenericType().getTypeName() + " " + field.getName());
				}
			}
		}
		return type.getName() + fields;
	}

	private static long fingerprint(List<String> descriptors) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(FORMAT.getBytes(StandardCharsets.UTF_8));
			for (String name : BaseRegistrations.names()) {
				digest.update(name.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) '\n');
			}
			for (String line : descriptors) {
				digest.update(line.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) '\n');
			}
			byte[] hash = digest.digest();
			long value = 0;
			for (int i = 0; i < 8; i++) {
				value = (value << 8) | (hash[i] & 0xFF);
			}
			return value;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
