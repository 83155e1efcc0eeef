package org.actorrpc.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
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
 * Fire-and-forget throughput counted at the endpoint: each invocation sends {@value #BATCH} one-way
 * {@code tell(int)} messages, then asks {@code count()} until the endpoint has processed all of them, so a
 * sender that outruns the endpoint is not rewarded. grpc-java is absent: unary calls have no one-way form. One
 * benchmark thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FireAndForgetBenchmark {

	/** Tells per invocation. */
	public static final int BATCH = 5_000;

	/** The RPC system. */
	@Param({ "actorrpc", "flink", "pekko", "tcp" })
	public String peer;

	/** Same JVM ("local") or a separate server JVM ("remote"). */
	@Param({ "local", "remote" })
	public String placement;

	private EchoFixture fixture;

	private EchoClient client;

	private long sent;

	/** @throws Exception if the peer does not start or has no one-way call */
	@Setup(Level.Trial)
	public void open() throws Exception {
		this.fixture = EchoFixture.open(Peer.of(this.peer), Placement.of(this.placement), 1);
		this.client = this.fixture.client();
		if (!this.client.supportsTell()) {
			this.fixture.close();
			throw new IllegalArgumentException(this.peer + " has no fire-and-forget call; leave it out of "
					+ "FireAndForgetBenchmark");
		}
	}

	/** @throws Exception if closing fails */
	@TearDown(Level.Trial)
	public void close() throws Exception {
		this.fixture.close();
	}

	/**
	 * @return the endpoint's count
	 * @throws Exception if the endpoint does not count every tell in time, or counts more than were sent
	 */
	@Benchmark
	@OperationsPerInvocation(BATCH)
	public long tellBatch() throws Exception {
		for (int i = 0; i < BATCH; i++) {
			this.client.tell(i);
		}
		this.sent += BATCH;
		long deadline = System.nanoTime() + EchoClient.CALL_TIMEOUT.toNanos();
		long counted;
		do {
			counted = this.client.count().get(EchoClient.CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			if (counted > this.sent) {
				throw new IllegalStateException(this.peer + " counted " + counted + " tells, " + this.sent + " sent");
			}
			if (counted < this.sent && System.nanoTime() - deadline > 0) {
				throw new TimeoutException(this.peer + " counted " + counted + " of " + this.sent + " tells within "
						+ EchoClient.CALL_TIMEOUT);
			}
		}
		while (counted < this.sent);
		return counted;
	}

}
