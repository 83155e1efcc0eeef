package org.actorrpc.benchmarks.tcp;

/**
 * The raw TCP wire format. A request is {@code [op: 1 byte][length: int][payload]}; every op but
 * {@link #TELL} gets a response {@code [length: int][payload]}, in request order. Integers are big-endian.
 */
final class Frames {

	/** Echo a 4-byte int. */
	static final int ECHO_INT = 1;

	/** Echo a byte array. */
	static final int ECHO_BYTES = 2;

	/** A one-way message, {@code [sender: int][sequence: long]}, checked and counted; no response. */
	static final int TELL = 3;

	/** Answer what was processed of the tells: processed, missing, out-of-order, three 8-byte longs. */
	static final int COUNT = 4;

	/** Buffer size of both sides' streams. */
	static final int BUFFER_SIZE = 64 * 1024;

	/** Stack size of the per-connection threads, so that thousands of connections stay cheap. */
	static final long THREAD_STACK_SIZE = 256 * 1024;

	private Frames() {
	}

}
