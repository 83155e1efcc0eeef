package org.actorrpc.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.actorrpc.benchmarks.peer.Peer;

/**
 * Renders {@link Measurements} as markdown: the main table measured with the callback drivers (one row per
 * scenario, one column per peer, ratio columns (actorrpc divided by each peer) and issue 5's target for the row
 * with whether this run met it), then, if the run measured actorrpc's variants, what its flight recorder and
 * journal cost on the rows they touch, then, if the run also measured the drivers of the earlier tables (semaphore
 * window, batches of tells), the same rows with those drivers and a table of what the driver changed. A cell reads
 * "failed" when its trial ran and threw (for fire-and-forget: actorrpc lost or reordered a message), "—" when it
 * was not run. Stateless.
 */
public final class ComparisonTable {

	private static final double MIB = 1024.0 * 1024.0;

	private static final List<Peer> RATIO_PEERS = List.of(Peer.FLINK, Peer.GRPC_DEFAULT, Peer.GRPC_DIRECT, Peer.PEKKO,
			Peer.TCP);

	private ComparisonTable() {
	}

	/**
	 * One scenario.
	 * @param label what the row measures, with its unit
	 * @param value the value of a peer, if measured
	 * @param failed whether a peer's trial for this row failed
	 * @param target issue 5's target for actorrpc, or {@code null}
	 * @param ratios whether the row has ratio columns
	 * @param driven whether the row depends on the driver (throughput rows), so that it has an earlier-driver twin
	 */
	record Row(String label, BiFunction<Measurements, Peer, Optional<Double>> value,
			BiFunction<Measurements, Peer, Boolean> failed, Target target, boolean ratios, boolean driven) {

		Row(String label, BiFunction<Measurements, Peer, Optional<Double>> value, Target target) {
			this(label, value, (m, p) -> false, target, true, false);
		}

		Row(String label, Lookup lookup, Target target) {
			this(label, lookup::score, lookup::failed, target, true, true);
		}

	}

	/**
	 * Where a row's value comes from: a benchmark's trial with the given placement and parameters.
	 * @param benchmark the benchmark class
	 * @param placement "local" or "remote"
	 * @param extra further parameter name and value pairs
	 */
	record Lookup(Class<?> benchmark, String placement, String... extra) {

		Optional<Double> score(Measurements measurements, Peer peer) {
			return trial(measurements, peer).map(Measurements.Trial::score);
		}

		Optional<Measurements.Trial> trial(Measurements measurements, Peer peer) {
			return measurements.find(this.benchmark, peer, this.placement, this.extra);
		}

		boolean failed(Measurements measurements, Peer peer) {
			return measurements.failed(this.benchmark, peer, this.placement, this.extra);
		}

	}

	/**
	 * How the throughput rows kept their calls in flight and sent their tells.
	 * @param calls the {@code driver} of the call benchmarks: {@code callbacks} or {@code semaphore}
	 * @param tells the {@code driver} of the fire-and-forget benchmark: {@code stream} or {@code batch}
	 * @param title the heading above its table
	 */
	record Drivers(String calls, String tells, String title) {
	}

	/** The drivers of the main table: completion callbacks, and sender threads streaming tells. */
	static final Drivers CURRENT = new Drivers("callbacks", "stream", null);

	/** The drivers of the tables before issue 15: one thread with a semaphore window, batches of 5,000 tells. */
	static final Drivers EARLIER = new Drivers("semaphore", "batch",
			"Throughput rows with the drivers of the earlier tables (one benchmark thread, a semaphore permit per call;"
					+ " batches of 5,000 tells from one thread), same run");

	/**
	 * A target: its text and a check of actorrpc's value against the other peers' values.
	 * @param text the target as written in issue 5
	 * @param check whether the target is met, given a lookup of each peer's value; empty when a value is missing
	 */
	record Target(String text, Function<Function<Peer, Optional<Double>>, Optional<Boolean>> check) {
	}

	/** @return the scenarios of the main table, in table order */
	static List<Row> rows() {
		return rows(CURRENT);
	}

	/**
	 * @param drivers how throughput rows were driven
	 * @return the scenarios, in table order
	 */
	static List<Row> rows(Drivers drivers) {
		String calls = drivers.calls();
		String tells = drivers.tells();
		List<Row> rows = new ArrayList<>();
		rows.add(new Row("remote sequential round trip p50 (µs)", latency("remote", true),
				new Target("≤ 4× raw TCP", v -> ratio(v, Peer.TCP).map(r -> r <= 4.0))));
		rows.add(new Row("remote sequential round trip p99 (µs)", latency("remote", false), null));
		for (String inFlight : List.of("1", "16", "256")) {
			Target target = inFlight.equals("1") ? null : new Target("≥ 5× Flink and > grpc-java (default)",
					v -> both(ratio(v, Peer.FLINK).map(r -> r >= 5.0), ratio(v, Peer.GRPC_DEFAULT).map(r -> r > 1.0)));
			rows.add(new Row("remote echo, " + inFlight + " in flight (calls/s)",
					new Lookup(InFlightThroughputBenchmark.class, "remote", "inFlight", inFlight, "driver", calls),
					target));
		}
		Lookup remoteTells = new Lookup(FireAndForgetBenchmark.class, "remote", "driver", tells);
		rows.add(new Row("remote fire-and-forget, processed by the endpoint (msgs/s)", remoteTells,
				new Target("≥ 0.8× raw Pekko tell", v -> ratio(v, Peer.PEKKO).map(r -> r >= 0.8))));
		rows.add(lossRow("remote fire-and-forget, lost (% of sent)", remoteTells));
		for (int size : List.of(16, 1024, 65536, 1048576)) {
			Target target = (size == 65536)
					? new Target("≥ 20× Flink", v -> ratio(v, Peer.FLINK).map(r -> r >= 20.0)) : null;
			Lookup lookup = new Lookup(PayloadBenchmark.class, "remote", "size", Integer.toString(size), "driver", calls);
			rows.add(new Row("remote echoBytes " + sizeLabel(size) + ", 16 in flight (MiB/s)",
					(m, p) -> lookup.score(m, p).map(rate -> rate * size / MIB), lookup::failed, target, true, true));
		}
		for (String gateways : List.of("10", "200", "2000")) {
			Target target = gateways.equals("200")
					? new Target("≥ 4× Flink", v -> ratio(v, Peer.FLINK).map(r -> r >= 4.0)) : null;
			rows.add(new Row("remote fan-in, " + gateways + " gateways → 1 endpoint (calls/s)",
					new Lookup(GatewayScalingBenchmark.class, "remote", "gateways", gateways, "driver", calls), target));
		}
		for (String gateways : List.of("10", "200", "2000")) {
			Lookup lookup = new Lookup(GatewayScalingBenchmark.class, "remote", "gateways", gateways, "driver", calls);
			rows.add(new Row("remote fan-in, " + gateways + " gateways: mean latency (µs)",
					(m, p) -> lookup.score(m, p).map(rate -> Integer.parseInt(gateways) / rate * 1e6), lookup::failed,
					null, true, true));
		}
		rows.add(new Row("local sequential round trip p50 (µs)", latency("local", true), null));
		rows.add(new Row("local sequential round trip p99 (µs)", latency("local", false), null));
		for (String inFlight : List.of("1", "16", "256")) {
			Target target = inFlight.equals("1") ? null
					: new Target("≥ 1.5× Flink", v -> ratio(v, Peer.FLINK).map(r -> r >= 1.5));
			rows.add(new Row("local echo, " + inFlight + " in flight (calls/s)",
					new Lookup(InFlightThroughputBenchmark.class, "local", "inFlight", inFlight, "driver", calls),
					target));
		}
		Lookup localTells = new Lookup(FireAndForgetBenchmark.class, "local", "driver", tells);
		rows.add(new Row("local fire-and-forget, processed by the endpoint (msgs/s)", localTells,
				new Target("≥ 1.5× Flink", v -> ratio(v, Peer.FLINK).map(r -> r >= 1.5))));
		rows.add(lossRow("local fire-and-forget, lost (% of sent)", localTells));
		rows.add(new Row("heap per idle started endpoint (bytes)", (m, p) -> m.idleEndpointBytes(p),
				new Target("≤ Flink", v -> ratio(v, Peer.FLINK).map(r -> r <= 1.0))));
		rows.add(new Row("JVM start to ready service (ms of JVM uptime)", (m, p) -> m.startup(p),
				new Target("≤ Flink", v -> ratio(v, Peer.FLINK).map(r -> r <= 1.0))));
		return rows;
	}

	/**
	 * @param measurements what was measured
	 * @return the markdown tables
	 */
	public static String render(Measurements measurements) {
		StringBuilder out = new StringBuilder();
		table(out, measurements, rows(CURRENT));
		featureCosts(out, measurements);
		List<Row> earlier = rows(EARLIER).stream().filter((row) -> driven(row, measurements)).toList();
		if (!earlier.isEmpty()) {
			out.append("\n").append(EARLIER.title()).append(":\n\n");
			table(out, measurements, earlier);
			out.append("\nWhat the driver changed, same run (callback driver divided by the earlier driver; for "
					+ "latency rows below 1 is faster):\n\n");
			driverEffect(out, measurements, rows(CURRENT), rows(EARLIER));
		}
		return out.toString();
	}

	/**
	 * The rows of the table of what actorrpc's flight recorder and journal cost: the throughput rows whose work
	 * per call they add to, with the callback driver.
	 * @return the rows, in table order
	 */
	static List<CostRow> costRows() {
		List<CostRow> rows = new ArrayList<>();
		for (String inFlight : List.of("1", "16", "256")) {
			rows.add(new CostRow("remote echo, " + inFlight + " in flight (calls/s)",
					new Lookup(InFlightThroughputBenchmark.class, "remote", "inFlight", inFlight, "driver", "callbacks"),
					true));
		}
		rows.add(new CostRow("remote echoBytes 64 KiB, 16 in flight (calls/s)",
				new Lookup(PayloadBenchmark.class, "remote", "size", "65536", "driver", "callbacks"), false));
		rows.add(new CostRow("local echo, 16 in flight (calls/s)",
				new Lookup(InFlightThroughputBenchmark.class, "local", "inFlight", "16", "driver", "callbacks"), false));
		return rows;
	}

	/**
	 * A row of the feature-cost table.
	 * @param label what the row measures, with its unit
	 * @param lookup where its values come from
	 * @param targeted whether issue 13's targets apply (the echo rows of the main table; the journal's target is
	 * for remote calls only)
	 */
	record CostRow(String label, Lookup lookup, boolean targeted) {
	}

	private static void featureCosts(StringBuilder out, Measurements measurements) {
		List<CostRow> rows = costRows().stream()
			.filter((row) -> row.lookup().score(measurements, Peer.ACTORRPC_RECORDER_OFF).isPresent()
					|| row.lookup().score(measurements, Peer.ACTORRPC_JOURNAL).isPresent())
			.toList();
		if (rows.isEmpty()) {
			return;
		}
		out.append("\nWhat actorrpc's flight recorder and journal cost, same run (throughput as shipped divided by "
				+ "throughput with the recorder off; throughput with the echo endpoint journaled divided by "
				+ "throughput as shipped; 1.00× is free):\n\n");
		out.append("| scenario | ").append(Peer.ACTORRPC_RECORDER_OFF.title()).append(" | ")
			.append(Peer.ACTORRPC.title()).append(" (recorder on) | ").append(Peer.ACTORRPC_JOURNAL.title())
			.append(" | recorder: on / off | journal: on / off | target (issue 13) | met |\n")
			.append("|---|---:|---:|---:|---:|---:|---|:---:|\n");
		for (CostRow row : rows) {
			Optional<Double> off = row.lookup().score(measurements, Peer.ACTORRPC_RECORDER_OFF);
			Optional<Double> shipped = row.lookup().score(measurements, Peer.ACTORRPC);
			Optional<Double> journaled = row.lookup().score(measurements, Peer.ACTORRPC_JOURNAL);
			Optional<Double> recorderCost = quotient(shipped, off);
			Optional<Double> journalCost = quotient(journaled, shipped);
			out.append("| ").append(row.label()).append(" | ")
				.append(costCell(row, measurements, Peer.ACTORRPC_RECORDER_OFF)).append(" | ")
				.append(costCell(row, measurements, Peer.ACTORRPC)).append(" | ")
				.append(costCell(row, measurements, Peer.ACTORRPC_JOURNAL)).append(" | ")
				.append(recorderCost.map(ComparisonTable::times).orElse("—")).append(" | ")
				.append(journalCost.map(ComparisonTable::times).orElse("—")).append(" | ");
			if (!row.targeted()) {
				out.append(" | |\n");
				continue;
			}
			boolean remote = row.lookup().placement().equals("remote");
			Optional<Boolean> met = recorderCost.map((cost) -> cost >= 0.95);
			if (remote) {
				met = both(met, journalCost.map((cost) -> cost >= 0.80));
			}
			out.append(remote ? "recorder ≥ 0.95×, journal ≥ 0.80×" : "recorder ≥ 0.95×").append(" | ")
				.append(met.map((ok) -> ok ? "yes" : "**NO**").orElse("—")).append(" |\n");
		}
	}

	private static String costCell(CostRow row, Measurements measurements, Peer peer) {
		return row.lookup().score(measurements, peer).map(ComparisonTable::number)
			.orElse(row.lookup().failed(measurements, peer) ? "failed" : "—");
	}

	private static Optional<Double> quotient(Optional<Double> dividend, Optional<Double> divisor) {
		return dividend.flatMap((a) -> divisor.filter((b) -> b != 0.0).map((b) -> a / b));
	}

	/** Whether the row depends on the driver and some peer ran it. */
	private static boolean driven(Row row, Measurements measurements) {
		return row.driven() && Peer.systems().stream()
			.anyMatch((peer) -> row.value().apply(measurements, peer).isPresent()
					|| row.failed().apply(measurements, peer));
	}

	private static void table(StringBuilder out, Measurements measurements, List<Row> rows) {
		out.append("| scenario |");
		for (Peer peer : Peer.systems()) {
			out.append(' ').append(peer.title()).append(" |");
		}
		for (Peer peer : RATIO_PEERS) {
			out.append(" actorrpc / ").append(peer.title()).append(" |");
		}
		out.append(" target (issue 5) | met |\n|---|");
		out.append("---:|".repeat(Peer.systems().size() + RATIO_PEERS.size()));
		out.append("---|:---:|\n");
		for (Row row : rows) {
			Function<Peer, Optional<Double>> value = values(row, measurements);
			out.append("| ").append(row.label()).append(" |");
			for (Peer peer : Peer.systems()) {
				out.append(' ').append(cell(row, measurements, peer)).append(" |");
			}
			for (Peer peer : RATIO_PEERS) {
				String ratio = row.ratios() ? ratio(value, peer).map(ComparisonTable::times).orElse("—") : "";
				out.append(' ').append(ratio).append(" |");
			}
			if (row.target() == null) {
				out.append(" | |\n");
			}
			else {
				String met = row.target().check().apply(value).map(ok -> ok ? "yes" : "**NO**").orElse("—");
				out.append(' ').append(row.target().text()).append(" | ").append(met).append(" |\n");
			}
		}
	}

	private static void driverEffect(StringBuilder out, Measurements measurements, List<Row> current,
			List<Row> earlier) {
		out.append("| scenario |");
		for (Peer peer : Peer.systems()) {
			out.append(' ').append(peer.title()).append(" |");
		}
		out.append(" actorrpc / Flink 2.3, earlier → callbacks |\n|---|");
		out.append("---:|".repeat(Peer.systems().size()));
		out.append("---:|\n");
		for (int i = 0; i < current.size(); i++) {
			Row now = current.get(i);
			Row before = earlier.get(i);
			if (!now.ratios() || !driven(before, measurements)) {
				continue;
			}
			Function<Peer, Optional<Double>> after = values(now, measurements);
			Function<Peer, Optional<Double>> was = values(before, measurements);
			out.append("| ").append(now.label()).append(" |");
			for (Peer peer : Peer.systems()) {
				Optional<Double> change = quotient(after.apply(peer), was.apply(peer));
				out.append(' ').append(change.map(ComparisonTable::times).orElse("—")).append(" |");
			}
			out.append(' ').append(ratio(was, Peer.FLINK).map(ComparisonTable::times).orElse("—")).append(" → ")
				.append(ratio(after, Peer.FLINK).map(ComparisonTable::times).orElse("—")).append(" |\n");
		}
	}

	private static Function<Peer, Optional<Double>> values(Row row, Measurements measurements) {
		return peer -> row.value().apply(measurements, peer).filter(v -> !v.isNaN() && !v.isInfinite());
	}

	private static String cell(Row row, Measurements measurements, Peer peer) {
		Optional<Double> value = values(row, measurements).apply(peer);
		if (value.isPresent()) {
			return number(value.get());
		}
		return row.failed().apply(measurements, peer) ? "failed" : "—";
	}

	private static String times(double ratio) {
		return String.format(Locale.ROOT, "%.2f×", ratio);
	}

	private static BiFunction<Measurements, Peer, Optional<Double>> latency(String placement, boolean median) {
		return (m, p) -> m.find(RoundTripLatencyBenchmark.class, p, placement)
			.map(trial -> median ? trial.p50() : trial.p99());
	}

	private static Row lossRow(String label, Lookup tells) {
		return new Row(label,
				(m, p) -> tells.trial(m, p)
					.flatMap((trial) -> trial.count("lost")
						.flatMap((lost) -> trial.count("sent").filter((sent) -> sent > 0).map((sent) -> 100 * lost / sent))),
				tells::failed, null, false, true);
	}

	private static Optional<Double> ratio(Function<Peer, Optional<Double>> value, Peer other) {
		return value.apply(Peer.ACTORRPC)
			.flatMap(ours -> value.apply(other).filter(theirs -> theirs != 0.0).map(theirs -> ours / theirs));
	}

	private static Optional<Boolean> both(Optional<Boolean> first, Optional<Boolean> second) {
		return first.flatMap(a -> second.map(b -> a && b));
	}

	private static String sizeLabel(int size) {
		if (size >= 1048576) {
			return (size / 1048576) + " MiB";
		}
		return (size >= 1024) ? (size / 1024) + " KiB" : size + " B";
	}

	/** Three significant digits, thousands separated. */
	static String number(double value) {
		if (Math.abs(value) >= 100) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		if (Math.abs(value) >= 10) {
			return String.format(Locale.ROOT, "%.1f", value);
		}
		return String.format(Locale.ROOT, "%.2f", value);
	}

}
