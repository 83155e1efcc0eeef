package org.actorrpc.serialization;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.serializers.DefaultSerializers;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers;
import com.esotericsoftware.kryo.serializers.OptionalSerializers;
import com.esotericsoftware.kryo.serializers.TimeSerializers;

/**
 * The JDK types every gateway registry contains, in a fixed order so that both sides of a
 * connection assign the same registration ids: boxed primitives and strings (Kryo's defaults),
 * arrays of primitives, {@link UUID}, {@code java.math}, {@code java.time}, {@link Optional}, the
 * common collections (including {@code List.of}/{@code Map.of}, empty, singleton and unmodifiable
 * views) and {@link URI}.
 */
final class BaseRegistrations {

	/** First registration id used by the base set; Kryo's built-in registrations sit below. */
	static final int FIRST_ID = 20;

	/** First registration id of classes derived from gateways. */
	static final int FIRST_DERIVED_ID = 200;

	private static final List<Class<?>> BASE = List.of(byte[].class, char[].class, short[].class, int[].class,
			long[].class, float[].class, double[].class, boolean[].class, String[].class, Object[].class,
			Integer[].class, Long[].class, UUID.class, BigInteger.class, BigDecimal.class, Duration.class,
			Instant.class, LocalDate.class, LocalTime.class, LocalDateTime.class, ZonedDateTime.class,
			OffsetDateTime.class, OffsetTime.class, Period.class, Year.class, YearMonth.class, MonthDay.class,
			ZoneOffset.class, ZoneId.of("Europe/Paris").getClass(), DayOfWeek.class, Month.class, Date.class,
			URI.class, Optional.class, OptionalInt.class, OptionalLong.class, OptionalDouble.class, ArrayList.class,
			LinkedList.class, ArrayDeque.class, HashMap.class, LinkedHashMap.class, TreeMap.class,
			ConcurrentHashMap.class, HashSet.class, LinkedHashSet.class, TreeSet.class, BitSet.class,
			EnumMap.class, List.of().getClass(), List.of(1).getClass(), List.of(1, 2, 3).getClass(),
			Set.of().getClass(), Set.of(1).getClass(), Set.of(1, 2, 3).getClass(), Map.of().getClass(),
			Map.of(1, 1).getClass(), Map.of(1, 1, 2, 2).getClass(), Collections.emptyList().getClass(),
			Collections.emptySet().getClass(), Collections.emptyMap().getClass(),
			Collections.singletonList(1).getClass(), Collections.singleton(1).getClass(),
			Collections.singletonMap(1, 1).getClass(), Arrays.asList(1, 2).getClass(),
			Collections.unmodifiableList(new ArrayList<>()).getClass(),
			Collections.unmodifiableList(new LinkedList<>()).getClass(),
			Collections.unmodifiableSet(new HashSet<>()).getClass(),
			Collections.unmodifiableMap(new HashMap<>()).getClass(),
			Collections.unmodifiableCollection(new ArrayList<>()).getClass(),
			Collections.unmodifiableSortedSet(new TreeSet<>()).getClass(),
			Collections.unmodifiableSortedMap(new TreeMap<>()).getClass());

	private static final Set<Class<?>> BASE_SET = Set.copyOf(BASE);

	private BaseRegistrations() {
	}

	/**
	 * Registers the base set on a Kryo instance, ids {@link #FIRST_ID} upwards.
	 * @param kryo the instance
	 */
	static void register(Kryo kryo) {
		TimeSerializers.addDefaultSerializers(kryo);
		OptionalSerializers.addDefaultSerializers(kryo);
		ImmutableCollectionsSerializers.addDefaultSerializers(kryo);
		kryo.addDefaultSerializer(UUID.class, new DefaultSerializers.UUIDSerializer());
		kryo.addDefaultSerializer(URI.class, new DefaultSerializers.URISerializer());
		kryo.addDefaultSerializer(BitSet.class, new DefaultSerializers.BitSetSerializer());
		kryo.addDefaultSerializer(Date.class, new DefaultSerializers.DateSerializer());
		int id = FIRST_ID;
		for (Class<?> type : BASE) {
			Serializer<?> serializer = UnmodifiableCollectionSerializer.forType(type);
			if (serializer != null) {
				kryo.register(type, serializer, id++);
			}
			else {
				kryo.register(type, id++);
			}
		}
	}

	/**
	 * Returns the names of the base set, in registration order.
	 * @return the class names
	 */
	static List<String> names() {
		return BASE.stream().map(Class::getName).toList();
	}

	static boolean isBaseType(Class<?> type) {
		return type.isPrimitive() || BASE_SET.contains(type) || type == String.class || isBoxed(type);
	}

	static boolean isJdkType(Class<?> type) {
		String name = type.getName();
		return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
				|| name.startsWith("sun.") || name.startsWith("com.sun.") || Collection.class == type;
	}

	private static boolean isBoxed(Class<?> type) {
		return type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
				|| type == Character.class || type == Boolean.class || type == Float.class || type == Double.class
				|| type == Void.class;
	}

}
