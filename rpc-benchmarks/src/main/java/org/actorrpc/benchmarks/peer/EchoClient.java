package org.actorrpc.benchmarks.peer;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark workload, independent of the RPC system that carries it: the shape of
 * {@code EchoGateway { CompletableFuture<Integer> echo(int); CompletableFuture<byte[]> echoBytes(byte[]);
 * void tell(int sender, long sequence); CompletableFuture<long[]> delivery(); }}. Each peer adapts its own gateway, stub or socket to it.
 *
 * <p>Implementations are thread-safe: any thread may call any method concurrently. Futures complete on the
 * peer's I/O or dispatcher threads.
 */
public interface EchoClient {

	/** Longest a benchmark waits for one answer before it fails instead of hanging. */
	Duration CALL_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * Asks the endpoint to return the value.
	 * @param value the value
	 * @return a future of the same value
	 */
	CompletableFuture<Integer> echo(int value);

	/**
	 * Asks the endpoint to return the payload.
	 * @param payload the bytes; not modified
	 * @return a future of an equal array
	 */
	CompletableFuture<byte[]> echoBytes(byte[] payload);

	/**
	 * Sends a one-way message that the endpoint checks with its {@link SequenceChecker} and counts.
	 * @param sender the sending thread's id, 0 to {@link SequenceChecker#MAX_SENDERS} - 1
	 * @param sequence that sender's sequence number of this message: 0 for its first, then one more each time
	 * @throws UnsupportedOperationException if the peer has no one-way call (grpc-java unary)
	 */
	void tell(int sender, long sequence);

	/**
	 * Asks the endpoint what it has processed of the {@link #tell} messages so far. Messages and calls through one
	 * client travel in order, so the answer covers every tell this client sent before that was not lost.
	 * @return a future of the endpoint's counts
	 */
	CompletableFuture<Delivery> delivery();

	/**
	 * One blocking round trip. Peers with a synchronous path (raw TCP ping-pong) override it; the others wait on
	 * {@link #echo}.
	 * @param value the value
	 * @return the echoed value
	 * @throws Exception if the call fails or takes longer than {@link #CALL_TIMEOUT}
	 */
	default int echoBlocking(int value) throws Exception {
		return echo(value).get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Whether {@link #tell} is supported.
	 * @return true unless the peer has no one-way call
	 */
	default boolean supportsTell() {
		return true;
	}

}
