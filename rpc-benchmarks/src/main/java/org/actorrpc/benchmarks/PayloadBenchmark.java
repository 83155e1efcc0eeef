package org.actorrpc.benchmarks;

import java.util.Arrays;
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
 * Throughput of {@code echoBytes(byte[])} with 16 calls in flight, for payloads from 16 B to 1 MiB. Calls per
 * second (the secondary result {@value CompletedCalls#RESULT}) times the payload size is the payload rate in each
 * direction. The {@code driver} parameter chooses how the calls are kept in flight, as in
 * {@link InFlightThroughputBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PayloadBenchmark extends EchoCallBenchmark {

	/** Calls in flight. */
	public static final int IN_FLIGHT = 16;

	/** The RPC system. */
	@Param({ "actorrpc", "flink", "grpc-default", "grpc-direct", "pekko", "tcp" })
	public String peer;

	/** Same JVM ("local") or a separate server JVM ("remote"). */
	@Param({ "remote" })
	public String placement;

	/** Payload size in bytes. */
	@Param({ "16", "1024", "65536", "1048576" })
	public int size;

	/** How calls are kept in flight: {@code callbacks} or {@code semaphore} ({@link Driver}). */
	@Param({ "callbacks", "semaphore" })
	public String driver;

	private byte[] payload;

	/** @throws Exception if the peer does not start or does not echo the payload */
	@Setup(Level.Trial)
	public void open() throws Exception {
		EchoClient client = open(this.peer, this.placement, 1).client();
		this.payload = new byte[this.size];
		Arrays.fill(this.payload, (byte) 7);
		byte[] answer = client.echoBytes(this.payload).get(EchoClient.CALL_TIMEOUT.toMillis(),
				TimeUnit.MILLISECONDS);
		if (!Arrays.equals(answer, this.payload)) {
			throw new IllegalStateException(this.peer + " did not echo a " + this.size + "-byte payload");
		}
		drive(this.driver, IN_FLIGHT, (chain, value) -> client.echoBytes(this.payload),
				(value, echoed) -> (((byte[]) echoed).length == this.size) ? null
						: this.peer + " echoed " + ((byte[]) echoed).length + " bytes for " + this.size);
	}

	/**
	 * @param completed the calls completed, JMH's secondary result
	 * @throws Exception if an earlier call failed, echoed a wrong size or none completes in time
	 */
	@Benchmark
	public void echoBytes(CompletedCalls completed) throws Exception {
		completed.calls += awaitCompletions();
	}

}
