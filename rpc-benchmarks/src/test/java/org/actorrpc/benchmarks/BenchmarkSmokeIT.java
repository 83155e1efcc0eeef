package org.actorrpc.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.actorrpc.benchmarks.peer.Peer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every benchmark for every peer (local and remote placements) and every probe once with tiny iterations,
 * so that the benchmarks keep compiling and running. Fails if any benchmark throws. Not a measurement.
 */
class BenchmarkSmokeIT {

	@Test
	void everyBenchmarkAndProbeRunsForEveryPeer() throws Exception {
		ComparisonPlan plan = ComparisonPlan.smoke();
		Path log = Path.of("target", "smoke-jmh.log");

		Measurements measurements = new ComparisonRunner(plan, log, System.out).run();

		long expectedTrials = plan.suites().stream()
			.mapToLong(suite -> suite.params().values().stream()
				.mapToLong(values -> Arrays.stream(values.split(",")).count())
				.reduce(1, (a, b) -> a * b))
			.sum();
		// That calls complete with the right answers is checked by the benchmarks themselves (each iteration waits
		// for every call it started and fails on a wrong answer or 30 s without progress); a 200 ms window on a
		// loaded machine may hold no completion of a slow peer, so a count of 0 is not a failure here.
		assertThat(measurements.trials()).hasSize((int) expectedTrials)
			.allSatisfy(trial -> assertThat(trial.score()).as(trial.toString()).isNotNegative().isFinite());
		assertThat(measurements.failures()).isEmpty();
		for (Peer peer : Peer.systems()) {
			assertThat(measurements.startup(peer)).as("startup of %s", peer).hasValueSatisfying(
					millis -> assertThat(millis).isPositive());
			if (peer.driver().hostsEndpoints()) {
				assertThat(measurements.idleEndpointBytes(peer)).as("idle heap of %s", peer).hasValueSatisfying(
						bytes -> assertThat(bytes).isFinite());
			}
		}
		String table = ComparisonTable.render(measurements);
		System.out.println(table);
		assertThat(table).contains("| remote sequential round trip p50 (µs) |", "actorrpc / Flink 2.3");
	}

}
