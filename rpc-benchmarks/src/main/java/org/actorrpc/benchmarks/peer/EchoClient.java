package org.actorrpc.benchmarks.peer;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark workload, independent of the RPC system that carries it: the shape of
 * {@code EchoGateway { CompletableFuture<Integer> echo(int); CompletableFuture<byte[]> echoBytes(byte[]);
 * void tell(int); CompletableFuture<Long> count(); }}. Each peer adapts its own gateway, stub or socket to it.
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
	 * Sends a one-way message the endpoint counts.
	 * @param value the value (ignored by the endpoint)
	 * @throws UnsupportedOperationException if the peer has no one-way call (grpc-java unary)
	 */
	void tell(int value);

	/**
	 * Asks the endpoint how many {@link #tell} messages it has processed. Messages from one client are
	 * processed in order, so the answer includes every tell this client sent before.
	 * @return a future of the count
	 */
	CompletableFuture<Long> count();

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
