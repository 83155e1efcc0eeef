package org.actorrpc.benchmarks;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.actorrpc.benchmarks.peer.Peer;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonTableTest {

	@Test
	void ratiosAndTargetsAreComputedAgainstEachPeer() {
		Measurements measurements = new Measurements();
		measurements.add(new Measurements.Trial("InFlightThroughputBenchmark",
				Map.of("peer", "actorrpc", "placement", "remote", "inFlight", "16"), 60_000, Double.NaN, Double.NaN));
		measurements.add(new Measurements.Trial("InFlightThroughputBenchmark",
				Map.of("peer", "flink", "placement", "remote", "inFlight", "16"), 10_000, Double.NaN, Double.NaN));
		measurements.add(new Measurements.Trial("InFlightThroughputBenchmark",
				Map.of("peer", "grpc-default", "placement", "remote", "inFlight", "16"), 20_000, Double.NaN,
				Double.NaN));

		String table = ComparisonTable.render(measurements);

		assertThat(line(table, "| remote echo, 16 in flight (calls/s) |"))
			.startsWith("| remote echo, 16 in flight (calls/s) | 60,000 | 10,000 | 20,000 | — | — | — | 6.00× | 3.00× | — |")
			.endsWith("≥ 5× Flink and > grpc-java (default) | yes |");
	}

	@Test
	void missedTargetIsFlaggedAndMissingPeersLeaveTheCheckOpen() {
		Measurements measurements = new Measurements();
		measurements.add(new Measurements.Trial("RoundTripLatencyBenchmark",
				Map.of("peer", "actorrpc", "placement", "remote"), 500, 450, 900));
		measurements.add(new Measurements.Trial("RoundTripLatencyBenchmark",
				Map.of("peer", "tcp", "placement", "remote"), 70, 60, 120));
		measurements.putStartup(Peer.ACTORRPC, 900);

		String table = ComparisonTable.render(measurements);

		assertThat(line(table, "| remote sequential round trip p50 (µs) |")).contains("| 7.50× |")
			.endsWith("≤ 4× raw TCP | **NO** |");
		assertThat(line(table, "| JVM start to ready service")).endsWith("≤ Flink | — |");
	}

	@Test
	void payloadRowsAreInMebibytesPerSecond() {
		Measurements measurements = new Measurements();
		measurements.add(new Measurements.Trial("PayloadBenchmark",
				Map.of("peer", "actorrpc", "placement", "remote", "size", "65536"), 1_600, Double.NaN, Double.NaN));

		assertThat(line(ComparisonTable.render(measurements), "| remote echoBytes 64 KiB"))
			.startsWith("| remote echoBytes 64 KiB, 16 in flight (MiB/s) | 100 |");
	}

	private static String line(String table, String prefix) {
		return table.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
	}

}
