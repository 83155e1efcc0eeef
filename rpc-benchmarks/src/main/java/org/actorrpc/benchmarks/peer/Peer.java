package org.actorrpc.benchmarks.peer;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.actorrpc.benchmarks.actorrpc.ActorRpcDriver;
import org.actorrpc.benchmarks.grpc.GrpcDriver;
import org.actorrpc.benchmarks.pekko.PekkoDriver;
import org.actorrpc.benchmarks.tcp.TcpDriver;
import org.apache.flink.benchmark.actorrpc.FlinkDriver;

/**
 * The RPC systems compared, by the id used in JMH {@code @Param}s and on the server JVM's command line, and
 * actorrpc's variants whose cost the comparison measures against actorrpc as it ships ({@link #isVariant()}: the
 * flight recorder turned off, the journal turned on). Immutable.
 */
public enum Peer {

	/** actorrpc: {@code org.actorrpc.pekko.PekkoRpcService}, typed gateway proxies. */
	ACTORRPC("actorrpc", "actorrpc", () -> new ActorRpcDriver(ActorRpcDriver.Variant.DEFAULT)),

	/** actorrpc with every endpoint's flight recorder turned off ({@code flightRecorderSize(0)}). */
	ACTORRPC_RECORDER_OFF("actorrpc-recorder-off", "actorrpc, recorder off",
			() -> new ActorRpcDriver(ActorRpcDriver.Variant.RECORDER_OFF)),

	/** actorrpc with the echo endpoint journaled to a temporary directory. */
	ACTORRPC_JOURNAL("actorrpc-journal", "actorrpc, journal on",
			() -> new ActorRpcDriver(ActorRpcDriver.Variant.JOURNAL)),

	/** Flink 2.3's RPC, loaded from Maven Central with {@code RpcSystem.load}. */
	FLINK("flink", "Flink 2.3", FlinkDriver::new),

	/** grpc-java unary calls with its default (cached thread pool) executor on both sides. */
	GRPC_DEFAULT("grpc-default", "grpc-java (default)", () -> new GrpcDriver(false)),

	/** grpc-java unary calls with {@code directExecutor()} on both sides. */
	GRPC_DIRECT("grpc-direct", "grpc-java (direct)", () -> new GrpcDriver(true)),

	/** Raw Pekko 1.7 Artery TCP: an echo actor, ask and tell. */
	PEKKO("pekko", "raw Pekko", PekkoDriver::new),

	/** Raw Java sockets on loopback: length-prefixed frames, the floor. */
	TCP("tcp", "raw TCP", TcpDriver::new);

	private final String id;

	private final String title;

	private final Supplier<PeerDriver> driver;

	Peer(String id, String title, Supplier<PeerDriver> driver) {
		this.id = id;
		this.title = title;
		this.driver = driver;
	}

	/**
	 * The peers compared in the main table: every RPC system, without actorrpc's variants.
	 * @return the systems, in column order
	 */
	public static List<Peer> systems() {
		return Arrays.stream(values()).filter((peer) -> !peer.isVariant()).toList();
	}

	/** @return whether this is a variant of actorrpc, measured only to show what a feature costs */
	public boolean isVariant() {
		return this == ACTORRPC_RECORDER_OFF || this == ACTORRPC_JOURNAL;
	}

	/** @return the id used in {@code @Param} values and command lines */
	public String id() {
		return this.id;
	}

	/** @return the column title in the comparison table */
	public String title() {
		return this.title;
	}

	/** @return a new driver */
	public PeerDriver driver() {
		return this.driver.get();
	}

	/**
	 * Looks a peer up by id.
	 * @param id the id
	 * @return the peer
	 * @throws IllegalArgumentException naming the known ids
	 */
	public static Peer of(String id) {
		for (Peer peer : values()) {
			if (peer.id.equals(id)) {
				return peer;
			}
		}
		throw new IllegalArgumentException("Unknown peer '" + id + "'; use one of "
				+ Arrays.stream(values()).map(Peer::id).collect(Collectors.joining(", ")));
	}

}
