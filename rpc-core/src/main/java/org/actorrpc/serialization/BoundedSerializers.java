package org.actorrpc.serialization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Function;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.serializers.CollectionSerializer;
import com.esotericsoftware.kryo.serializers.DefaultArraySerializers.BooleanArraySerializer;
import com.esotericsoftware.kryo.serializers.DefaultArraySerializers.ObjectArraySerializer;
import com.esotericsoftware.kryo.serializers.DefaultArraySerializers.StringArraySerializer;
import com.esotericsoftware.kryo.serializers.DefaultSerializers.ArraysAsListSerializer;
import com.esotericsoftware.kryo.serializers.DefaultSerializers.PriorityQueueSerializer;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers.JdkImmutableListSerializer;
import com.esotericsoftware.kryo.serializers.MapSerializer;

/**
 * Replaces the Kryo serializers that size an allocation from a length read off the wire
 * ({@code new ArrayList(size)}, {@code new HashMap(size)}, {@code new PriorityQueue(size)},
 * {@code Array.newInstance(type, n)}, {@code new String[n]}, {@code new boolean[n]})
 * with variants that first check the length against the bytes left in the frame (every element
 * takes at least one byte). Same wire format as the serializers they replace. Applied to every
 * registration of a Kryo instance once, before first use.
 */
final class BoundedSerializers {

	private BoundedSerializers() {
	}

	/**
	 * Swaps the serializers of the registrations with ids from {@code minId} to {@code maxId}.
	 * @param kryo a Kryo instance whose registrations in that range are complete
	 * @param minId the lowest registration id to look at
	 * @param maxId the highest registration id to look at
	 */
	static void install(Kryo kryo, int minId, int maxId) {
		for (int id = minId; id <= maxId; id++) {
			Registration registration = kryo.getClassResolver().getRegistration(id);
			if (registration != null) {
				Serializer<?> bounded = bounded(kryo, registration.getType(), registration.getSerializer());
				if (bounded != null) {
					registration.setSerializer(bounded);
				}
			}
		}
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Serializer<?> bounded(Kryo kryo, Class<?> type, Serializer<?> serializer) {
		Class<?> kind = serializer.getClass();
		if (kind == CollectionSerializer.class) {
			return new BoundedCollectionSerializer();
		}
		if (kind == MapSerializer.class) {
			return new BoundedMapSerializer();
		}
		if (kind == ObjectArraySerializer.class) {
			return new BoundedObjectArraySerializer(kryo, type);
		}
		if (kind == StringArraySerializer.class) {
			return new BoundedStringArraySerializer();
		}
		if (kind == BooleanArraySerializer.class) {
			// The other primitive-array serializers read through Input.readInts and its kin, which BoundedInput
			// checks; this one allocates the array and then reads element by element.
			return new BoundedBooleanArraySerializer();
		}
		if (kind == JdkImmutableListSerializer.class) {
			BoundedListSerializer list = new BoundedListSerializer((elements) -> List.of(elements));
			list.setElementsCanBeNull(false);
			return list;
		}
		if (kind == ArraysAsListSerializer.class) {
			return new BoundedListSerializer(Arrays::asList);
		}
		if (kind == PriorityQueueSerializer.class) {
			return new BoundedPriorityQueueSerializer();
		}
		return null;
	}

	/** Kryo's collection serializer, checking the size before {@code create} allocates for it. */
	@SuppressWarnings("rawtypes")
	static final class BoundedCollectionSerializer extends CollectionSerializer<Collection> {

		@Override
		protected Collection create(Kryo kryo, Input input, Class<? extends Collection> type, int size) {
			BoundedInput.requireAvailable(input, size, 1, "a collection");
			return super.create(kryo, input, type, size);
		}

	}

	/** Kryo's map serializer, checking the size before {@code create} allocates for it. */
	@SuppressWarnings("rawtypes")
	static final class BoundedMapSerializer extends MapSerializer<Map> {

		@Override
		protected Map create(Kryo kryo, Input input, Class<? extends Map> type, int size) {
			BoundedInput.requireAvailable(input, size, 1, "a map");
			return super.create(kryo, input, type, size);
		}

	}

	/** Kryo's boolean-array serializer, reading through {@link BoundedInput#readBooleans(int)}. */
	static final class BoundedBooleanArraySerializer extends BooleanArraySerializer {

		@Override
		@SuppressWarnings("rawtypes")
		public boolean[] read(Kryo kryo, Input input, Class type) {
			int length = input.readVarInt(true);
			if (length == Kryo.NULL) {
				return null;
			}
			return input.readBooleans(length - 1);
		}

	}

	/** Kryo's priority-queue serializer, which sizes the queue's array from the claimed size. */
	static final class BoundedPriorityQueueSerializer extends PriorityQueueSerializer {

		@Override
		protected PriorityQueue create(Kryo kryo, Input input, Class<? extends PriorityQueue> type, int size) {
			BoundedInput.requireAvailable(input, size, 1, "a priority queue");
			return super.create(kryo, input, type, size);
		}

	}

	/**
	 * Kryo's list serializers for {@code List.of} and {@code Arrays.asList}: read into a checked
	 * {@link ArrayList}, then wrap.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	static final class BoundedListSerializer extends CollectionSerializer<List> {

		private final Function<Object[], List> wrap;

		BoundedListSerializer(Function<Object[], List> wrap) {
			this.wrap = wrap;
		}

		@Override
		protected List create(Kryo kryo, Input input, Class<? extends List> type, int size) {
			BoundedInput.requireAvailable(input, size, 1, "a list");
			return new ArrayList<>(size);
		}

		@Override
		public List read(Kryo kryo, Input input, Class<? extends List> type) {
			List list = super.read(kryo, input, type);
			return (list != null) ? this.wrap.apply(list.toArray()) : null;
		}

		@Override
		public List copy(Kryo kryo, List original) {
			return this.wrap.apply(original.toArray());
		}

	}

	/**
	 * Kryo's object-array serializer; the array length leads its format, so it is peeked and checked
	 * before the array is created.
	 */
	static final class BoundedObjectArraySerializer extends ObjectArraySerializer {

		BoundedObjectArraySerializer(Kryo kryo, Class<?> type) {
			super(kryo, type);
		}

		@Override
		@SuppressWarnings("rawtypes")
		public Object[] read(Kryo kryo, Input input, Class type) {
			requireLeadingLength(input);
			return super.read(kryo, input, type);
		}

	}

	/** Kryo's string-array serializer, checked like {@link BoundedObjectArraySerializer}. */
	static final class BoundedStringArraySerializer extends StringArraySerializer {

		@Override
		@SuppressWarnings("rawtypes")
		public String[] read(Kryo kryo, Input input, Class type) {
			requireLeadingLength(input);
			return super.read(kryo, input, type);
		}

	}

	/** Peeks at an array's leading varint length (0 is null, n is n − 1 elements) and checks it. */
	private static void requireLeadingLength(Input input) {
		if (input.getInputStream() == null) {
			int start = input.position();
			int encodedLength = input.readVarInt(true);
			input.setPosition(start);
			if (encodedLength != 0) {
				BoundedInput.requireAvailable(input, encodedLength - 1L, 1, "an array");
			}
		}
	}

}
