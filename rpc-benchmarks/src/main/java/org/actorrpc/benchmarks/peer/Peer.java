package org.actorrpc.benchmarks.peer;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.actorrpc.benchmarks.actorrpc.ActorRpcDriver;
import org.actorrpc.benchmarks.grpc.GrpcDriver;
import org.actorrpc.benchmarks.pekko.PekkoDriver;
import org.actorrpc.benchmarks.tcp.TcpDriver;
import org.apache.flink.benchmark.actorrpc.FlinkDriver;

/**
 * The RPC systems compared, by the id used in JMH {@code @Param}s and on the server JVM's command line.
 * Immutable.
 */
public enum Peer {

	/** actorrpc: {@code org.actorrpc.pekko.PekkoRpcService}, typed gateway proxies. */
	ACTORRPC("actorrpc", "actorrpc", ActorRpcDriver::new),

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
