package org.actorrpc.benchmarks.probe;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;

import org.actorrpc.benchmarks.peer.Peer;
import org.actorrpc.benchmarks.peer.PeerDriver;

/**
 * {@code IdleHeapProbe <peer> <endpoints>}: in a fresh JVM, starts a service and one warm-up endpoint, measures the
 * used heap after full GCs, starts the given number of idle endpoints (each answered one call), measures again
 * and prints the difference per endpoint in bytes. Heap only: thread stacks and metaspace are not counted.
 * Single-threaded.
 */
public final class IdleHeapProbe {

	private IdleHeapProbe() {
	}

	/**
	 * @param args the peer id and the number of endpoints
	 * @throws Exception if the endpoints do not start
	 */
	public static void main(String[] args) throws Exception {
		if (args.length != 2) {
			throw new IllegalArgumentException("Usage: IdleHeapProbe <peer id> <endpoints>, for example 'flink 1000'");
		}
		PeerDriver driver = Peer.of(args[0]).driver();
		int count = Integer.parseInt(args[1]);
		List<Object> endpoints = new ArrayList<>(count + 1);
		try (PeerDriver.EndpointHost host = driver.startEndpointHost()) {
			endpoints.add(host.startEndpoint("warmup"));
			long before = SettledHeap.used();
			for (int i = 0; i < count; i++) {
				endpoints.add(host.startEndpoint("idle-" + i));
			}
			long after = SettledHeap.used();
			ProbeResult.print((double) (after - before) / count);
			Reference.reachabilityFence(endpoints);
		}
		System.exit(0);
	}

}
