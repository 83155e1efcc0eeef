package org.actorrpc.benchmarks.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.actorrpc.benchmarks.actorrpc.ActorRpcEchoEndpoint;
import org.actorrpc.benchmarks.actorrpc.ActorRpcEchoGateway;
import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.pekko.PekkoRpcServiceSettings;

/**
 * What one connected {@link PekkoRpcService} costs, as a TaskManager-side service of a cluster does: a hub service
 * with one endpoint, then {@code N} services, each with an endpoint of its own, calling the hub and called back by
 * it (so each has an association both ways). Prints the used heap after full GCs and the live threads, per added
 * service (hub-side connection costs included), and the thread names grouped with digits masked. Run it in a fresh
 * JVM: {@code java -cp benchmarks.jar org.actorrpc.benchmarks.probe.ServiceFootprintProbe 20}. Single-threaded.
 */
public final class ServiceFootprintProbe {

	private static final long TIMEOUT_SECONDS = 60;

	private ServiceFootprintProbe() {
	}

	/**
	 * @param args one argument: the number of services to add (default 20)
	 * @throws Exception if a service cannot start or a call fails
	 */
	public static void main(String[] args) throws Exception {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 20;
		List<PekkoRpcService> services = new ArrayList<>();
		PekkoRpcService hub = start("hub");
		services.add(hub);
		ActorRpcEchoEndpoint hubEndpoint = new ActorRpcEchoEndpoint(hub, "echo");
		hubEndpoint.start();
		long heapBefore = SettledHeap.used();
		int threadsBefore = Thread.activeCount();
		long started = System.nanoTime();
		for (int i = 0; i < count; i++) {
			PekkoRpcService service = start("s" + i);
			services.add(service);
			ActorRpcEchoEndpoint endpoint = new ActorRpcEchoEndpoint(service, "tm");
			endpoint.start();
			service.connect(hubEndpoint.getAddress(), ActorRpcEchoGateway.class)
				.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).echo(i).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			hub.connect(endpoint.getAddress(), ActorRpcEchoGateway.class)
				.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).echo(i).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		long setupMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		long heapAfter = SettledHeap.used();
		int threadsAfter = Thread.activeCount();
		System.out.printf("services=%d setup=%d ms heap/service=%.2f MiB threads/service=%.1f%n", count, setupMillis,
				(heapAfter - heapBefore) / (1024.0 * 1024.0) / count, (threadsAfter - threadsBefore) / (double) count);
		Map<String, Integer> threads = new TreeMap<>();
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			threads.merge(thread.getName().replaceAll("\\d+", "#"), 1, Integer::sum);
		}
		threads.forEach((name, n) -> System.out.printf("%6d  %s%n", n, name));
		System.out.flush();
		// Close all at once, bounded: the measurement is printed already, and the JVM exits either way.
		CompletableFuture.allOf(services.stream().map(PekkoRpcService::closeAsync).toArray(CompletableFuture[]::new))
			.completeOnTimeout(null, TIMEOUT_SECONDS, TimeUnit.SECONDS)
			.join();
		System.exit(0);
	}

	private static PekkoRpcService start(String systemName) {
		// A starved JVM on a busy machine must not fail the probe as unreachable: it measures memory, not liveness.
		return new PekkoRpcService(PekkoRpcServiceSettings.builder()
			.systemName(systemName)
			.captureCallStack(false)
			.peerUnreachableAfter(Duration.ofSeconds(30))
			.build());
	}

}
