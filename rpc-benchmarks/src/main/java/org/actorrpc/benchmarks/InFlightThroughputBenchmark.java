package org.actorrpc.benchmarks;

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
 * Throughput of {@code echo(int)} through one gateway with a fixed number of calls in flight (1, 16, 256). Each
 * iteration ends when every call it started has completed. One benchmark thread issues the calls.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class InFlightThroughputBenchmark {

	/** The RPC system. */
	@Param({ "actorrpc", "flink", "grpc-default", "grpc-direct", "pekko", "tcp" })
	public String peer;

	/** Same JVM ("local") or a separate server JVM ("remote"). */
	@Param({ "local", "remote" })
	public String placement;

	/** Calls in flight. */
	@Param({ "1", "16", "256" })
	public int inFlight;

	private EchoFixture fixture;

	private EchoClient client;

	private InFlightWindow window;

	private int next;

	/** @throws Exception if the peer does not start */
	@Setup(Level.Trial)
	public void open() throws Exception {
		this.fixture = EchoFixture.open(Peer.of(this.peer), Placement.of(this.placement), 1);
		this.client = this.fixture.client();
		this.window = new InFlightWindow(this.inFlight);
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
		this.window.track(this.client.echo(this.next++));
	}

}
