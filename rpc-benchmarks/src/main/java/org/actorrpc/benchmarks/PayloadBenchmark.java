package org.actorrpc.benchmarks;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
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
 * Throughput of {@code echoBytes(byte[])} with 16 calls in flight, for payloads from 16 B to 1 MiB. Calls per
 * second (the secondary result {@value CompletedCalls#RESULT}) times the payload size is the payload rate in each
 * direction. The {@code driver} parameter chooses how the calls are kept in flight, as in
 * {@link InFlightThroughputBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PayloadBenchmark {

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

	private boolean chained;

	private CallChains chains;

	private EchoFixture fixture;

	private EchoClient client;

	private InFlightWindow window;

	private byte[] payload;

	/** @throws Exception if the peer does not start or does not echo the payload */
	@Setup(Level.Trial)
	public void open() throws Exception {
		this.chained = Driver.of(this.driver) == Driver.CALLBACKS;
		this.fixture = EchoFixture.open(Peer.of(this.peer), Placement.of(this.placement), 1);
		this.client = this.fixture.client();
		this.window = new InFlightWindow(IN_FLIGHT);
		this.payload = new byte[this.size];
		Arrays.fill(this.payload, (byte) 7);
		byte[] answer = this.client.echoBytes(this.payload).get(EchoClient.CALL_TIMEOUT.toMillis(),
				TimeUnit.MILLISECONDS);
		if (!Arrays.equals(answer, this.payload)) {
			throw new IllegalStateException(this.peer + " did not echo a " + this.size + "-byte payload");
		}
		this.chains = new CallChains(IN_FLIGHT, (chain, value) -> this.client.echoBytes(this.payload),
				(value, echoed) -> (((byte[]) echoed).length == this.size) ? null
						: this.peer + " echoed " + ((byte[]) echoed).length + " bytes for " + this.size);
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
	 * @throws Exception if an earlier call failed, echoed a wrong size or none completes in time
	 */
	@Benchmark
	public void echoBytes(CompletedCalls completed) throws Exception {
		if (this.chained) {
			completed.calls += this.chains.awaitSlice();
		}
		else {
			this.window.acquire();
			CompletableFuture<byte[]> call = this.client.echoBytes(this.payload);
			this.window.track(call.thenApply(this::checkSize));
			completed.calls++;
		}
	}

	private byte[] checkSize(byte[] answer) {
		if (answer.length != this.size) {
			throw new IllegalStateException(this.peer + " echoed " + answer.length + " bytes for " + this.size);
		}
		return answer;
	}

}
