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
 * Throughput of {@code echo(int)} through one gateway with a fixed number of calls in flight (1, 16, 256), in
 * calls per second: the secondary result {@value CompletedCalls#RESULT}. With the {@code callbacks} driver each
 * completion issues the next call ({@link CallChains}); with {@code semaphore} the one benchmark thread issues
 * every call through an {@link InFlightWindow}. Each iteration ends when every call it started has completed.
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

	/** How calls are kept in flight: {@code callbacks} or {@code semaphore} ({@link Driver}). */
	@Param({ "callbacks", "semaphore" })
	public String driver;

	private EchoFixture fixture;

	private EchoClient client;

	private boolean chained;

	private CallChains chains;

	private InFlightWindow window;

	private int next;

	/** @throws Exception if the peer does not start */
	@Setup(Level.Trial)
	public void open() throws Exception {
		this.chained = Driver.of(this.driver) == Driver.CALLBACKS;
		this.fixture = EchoFixture.open(Peer.of(this.peer), Placement.of(this.placement), 1);
		this.client = this.fixture.client();
		this.window = new InFlightWindow(this.inFlight);
		this.chains = new CallChains(this.inFlight, (chain, value) -> this.client.echo(value),
				(value, answer) -> ((Integer) value).equals(answer) ? null : "echoed " + answer + " for " + value);
	}

	/** Starts the chains of the {@code callbacks} driver. */
	@Setup(Level.Iteration)
	public void startIteration() {
		if (this.chained) {
			this.chains.start();
		}
	}

	/** @throws Exception if a call failed or did not complete */
	@TearDown(Level.Iteration)
	public void drain() throws Exception {
		if (this.chained) {
			this.chains.stop();
		}
		else {
			this.window.drain();
		}
	}

	/** @throws Exception if closing fails */
	@TearDown(Level.Trial)
	public void close() throws Exception {
		this.fixture.close();
	}

	/**
	 * @param completed the calls completed, JMH's secondary result
	 * @throws Exception if an earlier call failed or none completes in time
	 */
	@Benchmark
	public void echo(CompletedCalls completed) throws Exception {
		if (this.chained) {
			completed.calls += this.chains.awaitSlice();
		}
		else {
			this.window.acquire();
			this.window.track(this.client.echo(this.next++));
			completed.calls++;
		}
	}

}
