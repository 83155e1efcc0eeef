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

import org.actorrpc.benchmarks.peer.EchoClient;

/**
 * Throughput of {@code echo(int)} through one gateway with a fixed number of calls in flight (1, 16, 256), in
 * calls per second: the secondary result {@value CompletedCalls#RESULT}. With the {@code callbacks} driver each
 * completion issues the next call ({@link CallChains}); with {@code semaphore} the one benchmark thread issues
 * every call through an {@link InFlightWindow}. Each iteration ends when every call it started has completed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class InFlightThroughputBenchmark extends EchoCallBenchmark {

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

	/** @throws Exception if the peer does not start */
	@Setup(Level.Trial)
	public void open() throws Exception {
		EchoClient client = open(this.peer, this.placement, 1).client();
		drive(this.driver, this.inFlight, (chain, value) -> client.echo(value),
				(value, answer) -> ((Integer) value).equals(answer) ? null : "echoed " + answer + " for " + value);
	}

	/**
	 * @param completed the calls completed, JMH's secondary result
	 * @throws Exception if an earlier call failed or none completes in time
	 */
	@Benchmark
	public void echo(CompletedCalls completed) throws Exception {
		completed.calls += awaitCompletions();
	}

}
