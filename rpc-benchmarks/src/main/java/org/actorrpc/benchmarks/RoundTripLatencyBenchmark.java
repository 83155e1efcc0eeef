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
 * Sequential round trips, one call in flight: the latency distribution (p50, p99) of {@code echo(int)}. Raw TCP
 * is a blocking ping-pong on the benchmark thread. One benchmark thread; the state is confined to it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RoundTripLatencyBenchmark {

	/** The RPC system. */
	@Param({ "actorrpc", "flink", "grpc-default", "grpc-direct", "pekko", "tcp" })
	public String peer;

	/** Same JVM ("local") or a separate server JVM ("remote"). */
	@Param({ "local", "remote" })
	public String placement;

	private EchoFixture fixture;

	private EchoClient client;

	private int next;

	/** @throws Exception if the peer does not start */
	@Setup(Level.Trial)
	public void open() throws Exception {
		this.fixture = EchoFixture.open(Peer.of(this.peer), Placement.of(this.placement), 1);
		this.client = this.fixture.client();
	}

	/** @throws Exception if closing fails */
	@TearDown(Level.Trial)
	public void close() throws Exception {
		this.fixture.close();
	}

	/**
	 * @return the echoed value
	 * @throws Exception if the call fails or echoes another value
	 */
	@Benchmark
	public int roundTrip() throws Exception {
		int value = this.next++;
		int answer = this.client.echoBlocking(value);
		if (answer != value) {
			throw new IllegalStateException(this.peer + " echoed " + answer + " for " + value);
		}
		return answer;
	}

}
