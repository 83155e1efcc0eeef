package org.actorrpc.pekko;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.Local;
import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcService;
import org.actorrpc.testutil.Bounded;
import org.actorrpc.testutil.Failures;
import org.actorrpc.testutil.RpcServicePair;
import org.actorrpc.testutil.RpcServices;

import static org.actorrpc.testutil.Bounded.BOUND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kryo registry derived from gateway interfaces: the usual value types round-trip remotely
 * with no configuration, user additions extend it, anything else is refused naming the class, and
 * Java serialization is off (Flink's MessageSerializationTest, made safe).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KryoSerializationTest {

	/** Services created in {@link #startSharedServices()} live for the class, others for one test. */
	@RegisterExtension
	static final RpcServices SERVICES = new RpcServices();

	private RpcServicePair shared;

	@BeforeAll
	void startSharedServices() {
		this.shared = SERVICES.pair();
	}

	@Test
	void recordsEnumsJavaTimeCollectionsAndNestedGenericsRoundTripRemotely() throws Exception {
		ValuesGateway gateway = connectShared();
		Payload payload = new Payload("name", 42, 7L, 3.5, true, Color.GREEN, UUID.randomUUID(),
				Instant.parse("2026-11-24T03:00:00.123456789Z"), Duration.ofMillis(1500), LocalDate.of(2026, 11, 24),
				LocalDateTime.of(2026, 11, 24, 4, 5, 6), List.of(new Item("a", 1), new Item("b", 2), new Item("c", 3)),
				Map.of("x", List.of(1, 2), "y", List.of()), Set.of("s1", "s2", "s3"),
				new Box<>(new Box<>(List.of(new Item("deep", 9)))));

		Payload result = Bounded.get(gateway.roundTrip(payload));

		assertThat(result).isEqualTo(payload).isNotSameAs(payload);
	}

	@Test
	void immutableAndMutableCollectionsOfEverySizeRoundTripRemotely() throws Exception {
		ValuesGateway gateway = connectShared();
		List<List<String>> lists = List.of(List.of(), List.of("one"), List.of("one", "two"),
				List.of("one", "two", "three"), new ArrayList<>(List.of("array", "list")),
				java.util.Arrays.asList("as", "list"), new java.util.LinkedList<>(List.of("linked")));
		List<Map<String, Integer>> maps = List.of(Map.of(), Map.of("one", 1), Map.of("one", 1, "two", 2),
				new HashMap<>(Map.of("hash", 1)), new LinkedHashMap<>(Map.of("linked", 2)),
				new TreeMap<>(Map.of("b", 2, "a", 1)));
		List<Set<String>> sets = List.of(Set.of(), Set.of("one"), Set.of("one", "two", "three"),
				new HashSet<>(Set.of("hash")), new java.util.TreeSet<>(Set.of("tree")));

		assertThat(Bounded.get(gateway.lists(lists))).isEqualTo(lists);
		assertThat(Bounded.get(gateway.maps(maps))).isEqualTo(maps);
		assertThat(Bounded.get(gateway.sets(sets))).isEqualTo(sets);
	}

	@Test
	void byteArraysUuidsAndEnumsRoundTripRemotely() throws Exception {
		ValuesGateway gateway = connectShared();
		byte[] bytes = new byte[] { 1, 2, 3, -128, 127 };
		UUID uuid = UUID.randomUUID();

		assertThat(Bounded.get(gateway.bytes(bytes))).containsExactly(bytes);
		assertThat(Bounded.get(gateway.uuid(uuid))).isEqualTo(uuid);
		assertThat(gateway.color(Color.BLUE)).isEqualTo(Color.BLUE);
	}

	@Test
	void zonedDateTimeAndOptionalRoundTripRemotely() throws Exception {
		ValuesGateway gateway = connectShared();
		ZonedDateTime zoned = ZonedDateTime.of(2026, 11, 24, 4, 0, 0, 0, java.time.ZoneId.of("Europe/Berlin"));

		assertThat(Bounded.get(gateway.zoned(zoned))).isEqualTo(zoned);
		assertThat(Bounded.get(gateway.optional(Optional.of("present")))).contains("present");
		assertThat(Bounded.get(gateway.optional(Optional.empty()))).isEmpty();
	}

	@Test
	void nullArgumentsAndNullFieldsRoundTripRemotely() throws Exception {
		ValuesGateway gateway = connectShared();
		Item withNull = new Item(null, 0);

		assertThat(Bounded.get(gateway.item(withNull))).isEqualTo(withNull);
		assertThat(Bounded.get(gateway.item(null))).isNull();
	}

	@Test
	void subtypeOfAnInterfaceParameterIsRefusedOnTheCallerNamingTheClass() throws Exception {
		ValuesGateway gateway = connectShared();

		Throwable failure = Failures.failureOfCall(() -> gateway.area(new Circle(2.0)), BOUND);

		assertThat(Failures.allMessages(failure)).contains(Circle.class.getSimpleName());
		assertThat(failure).isInstanceOfAny(org.actorrpc.exceptions.RpcException.class,
				org.actorrpc.exceptions.RpcRuntimeException.class, IllegalArgumentException.class);
	}

	@Test
	void unserializableRemoteResultFailsTheCallAtOnceNamingTheClass() throws Exception {
		ValuesGateway gateway = connectShared();

		Throwable failure = Failures.failureOfCall(() -> gateway.unitCircle(), BOUND);

		assertThat(Failures.allMessages(failure)).contains(Circle.class.getSimpleName());
		assertThat(failure).isNotInstanceOf(java.util.concurrent.TimeoutException.class);
		assertThat(Bounded.get(gateway.item(new Item("still usable", 1)))).isEqualTo(new Item("still usable", 1));
	}

	@Test
	void subtypeAddedAsSerializableClassOnBothSidesRoundTripsRemotely() throws Exception {
		ValuesGateway gateway = connectRemote("values", b -> b.addSerializableClasses(Circle.class, Square.class));

		assertThat(Bounded.get(gateway.area(new Square(3.0)))).isEqualTo(9.0);
		assertThat(Bounded.get(gateway.area(new Circle(1.0)))).isEqualTo(Math.PI);
	}

	@Test
	void nonSerializableLocalArgumentIsPassedByReference() throws Exception {
		ValuesEndpoint endpoint = this.shared.startEndpoint(ValuesEndpoint::new, this.shared.nextEndpointId("local"));
		Object notSerializable = new Object();

		Object received = Bounded.get(endpoint.getSelfGateway(ValuesGateway.class).identity(notSerializable));

		assertThat(received).isSameAs(notSerializable);
	}

	@Test
	void forcedLocalSerializationCopiesArgumentsExceptForLocalMethods() throws Exception {
		PekkoRpcService service = SERVICES.create("forced", b -> b.forceLocalSerialization(true));
		ValuesEndpoint endpoint = new ValuesEndpoint(service, "forced");
		endpoint.start();
		ValuesGateway self = endpoint.getSelfGateway(ValuesGateway.class);
		Item item = new Item("copied", 1);
		Object notSerializable = new Object();

		Item viaSerialization = Bounded.get(self.item(item));
		Object viaLocal = Bounded.get(self.identity(notSerializable));

		assertThat(viaSerialization).isEqualTo(item).isNotSameAs(item);
		assertThat(viaLocal).as("@Local methods are never serialized").isSameAs(notSerializable);
	}

	@Test
	void forcedLocalSerializationRefusesUnregisteredArgumentsLikeARemoteCall() throws Exception {
		PekkoRpcService service = SERVICES.create("forced", b -> b.forceLocalSerialization(true));
		ValuesEndpoint endpoint = new ValuesEndpoint(service, "forced");
		endpoint.start();
		ValuesGateway self = endpoint.getSelfGateway(ValuesGateway.class);

		Throwable failure = Failures.failureOfCall(() -> self.area(new Circle(1.0)), BOUND);

		assertThat(Failures.allMessages(failure)).contains(Circle.class.getSimpleName());
	}

	@Test
	void javaSerializationIsOff() {
		PekkoRpcService service = this.shared.server();
		Serialization serialization = SerializationExtension.get(service.getActorSystem());

		assertThat(service.getActorSystem().settings().config().getBoolean("pekko.actor.allow-java-serialization"))
			.isFalse();
		assertThat(serialization.serialize(new JavaSerializableProbe("probe")).isFailure())
			.as("a java.io.Serializable class that nothing else binds cannot be serialized")
			.isTrue();
	}

	private ValuesGateway connectShared() throws Exception {
		ValuesEndpoint endpoint = this.shared.startEndpoint(ValuesEndpoint::new, this.shared.nextEndpointId("values"));
		return this.shared.connect(endpoint, ValuesGateway.class);
	}

	private ValuesGateway connectRemote(String id,
			java.util.function.UnaryOperator<PekkoRpcServiceSettings.Builder> customizer) throws Exception {
		RpcServicePair services = SERVICES.pair(customizer);
		return services.connect(services.startEndpoint(ValuesEndpoint::new, id), ValuesGateway.class);
	}

	/** An enum. */
	public enum Color {

		/** red */
		RED,
		/** green */
		GREEN,
		/** blue */
		BLUE

	}

	/**
	 * A nested record.
	 * @param name name
	 * @param count count
	 */
	public record Item(String name, int count) {
	}

	/**
	 * A generic record.
	 * @param value the boxed value
	 * @param <T> value type
	 */
	public record Box<T>(T value) {
	}

	/**
	 * A record with many component types.
	 * @param text text
	 * @param number int
	 * @param big long
	 * @param real double
	 * @param flag boolean
	 * @param color enum
	 * @param id UUID
	 * @param at instant
	 * @param duration duration
	 * @param date local date
	 * @param dateTime local date-time
	 * @param items list of records
	 * @param groups map of lists
	 * @param tags set
	 * @param nested nested generics
	 */
	public record Payload(String text, int number, long big, double real, boolean flag, Color color, UUID id,
			Instant at, Duration duration, LocalDate date, LocalDateTime dateTime, List<Item> items,
			Map<String, List<Integer>> groups, Set<String> tags, Box<Box<List<Item>>> nested) {
	}

	/** A shape; its implementations are not derivable from the gateway. */
	public interface Shape {

		double area();

	}

	/**
	 * A circle.
	 * @param radius radius
	 */
	public record Circle(double radius) implements Shape {

		@Override
		public double area() {
			return Math.PI * this.radius * this.radius;
		}

	}

	/**
	 * A square.
	 * @param side side
	 */
	public record Square(double side) implements Shape {

		@Override
		public double area() {
			return this.side * this.side;
		}

	}

	/**
	 * Serializable by Java, bound to nothing else.
	 * @param value a value
	 */
	public record JavaSerializableProbe(String value) implements java.io.Serializable {
	}

	/** Gateway exercising the registry. */
	public interface ValuesGateway extends RpcGateway {

		CompletableFuture<Payload> roundTrip(Payload payload);

		CompletableFuture<List<List<String>>> lists(List<List<String>> lists);

		CompletableFuture<List<Map<String, Integer>>> maps(List<Map<String, Integer>> maps);

		CompletableFuture<List<Set<String>>> sets(List<Set<String>> sets);

		CompletableFuture<byte[]> bytes(byte[] bytes);

		CompletableFuture<UUID> uuid(UUID uuid);

		CompletableFuture<ZonedDateTime> zoned(ZonedDateTime zoned);

		Color color(Color color);

		CompletableFuture<Optional<String>> optional(Optional<String> value);

		CompletableFuture<Item> item(Item item);

		CompletableFuture<Double> area(Shape shape);

		CompletableFuture<Shape> unitCircle();

		@Local
		CompletableFuture<Object> identity(Object value);

	}

	static class ValuesEndpoint extends RpcEndpoint implements ValuesGateway {

		ValuesEndpoint(RpcService rpcService, String endpointId) {
			super(rpcService, endpointId);
		}

		@Override
		public CompletableFuture<Payload> roundTrip(Payload payload) {
			return CompletableFuture.completedFuture(payload);
		}

		@Override
		public CompletableFuture<List<List<String>>> lists(List<List<String>> lists) {
			return CompletableFuture.completedFuture(lists);
		}

		@Override
		public CompletableFuture<List<Map<String, Integer>>> maps(List<Map<String, Integer>> maps) {
			return CompletableFuture.completedFuture(maps);
		}

		@Override
		public CompletableFuture<List<Set<String>>> sets(List<Set<String>> sets) {
			return CompletableFuture.completedFuture(sets);
		}

		@Override
		public CompletableFuture<byte[]> bytes(byte[] bytes) {
			return CompletableFuture.completedFuture(bytes);
		}

		@Override
		public CompletableFuture<UUID> uuid(UUID uuid) {
			return CompletableFuture.completedFuture(uuid);
		}

		@Override
		public CompletableFuture<ZonedDateTime> zoned(ZonedDateTime zoned) {
			return CompletableFuture.completedFuture(zoned);
		}

		@Override
		public Color color(Color color) {
			return color;
		}

		@Override
		public CompletableFuture<Optional<String>> optional(Optional<String> value) {
			return CompletableFuture.completedFuture(value);
		}

		@Override
		public CompletableFuture<Item> item(Item item) {
			return CompletableFuture.completedFuture(item);
		}

		@Override
		public CompletableFuture<Double> area(Shape shape) {
			return CompletableFuture.completedFuture(shape.area());
		}

		@Override
		public CompletableFuture<Shape> unitCircle() {
			return CompletableFuture.completedFuture(new Circle(1.0));
		}

		@Override
		public CompletableFuture<Object> identity(Object value) {
			return CompletableFuture.completedFuture(value);
		}

	}

}
