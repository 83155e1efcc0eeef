package org.actorrpc.benchmarks;

import java.util.List;
import java.util.Map;

import org.openjdk.jmh.runner.options.TimeValue;

/**
 * What one comparison run measures and how long: the JMH suites with their parameter values, the iteration
 * settings and the probes. {@link #full()} is what run-comparison.sh runs; {@link #smoke()} runs every benchmark
 * and probe once with tiny iterations, as part of {@code verify}. Immutable.
 *
 * @param name plan name, for logs
 * @param suites the JMH runs
 * @param forks JMH forks per trial; 0 runs in this JVM
 * @param warmupIterations warm-up iterations per trial
 * @param warmupTime length of a warm-up iteration
 * @param measurementIterations measured iterations per trial
 * @param measurementTime length of a measured iteration
 * @param failOnError whether a failing benchmark stops the run (the smoke run) or only leaves its cell empty
 * @param startupRuns JVMs started per peer for the startup probe (the median is reported)
 * @param idleEndpoints endpoints started by the heap probe
 */
public record ComparisonPlan(String name, List<Suite> suites, int forks, int warmupIterations, TimeValue warmupTime,
		int measurementIterations, TimeValue measurementTime, boolean failOnError, int startupRuns,
		int idleEndpoints) {

	private static final String ALL_PEERS = "actorrpc,flink,grpc-default,grpc-direct,pekko,tcp";

	private static final String ENDPOINT_PEERS = "actorrpc,flink,pekko";

	private static final String TELL_PEERS = "actorrpc,flink,pekko,tcp";

	/** actorrpc's variants, measured on the rows their feature adds work to (the cost table). */
	private static final String VARIANT_PEERS = "actorrpc-recorder-off,actorrpc-journal";

	/** Peers of the scaling rows beyond issue 5's fixed points (1 KiB, 64 KiB, 200 gateways), to save time. */
	private static final String SCALING_PEERS = "actorrpc,flink,grpc-direct,tcp";

	/** Validates and copies. */
	public ComparisonPlan {
		suites = List.copyOf(suites);
	}

	/**
	 * One JMH run: a benchmark class and parameter values (comma-separated) overriding its {@code @Param}s.
	 * @param benchmark the benchmark class
	 * @param params parameter name to comma-separated values
	 */
	public record Suite(Class<?> benchmark, Map<String, String> params) {

		/** Copies. */
		public Suite {
			params = Map.copyOf(params);
		}

	}

	/**
	 * The full comparison, in one run: every scenario with the callback drivers (completion callbacks issue the next
	 * call; sender threads stream tells for a window), then the throughput scenarios of the main table again with
	 * the drivers of the earlier tables (a semaphore window on one benchmark thread; batches of 5,000 tells), so
	 * that the table shows both and the ratios of each, and actorrpc with its flight recorder off and with its
	 * journal on, on the echo rows and the 64 KiB row, for the cost table. 138 trials of 3 s warm-up and 1.5 s measurement each (the
	 * fire-and-forget ones longer: every invocation streams for 1 s, then waits until the endpoint processed
	 * everything), most of them with their own server JVM, plus the probes: 20-25 minutes on 2 cores, depending on
	 * the load. Local placements only for peers that have a local path (raw TCP and gRPC "local" would be
	 * loopback again); the 16 B and 1 MiB payloads and the 10 and 2,000 gateway points only for actorrpc, Flink,
	 * grpc-java (direct) and raw TCP, and only with the callback driver.
	 * @return the plan
	 */
	public static ComparisonPlan full() {
		return new ComparisonPlan("full", List.of(
				new Suite(RoundTripLatencyBenchmark.class, Map.of("peer", ALL_PEERS, "placement", "remote")),
				new Suite(RoundTripLatencyBenchmark.class, Map.of("peer", ENDPOINT_PEERS, "placement", "local")),
				new Suite(InFlightThroughputBenchmark.class, Map.of("peer", ALL_PEERS, "placement", "remote",
						"inFlight", "1,16,256", "driver", "callbacks,semaphore")),
				new Suite(InFlightThroughputBenchmark.class, Map.of("peer", ENDPOINT_PEERS, "placement", "local",
						"inFlight", "1,16,256", "driver", "callbacks,semaphore")),
				new Suite(InFlightThroughputBenchmark.class, Map.of("peer", VARIANT_PEERS, "placement", "remote",
						"inFlight", "1,16,256", "driver", "callbacks")),
				new Suite(InFlightThroughputBenchmark.class, Map.of("peer", VARIANT_PEERS, "placement", "local",
						"inFlight", "16", "driver", "callbacks")),
				new Suite(PayloadBenchmark.class, Map.of("peer", VARIANT_PEERS, "placement", "remote", "size",
						"65536", "driver", "callbacks")),
				new Suite(FireAndForgetBenchmark.class,
						Map.of("peer", TELL_PEERS, "placement", "remote", "driver", "stream,batch")),
				new Suite(FireAndForgetBenchmark.class,
						Map.of("peer", ENDPOINT_PEERS, "placement", "local", "driver", "stream,batch")),
				new Suite(PayloadBenchmark.class, Map.of("peer", ALL_PEERS, "placement", "remote", "size",
						"1024,65536", "driver", "callbacks,semaphore")),
				new Suite(PayloadBenchmark.class, Map.of("peer", SCALING_PEERS, "placement", "remote", "size",
						"16,1048576", "driver", "callbacks")),
				new Suite(GatewayScalingBenchmark.class, Map.of("peer", ALL_PEERS, "placement", "remote",
						"gateways", "200", "driver", "callbacks,semaphore")),
				new Suite(GatewayScalingBenchmark.class, Map.of("peer", SCALING_PEERS, "placement", "remote",
						"gateways", "10,2000", "driver", "callbacks"))),
				1, 4, TimeValue.milliseconds(750), 2, TimeValue.milliseconds(750), false, 3, 1000);
	}

	/**
	 * Every benchmark and peer once, tiny iterations, in this JVM; every peer's remote path is exercised by the
	 * latency, payload and fire-and-forget benchmarks, both drivers by the in-flight benchmark, actorrpc's
	 * variants by the local in-flight one. Fire-and-forget
	 * streams at an offered 20,000 msgs/s for 100 ms windows: the smoke run checks that the sequence checks and
	 * the wait for delivery work, not what overload does (the full plan sends unpaced). One 100 ms warm-up
	 * iteration comes first, so that a slow peer's first answers (grpc-java's default executor starting its
	 * threads on a loaded machine) land before the 200 ms measured iteration, which must count completed calls.
	 * @return the plan
	 */
	public static ComparisonPlan smoke() {
		return new ComparisonPlan("smoke", List.of(
				new Suite(RoundTripLatencyBenchmark.class, Map.of("peer", ALL_PEERS, "placement", "local,remote")),
				new Suite(InFlightThroughputBenchmark.class, Map.of("peer", ALL_PEERS, "placement", "local",
						"inFlight", "16", "driver", "callbacks,semaphore")),
				new Suite(InFlightThroughputBenchmark.class, Map.of("peer", VARIANT_PEERS, "placement", "local",
						"inFlight", "16", "driver", "callbacks")),
				new Suite(FireAndForgetBenchmark.class, Map.of("peer", TELL_PEERS, "placement", "local,remote",
						"driver", "stream", "rate", "20000", "windowMillis", "100")),
				new Suite(FireAndForgetBenchmark.class,
						Map.of("peer", "actorrpc", "placement", "local", "driver", "batch")),
				new Suite(PayloadBenchmark.class,
						Map.of("peer", ALL_PEERS, "placement", "remote", "size", "65536", "driver", "callbacks")),
				new Suite(GatewayScalingBenchmark.class,
						Map.of("peer", ALL_PEERS, "placement", "local", "gateways", "10", "driver", "callbacks"))),
				0, 1, TimeValue.milliseconds(100), 1, TimeValue.milliseconds(200), true, 1, 20);
	}

}
