package org.actorrpc.benchmarks;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.actorrpc.benchmarks.peer.Peer;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonTableTest {

	@Test
	void ratiosAndTargetsAreComputedAgainstEachPeer() {
		Measurements measurements = new Measurements();
		measurements.add(new Measurements.Trial("InFlightThroughputBenchmark",
				Map.of("peer", "actorrpc", "placement", "remote", "inFlight", "16", "driver", "callbacks"), 60_000, Double.NaN, Double.NaN));
		measurements.add(new Measurements.Trial("InFlightThroughputBenchmark",
				Map.of("peer", "flink", "placement", "remote", "inFlight", "16", "driver", "callbacks"), 10_000, Double.NaN, Double.NaN));
		measurements.add(new Measurements.Trial("InFlightThroughputBenchmark",
				Map.of("peer", "grpc-default", "placement", "remote", "inFlight", "16", "driver", "callbacks"), 20_000, Double.NaN,
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
				Map.of("peer", "actorrpc", "placement", "remote", "size", "65536", "driver", "callbacks"), 1_600, Double.NaN, Double.NaN));

		assertThat(line(ComparisonTable.render(measurements), "| remote echoBytes 64 KiB"))
			.startsWith("| remote echoBytes 64 KiB, 16 in flight (MiB/s) | 100 |");
	}

	@Test
	void earlierDriverRowsAreRenderedBesideTheCurrentOnesWithTheirRatios() {
		Measurements measurements = new Measurements();
		measurements.add(echo16("actorrpc", "callbacks", 50_000));
		measurements.add(echo16("flink", "callbacks", 10_000));
		measurements.add(echo16("actorrpc", "semaphore", 25_000));
		measurements.add(echo16("flink", "semaphore", 2_500));

		String table = ComparisonTable.render(measurements);

		List<String> rows = table.lines().filter((l) -> l.startsWith("| remote echo, 16 in flight (calls/s) |")).toList();
		assertThat(rows).hasSize(3);
		assertThat(rows.get(0)).startsWith("| remote echo, 16 in flight (calls/s) | 50,000 | 10,000 |")
			.contains("| 5.00× |");
		assertThat(rows.get(1)).startsWith("| remote echo, 16 in flight (calls/s) | 25,000 | 2,500 |")
			.contains("| 10.00× |");
		assertThat(rows.get(2)).startsWith("| remote echo, 16 in flight (calls/s) | 2.00× | 4.00× | — |")
			.endsWith("| 10.00× → 5.00× |");
		assertThat(table).contains("drivers of the earlier tables");
		assertThat(table.lines().filter((l) -> l.startsWith("| remote sequential round trip p50"))).hasSize(1);
	}

	@Test
	void withoutEarlierDriverTrialsOnlyTheMainTableIsRendered() {
		Measurements measurements = new Measurements();
		measurements.add(echo16("actorrpc", "callbacks", 50_000));

		assertThat(ComparisonTable.render(measurements)).doesNotContain("earlier");
	}

	@Test
	void failedTrialReadsFailedAndLossIsAShareOfWhatWasSent() {
		Measurements measurements = new Measurements();
		measurements.addFailure(new Measurements.Failure("FireAndForgetBenchmark",
				Map.of("peer", "actorrpc", "placement", "remote", "driver", "stream")));
		measurements.add(new Measurements.Trial("FireAndForgetBenchmark",
				Map.of("peer", "pekko", "placement", "remote", "driver", "stream", "senders", "4"), 200_000,
				Double.NaN, Double.NaN, Map.of("sent", 1_000_000.0, "lost", 250_000.0, "outOfOrder", 0.0)));

		String table = ComparisonTable.render(measurements);

		assertThat(line(table, "| remote fire-and-forget, processed by the endpoint (msgs/s) |"))
			.startsWith("| remote fire-and-forget, processed by the endpoint (msgs/s) | failed | — | — | — | 200,000 | — |");
		assertThat(line(table, "| remote fire-and-forget, lost (% of sent) |"))
			.startsWith("| remote fire-and-forget, lost (% of sent) | failed | — | — | — | 25.0 | — |  |  |  |  |  | | |");
	}

	@Test
	void recorderAndJournalCostsAreRatiosAgainstActorRpcAsShippedAndStayOutOfTheMainTable() {
		Measurements measurements = new Measurements();
		measurements.add(echo16("actorrpc-recorder-off", "callbacks", 50_000));
		measurements.add(echo16("actorrpc", "callbacks", 48_000));
		measurements.add(echo16("actorrpc-journal", "callbacks", 36_000));

		String table = ComparisonTable.render(measurements);

		assertThat(table).contains("What actorrpc's flight recorder and journal cost");
		List<String> rows = table.lines().filter((l) -> l.startsWith("| remote echo, 16 in flight (calls/s) |")).toList();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).startsWith("| remote echo, 16 in flight (calls/s) | 48,000 | — |");
		assertThat(rows.get(1)).isEqualTo("| remote echo, 16 in flight (calls/s) | 50,000 | 48,000 | 36,000 | 0.96× "
				+ "| 0.75× | recorder ≥ 0.95×, journal ≥ 0.80× | **NO** |");
		assertThat(line(table, "| scenario |")).doesNotContain("recorder off", "journal on");
	}

	@Test
	void withoutVariantTrialsNoCostTableIsRendered() {
		Measurements measurements = new Measurements();
		measurements.add(echo16("actorrpc", "callbacks", 50_000));

		assertThat(ComparisonTable.render(measurements)).doesNotContain("journal");
	}

	@Test
	void plannedCombinationsAreTheCrossProductOfTheSuiteParameters() {
		assertThat(ComparisonRunner.combinations(Map.of("peer", "actorrpc,flink", "driver", "callbacks,semaphore",
				"placement", "remote"))).hasSize(4)
			.contains(Map.of("peer", "flink", "driver", "semaphore", "placement", "remote"));
	}

	private static Measurements.Trial echo16(String peer, String driver, double score) {
		return new Measurements.Trial("InFlightThroughputBenchmark",
				Map.of("peer", peer, "placement", "remote", "inFlight", "16", "driver", driver), score, Double.NaN,
				Double.NaN);
	}

	private static String line(String table, String prefix) {
		return table.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
	}

}
