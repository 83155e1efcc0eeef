package org.actorrpc.benchmarks.scale;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Renders the cluster-scale rows as a markdown table (actorrpc, Flink 2.3 and their ratio per TaskManager count)
 * followed by whether each of the goals holds. Stateless.
 */
public final class ScaleTable {

	private static final double KIB = 1024.0;

	private static final List<Column> COLUMNS = List.of(
			new Column("setup (s)", "%.1f", (r) -> r.setupMillis() / 1000.0),
			new Column("checkpoints", "%.0f", ScaleResult::checkpoints),
			new Column("checkpoint p50 (ms)", "%.2f", ScaleResult::checkpointP50Millis),
			new Column("checkpoint p99 (ms)", "%.2f", ScaleResult::checkpointP99Millis),
			new Column("heartbeat TM→RM p99 (ms)", "%.2f", ScaleResult::heartbeatP99Millis),
			new Column("heartbeat JM→TM→JM p99 (ms)", "%.2f", ScaleResult::jobMasterHeartbeatP99Millis),
			new Column("JM max mailbox", "%.0f", ScaleResult::maxMailboxDepth),
			new Column("JM CPU (cores)", "%.2f", ScaleResult::cpuPerSecond),
			new Column("JM heap (MiB)", "%.1f", (r) -> r.jobMasterHeapBytes() / KIB / KIB),
			new Column("heap per JM-side connection (KiB)", "%.0f", (r) -> r.heapPerConnectionBytes() / KIB),
			new Column("heap per TM-side service (KiB)", "%.0f", (r) -> r.heapPerTaskManagerBytes() / KIB),
			new Column("threads per TM-side service", "%.1f", ScaleResult::threadsPerTaskManager),
			new Column("TM CPU per TM-side service (millicores)", "%.1f", (r) -> r.cpuPerTaskManager() * 1000));

	private ScaleTable() {
	}

	/**
	 * @param rows one per TaskManager count, in order
	 * @return the table and the goals, markdown
	 */
	public static String render(List<Row> rows) {
		StringBuilder out = new StringBuilder("| TaskManagers | peer |");
		COLUMNS.forEach((column) -> out.append(' ').append(column.name()).append(" |"));
		out.append("\n|---|---|");
		COLUMNS.forEach((column) -> out.append("---|"));
		out.append('\n');
		for (Row row : rows) {
			line(out, row.taskManagers(), "actorrpc", row.actorRpc());
			line(out, row.taskManagers(), "Flink 2.3", row.flink());
			if (row.actorRpc().result() != null && row.flink().result() != null) {
				out.append("| ").append(row.taskManagers()).append(" | **actorrpc / Flink** |");
				for (Column column : COLUMNS) {
					out.append(' ').append(ratio(column.value().applyAsDouble(row.actorRpc().result()),
							column.value().applyAsDouble(row.flink().result()))).append(" |");
				}
				out.append('\n');
			}
		}
		out.append("\nGoals (issue 15):\n");
		for (Row row : rows) {
			ScaleResult ours = row.actorRpc().result();
			ScaleResult flink = row.flink().result();
			out.append("- ").append(row.taskManagers()).append(" TaskManagers: ");
			if (ours == null || flink == null) {
				out.append("not comparable (a peer failed)\n");
				continue;
			}
			double checkpoint = ours.checkpointP99Millis() / flink.checkpointP99Millis();
			out.append(goal("checkpoint p99 ≤ ½ Flink's", checkpoint, checkpoint <= 0.5)).append("; ");
			double service = ours.heapPerTaskManagerBytes() / flink.heapPerTaskManagerBytes();
			out.append(goal("heap per TM-side service ≤ Flink's", service,
					ours.heapPerTaskManagerBytes() <= flink.heapPerTaskManagerBytes())).append("; ");
			double connection = ours.heapPerConnectionBytes() / flink.heapPerConnectionBytes();
			out.append(goal("heap per JM-side connection ≤ Flink's", connection,
					ours.heapPerConnectionBytes() <= flink.heapPerConnectionBytes())).append('\n');
		}
		return out.toString();
	}

	private static void line(StringBuilder out, int taskManagers, String peer, Outcome outcome) {
		out.append("| ").append(taskManagers).append(" | ").append(peer).append(" |");
		if (outcome.result() == null) {
			out.append(" **FAILED**: ").append(outcome.failure().replace('|', '/')).append(" |");
			out.append(" |".repeat(COLUMNS.size() - 1)).append('\n');
			return;
		}
		for (Column column : COLUMNS) {
			out.append(' ').append(String.format(Locale.ROOT, column.format(),
					column.value().applyAsDouble(outcome.result()))).append(" |");
		}
		out.append('\n');
	}

	private static String ratio(double ours, double theirs) {
		return (theirs == 0 || Double.isNaN(ours) || Double.isNaN(theirs)) ? "–"
				: String.format(Locale.ROOT, "%.2f", ours / theirs);
	}

	private static String goal(String name, double ratio, boolean holds) {
		return name + " " + ((holds) ? "holds" : "**missed**") + " ("
				+ String.format(Locale.ROOT, "%.2f", ratio) + ")";
	}

	/**
	 * One peer's outcome: a result, or why the row failed.
	 * @param result the result, {@code null} if it failed
	 * @param failure why it failed, {@code null} if it did not
	 */
	public record Outcome(ScaleResult result, String failure) {

		/** @param result a result @return it as an outcome */
		public static Outcome of(ScaleResult result) {
			return new Outcome(result, null);
		}

		/** @param failure why @return a failed outcome */
		public static Outcome failed(String failure) {
			return new Outcome(null, failure);
		}

	}

	/**
	 * Both peers at one TaskManager count.
	 * @param taskManagers the count
	 * @param actorRpc actorrpc's outcome
	 * @param flink Flink's outcome
	 */
	public record Row(int taskManagers, Outcome actorRpc, Outcome flink) {
	}

	private record Column(String name, String format, ToDoubleFunction<ScaleResult> value) {
	}

}
