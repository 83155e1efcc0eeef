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

import org.actorrpc.benchmarks.peer.EchoClient;

/**
 * Fan-in: many gateways (gRPC channels, TCP connections, resolved actor refs) call one endpoint, one call in
 * flight per gateway on average, round robin. 200 gateways is the fan-in scenario; 10, 200 and 2,000 show how
 * throughput and latency (gateways / throughput, by Little's law) grow. Calls per second are the secondary result
 * {@value CompletedCalls#RESULT}. With the {@code callbacks} driver, chain {@code i} calls through gateway
 * {@code i} and issues its next call when the previous one completes; with {@code semaphore} one benchmark thread
 * issues every call, round robin, through an {@link InFlightWindow}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GatewayScalingBenchmark extends EchoCallBenchmark {

	/** The RPC system. */
	@Param({ "actorrpc", "flink", "grpc-default", "grpc-direct", "pekko", "tcp" })
	public String peer;

	/** Same JVM ("local") or a separate server JVM ("remote"). */
	@Param({ "remote" })
	public String placement;

	/** Connected gateways, which is also the number of calls in flight. */
	@Param({ "10", "200", "2000" })
	public int gateways;

	/** How calls are kept in flight: {@code callbacks} or {@code semaphore} ({@link Driver}). */
	@Param({ "callbacks", "semaphore" })
	public String driver;

	/** @throws Exception if the peer does not start */
	@Setup(Level.Trial)
	public void open() throws Exception {
		List<EchoClient> clients = open(this.peer, this.placement, this.gateways).clients();
		drive(this.driver, this.gateways, (chain, value) -> clients.get(chain).echo(value),
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
