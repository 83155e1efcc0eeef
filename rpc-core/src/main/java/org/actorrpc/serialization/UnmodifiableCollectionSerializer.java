package org.actorrpc.serialization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * Serializes the {@code Collections.unmodifiable*} views by copying their content and wrapping
 * it again on read (Kryo's collection serializers would call {@code add} on the read-only view).
 *
 * @param <T> the view type
 */
final class UnmodifiableCollectionSerializer<T> extends Serializer<T> {

	private final Function<Object, Object> copy;

	private final Function<Object, Object> wrap;

	private UnmodifiableCollectionSerializer(Function<Object, Object> copy, Function<Object, Object> wrap) {
		super(false, true);
		this.copy = copy;
		this.wrap = wrap;
	}

	@SuppressWarnings("unchecked")
	static Serializer<?> forType(Class<?> type) {
		if (type == Collections.unmodifiableList(new ArrayList<>()).getClass()) {
			return of((c) -> new ArrayList<>((Collection<Object>) c), (c) -> Collections.unmodifiableList((List<Object>) c));
		}
		if (type == Collections.unmodifiableList(new LinkedList<>()).getClass()) {
			return of((c) -> new LinkedList<>((Collection<Object>) c),
					(c) -> Collections.unmodifiableList((List<Object>) c));
		}
		if (type == Collections.unmodifiableSet(new HashSet<>()).getClass()) {
			return of((c) -> new HashSet<>((Collection<Object>) c), (c) -> Collections.unmodifiableSet((HashSet<Object>) c));
		}
		if (type == Collections.unmodifiableSortedSet(new TreeSet<>()).getClass()) {
			return of((c) -> new TreeSet<>((SortedSet<Object>) c),
					(c) -> Collections.unmodifiableSortedSet((TreeSet<Object>) c));
		}
		if (type == Collections.unmodifiableMap(new HashMap<>()).getClass()) {
			return of((m) -> new HashMap<>((Map<Object, Object>) m),
					(m) -> Collections.unmodifiableMap((HashMap<Object, Object>) m));
		}
		if (type == Collections.unmodifiableSortedMap(new TreeMap<>()).getClass()) {
			return of((m) -> new TreeMap<>((SortedMap<Object, Object>) m),
					(m) -> Collections.unmodifiableSortedMap((TreeMap<Object, Object>) m));
		}
		if (type == Collections.unmodifiableCollection(new ArrayList<>()).getClass()) {
			return of((c) -> new ArrayList<>((Collection<Object>) c),
					(c) -> Collections.unmodifiableCollection((ArrayList<Object>) c));
		}
		return null;
	}

	private static <T> UnmodifiableCollectionSerializer<T> of(Function<Object, Object> copy,
			Function<Object, Object> wrap) {
		return new UnmodifiableCollectionSerializer<>(copy, wrap);
	}

	@Override
	public void write(Kryo kryo, Output output, T object) {
		kryo.writeClassAndObject(output, this.copy.apply(object));
	}

	@Override
	@SuppressWarnings("unchecked")
	public T read(Kryo kryo, Input input, Class<? extends T> type) {
		return (T) this.wrap.apply(kryo.readClassAndObject(input));
	}

}
