package org.actorrpc.benchmarks.peer;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of the server JVM of the remote placement: {@code EchoServerMain <peer>} starts that peer's
 * server, prints {@value #READY_PREFIX}{@code <address>} on stdout and serves until its stdin reaches end of file
 * (the benchmark closes it in its tear-down, and it also ends when the benchmark JVM dies), then exits.
 * Single-threaded.
 */
public final class EchoServerMain {

	/** Prefix of the stdout line that carries the server's address. */
	public static final String READY_PREFIX = "ECHO-SERVER-READY ";

	private EchoServerMain() {
	}

	/**
	 * @param args one argument: the peer id
	 * @throws Exception if the server cannot start
	 */
	public static void main(String[] args) throws Exception {
		if (args.length != 1) {
			throw new IllegalArgumentException("Usage: EchoServerMain <peer id>, for example 'actorrpc'");
		}
		EchoServer server = Peer.of(args[0]).driver().startServer();
		System.out.println(READY_PREFIX + server.address());
		System.out.flush();
		awaitEndOfInput(System.in);
		// Exit without closing the server: the process ends with it, the next trial starts sooner, and shutdown
		// hooks (a flight recording's dump) still run.
		System.exit(0);
	}

	private static void awaitEndOfInput(InputStream in) throws IOException {
		byte[] buffer = new byte[64];
		while (in.read(buffer) >= 0) {
			// anything written to stdin is ignored; only end of file matters
		}
	}

}
