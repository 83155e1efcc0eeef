package org.actorrpc.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.actorrpc.benchmarks.peer.Peer;

/**
 * Renders {@link Measurements} as a markdown table: one row per scenario, one column per peer, ratio columns
 * (actorrpc divided by each peer) and issue 5's target for the row with whether this run met it. Stateless.
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
	 * @param target issue 5's target for actorrpc, or {@code null}
	 */
	record Row(String label, BiFunction<Measurements, Peer, Optional<Double>> value, Target target) {
	}

	/**
	 * A target: its text and a check of actorrpc's value against the other peers' values.
	 * @param text the target as written in issue 5
	 * @param check whether the target is met, given a lookup of each peer's value; empty when a value is missing
	 */
	record Target(String text, Function<Function<Peer, Optional<Double>>, Optional<Boolean>> check) {
	}

	/** @return the scenarios, in table order */
	static List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		rows.add(new Row("remote sequential round trip p50 (µs)", latency("remote", true),
				new Target("≤ 4× raw TCP", v -> ratio(v, Peer.TCP).map(r -> r <= 4.0))));
		rows.add(new Row("remote sequential round trip p99 (µs)", latency("remote", false), null));
		for (String inFlight : List.of("1", "16", "256")) {
			Target target = inFlight.equals("1") ? null : new Target("≥ 5× Flink and > grpc-java (default)",
					v -> both(ratio(v, Peer.FLINK).map(r -> r >= 5.0), ratio(v, Peer.GRPC_DEFAULT).map(r -> r > 1.0)));
			rows.add(new Row("remote echo, " + inFlight + " in flight (calls/s)",
					score(InFlightThroughputBenchmark.class, "remote", "inFlight", inFlight), target));
		}
		rows.add(new Row("remote fire-and-forget, counted at endpoint (msgs/s)",
				score(FireAndForgetBenchmark.class, "remote"),
				new Target("≥ 0.8× raw Pekko tell", v -> ratio(v, Peer.PEKKO).map(r -> r >= 0.8))));
		for (int size : List.of(16, 1024, 65536, 1048576)) {
			Target target = (size == 65536)
					? new Target("≥ 20× Flink", v -> ratio(v, Peer.FLINK).map(r -> r >= 20.0)) : null;
			rows.add(new Row("remote echoBytes " + sizeLabel(size) + ", 16 in flight (MiB/s)",
					(m, p) -> m.find(PayloadBenchmark.class, p, "remote", "size", Integer.toString(size))
						.map(Measurements.Trial::score)
						.map(calls -> calls * size / MIB),
					target));
		}
		for (String gateways : List.of("10", "200", "2000")) {
			Target target = gateways.equals("200")
					? new Target("≥ 4× Flink", v -> ratio(v, Peer.FLINK).map(r -> r >= 4.0)) : null;
			rows.add(new Row("remote fan-in, " + gateways + " gateways → 1 endpoint (calls/s)",
					score(GatewayScalingBenchmark.class, "remote", "gateways", gateways), target));
		}
		for (String gateways : List.of("10", "200", "2000")) {
			rows.add(new Row("remote fan-in, " + gateways + " gateways: mean latency (µs)",
					(m, p) -> m.find(GatewayScalingBenchmark.class, p, "remote", "gateways", gateways)
						.map(Measurements.Trial::score)
						.map(calls -> Integer.parseInt(gateways) / calls * 1e6),
					null));
		}
		rows.add(new Row("local sequential round trip p50 (µs)", latency("local", true), null));
		rows.add(new Row("local sequential round trip p99 (µs)", latency("local", false), null));
		for (String inFlight : List.of("1", "16", "256")) {
			Target target = inFlight.equals("1") ? null
					: new Target("≥ 1.5× Flink", v -> ratio(v, Peer.FLINK).map(r -> r >= 1.5));
			rows.add(new Row("local echo, " + inFlight + " in flight (calls/s)",
					score(InFlightThroughputBenchmark.class, "local", "inFlight", inFlight), target));
		}
		rows.add(new Row("local fire-and-forget, counted at endpoint (msgs/s)",
				score(FireAndForgetBenchmark.class, "local"),
				new Target("≥ 1.5× Flink", v -> ratio(v, Peer.FLINK).map(r -> r >= 1.5))));
		rows.add(new Row("heap per idle started endpoint (bytes)", (m, p) -> m.idleEndpointBytes(p),
				new Target("≤ Flink", v -> ratio(v, Peer.FLINK).map(r -> r <= 1.0))));
		rows.add(new Row("JVM start to ready service (ms of JVM uptime)", (m, p) -> m.startup(p),
				new Target("≤ Flink", v -> ratio(v, Peer.FLINK).map(r -> r <= 1.0))));
		return rows;
	}

	/**
	 * @param measurements what was measured
	 * @return the markdown table
	 */
	public static String render(Measurements measurements) {
		StringBuilder out = new StringBuilder();
		out.append("| scenario |");
		for (Peer peer : Peer.values()) {
			out.append(' ').append(peer.title()).append(" |");
		}
		for (Peer peer : RATIO_PEERS) {
			out.append(" actorrpc / ").append(peer.title()).append(" |");
		}
		out.append(" target (issue 5) | met |\n|---|");
		out.append("---:|".repeat(Peer.values().length + RATIO_PEERS.size()));
		out.append("---|:---:|\n");
		for (Row row : rows()) {
			Function<Peer, Optional<Double>> value = peer -> row.value().apply(measurements, peer)
				.filter(v -> !v.isNaN() && !v.isInfinite());
			out.append("| ").append(row.label()).append(" |");
			for (Peer peer : Peer.values()) {
				out.append(' ').append(value.apply(peer).map(ComparisonTable::number).orElse("—")).append(" |");
			}
			for (Peer peer : RATIO_PEERS) {
				out.append(' ').append(ratio(value, peer).map(r -> String.format(Locale.ROOT, "%.2f×", r)).orElse("—"))
					.append(" |");
			}
			if (row.target() == null) {
				out.append(" | |\n");
			}
			else {
				String met = row.target().check().apply(value).map(ok -> ok ? "yes" : "**NO**").orElse("—");
				out.append(' ').append(row.target().text()).append(" | ").append(met).append(" |\n");
			}
		}
		return out.toString();
	}

	private static BiFunction<Measurements, Peer, Optional<Double>> latency(String placement, boolean median) {
		return (m, p) -> m.find(RoundTripLatencyBenchmark.class, p, placement)
			.map(trial -> median ? trial.p50() : trial.p99());
	}

	private static BiFunction<Measurements, Peer, Optional<Double>> score(Class<?> benchmark, String placement,
			String... extra) {
		return (m, p) -> m.find(benchmark, p, placement, extra).map(Measurements.Trial::score);
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
