package org.actorrpc.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.actorrpc.benchmarks.peer.EchoClient;
import org.actorrpc.benchmarks.peer.EchoFixture;
import org.actorrpc.benchmarks.peer.Peer;
import org.actorrpc.benchmarks.peer.Placement;

/**
 * Fan-in: many gateways (gRPC channels, TCP connections, resolved actor refs) call one endpoint, one call in
 * flight per gateway on average, round robin. 200 gateways is the fan-in scenario; 10, 200 and 2,000 show how
 * throughput and latency (gateways / throughput, by Little's law) grow. One benchmark thread issues the calls.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GatewayScalingBenchmark {

	/** The RPC system. */
	@Param({ "actorrpc", "flink", "grpc-default", "grpc-direct", "pekko", "tcp" })
	public String peer;

	/** Same JVM ("local") or a separate server JVM ("remote"). */
	@Param({ "remote" })
	public String placement;

	/** Connected gateways, which is also the number of calls in flight. */
	@Param({ "10", "200", "2000" })
	public int gateways;

	private EchoFixture fixture;

	private List<EchoClient> clients;

	private InFlightWindow window;

	private int next;

	/** @throws Exception if the peer does not start */
	@Setup(Level.Trial)
	public void open() throws Exception {
		this.fixture = EchoFixture.open(Peer.of(this.peer), Placement.of(this.placement), this.gateways);
		this.clients = this.fixture.clients();
		this.window = new InFlightWindow(this.gateways);
	}

	/** @throws Exception if a call failed or did not complete */
	@TearDown(Level.Iteration)
	public void drain() throws Exception {
		this.window.drain();
	}

	/** @throws Exception if closing fails */
	@TearDown(Level.Trial)
	public void close() throws Exception {
		this.fixture.close();
	}

	/** @throws Exception if an earlier call failed or none completes in time */
	@Benchmark
	public void echo() throws Exception {
		this.window.acquire();
		int value = this.next++;
		this.window.track(this.clients.get(Math.floorMod(value, this.gateways)).echo(value));
	}

}
