package org.actorrpc.benchmarks.probe;

import java.lang.management.ManagementFactory;

import org.actorrpc.benchmarks.peer.EchoServer;
import org.actorrpc.benchmarks.peer.Peer;

/**
 * {@code StartupProbe <peer>}: starts the peer's server (service plus one started endpoint, actor or listening
 * socket) first thing in a fresh JVM and prints the JVM uptime in milliseconds at the moment it is ready.
 * Single-threaded.
 */
public final class StartupProbe {

	private StartupProbe() {
	}

	/**
	 * @param args the peer id
	 * @throws Exception if the server does not start
	 */
	public static void main(String[] args) throws Exception {
		if (args.length != 1) {
			throw new IllegalArgumentException("Usage: StartupProbe <peer id>, for example 'flink'");
		}
		EchoServer server = Peer.of(args[0]).driver().startServer();
		long uptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
		ProbeResult.print(uptimeMillis);
		server.close();
		System.exit(0);
	}

}
