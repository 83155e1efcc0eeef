package org.actorrpc.benchmarks.scale;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one row measured for one peer. Immutable; travels from the JobMaster JVM to the benchmark's JVM as one
 * line of {@code key=value} pairs.
 *
 * @param peer the peer's id
 * @param taskManagers TaskManagers
 * @param taskManagerJvms JVMs they ran in
 * @param setupMillis from starting the TaskManager JVMs until every task ran
 * @param checkpoints checkpoints recorded
 * @param acknowledgements acknowledgements they received (all of them, or the row fails)
 * @param checkpointP50Millis checkpoint round trip (trigger to last acknowledgement), median
 * @param checkpointP99Millis checkpoint round trip, 99th percentile
 * @param heartbeatP99Millis TaskManager to ResourceManager heartbeat round trip, 99th percentile
 * @param jobMasterHeartbeatP99Millis JobMaster to TaskManager heartbeat and its answer, 99th percentile
 * @param maxMailboxDepth the JobMaster endpoint's largest sampled mailbox depth
 * @param cpuPerSecond the JobMaster JVM's CPU time per wall-clock second while recording (cores), without the
 * sampler's
 * @param jobMasterHeapBytes the JobMaster JVM's heap after GC, everything connected
 * @param heapPerConnectionBytes that heap less the JobMaster JVM's before any TaskManager connected, per
 * TaskManager
 * @param heapPerTaskManagerBytes a TaskManager JVM's heap after GC less that with one TaskManager, per further
 * TaskManager
 * @param threadsPerTaskManager the same for live threads
 * @param cpuPerTaskManager the TaskManager JVMs' CPU time per wall-clock second while recording (cores), per
 * TaskManager
 */
public record ScaleResult(String peer, int taskManagers, int taskManagerJvms, long setupMillis, long checkpoints,
		long acknowledgements, double checkpointP50Millis, double checkpointP99Millis, double heartbeatP99Millis,
		double jobMasterHeartbeatP99Millis, int maxMailboxDepth, double cpuPerSecond, long jobMasterHeapBytes,
		double heapPerConnectionBytes, double heapPerTaskManagerBytes, double threadsPerTaskManager,
		double cpuPerTaskManager) {

	/** @return the result as one line for {@link #parse} */
	public String toLine() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("peer", this.peer);
		values.put("taskManagers", this.taskManagers);
		values.put("taskManagerJvms", this.taskManagerJvms);
		values.put("setupMillis", this.setupMillis);
		values.put("checkpoints", this.checkpoints);
		values.put("acknowledgements", this.acknowledgements);
		values.put("checkpointP50Millis", this.checkpointP50Millis);
		values.put("checkpointP99Millis", this.checkpointP99Millis);
		values.put("heartbeatP99Millis", this.heartbeatP99Millis);
		values.put("jobMasterHeartbeatP99Millis", this.jobMasterHeartbeatP99Millis);
		values.put("maxMailboxDepth", this.maxMailboxDepth);
		values.put("cpuPerSecond", this.cpuPerSecond);
		values.put("jobMasterHeapBytes", this.jobMasterHeapBytes);
		values.put("heapPerConnectionBytes", this.heapPerConnectionBytes);
		values.put("heapPerTaskManagerBytes", this.heapPerTaskManagerBytes);
		values.put("threadsPerTaskManager", this.threadsPerTaskManager);
		values.put("cpuPerTaskManager", this.cpuPerTaskManager);
		StringBuilder line = new StringBuilder();
		values.forEach((key, value) -> line.append((line.length() == 0) ? "" : " ").append(key).append('=')
			.append((value instanceof Double number) ? String.format(Locale.ROOT, "%.6f", number) : value));
		return line.toString();
	}

	/**
	 * @param line a line written by {@link #toLine}
	 * @return the result
	 * @throws IllegalArgumentException naming what is missing or does not parse
	 */
	public static ScaleResult parse(String line) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String pair : line.trim().split("\\s+")) {
			int equals = pair.indexOf('=');
			if (equals < 1) {
				throw new IllegalArgumentException("not a key=value pair: '" + pair + "' in '" + line + "'");
			}
			values.put(pair.substring(0, equals), pair.substring(equals + 1));
		}
		try {
			return new ScaleResult(get(values, "peer"), Integer.parseInt(get(values, "taskManagers")),
					Integer.parseInt(get(values, "taskManagerJvms")), Long.parseLong(get(values, "setupMillis")),
					Long.parseLong(get(values, "checkpoints")), Long.parseLong(get(values, "acknowledgements")),
					Double.parseDouble(get(values, "checkpointP50Millis")),
					Double.parseDouble(get(values, "checkpointP99Millis")),
					Double.parseDouble(get(values, "heartbeatP99Millis")),
					Double.parseDouble(get(values, "jobMasterHeartbeatP99Millis")),
					Integer.parseInt(get(values, "maxMailboxDepth")), Double.parseDouble(get(values, "cpuPerSecond")),
					Long.parseLong(get(values, "jobMasterHeapBytes")),
					Double.parseDouble(get(values, "heapPerConnectionBytes")),
					Double.parseDouble(get(values, "heapPerTaskManagerBytes")),
					Double.parseDouble(get(values, "threadsPerTaskManager")),
					Double.parseDouble(get(values, "cpuPerTaskManager")));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("a value does not parse in '" + line + "': " + ex.getMessage(), ex);
		}
	}

	private static String get(Map<String, String> values, String key) {
		String value = values.get(key);
		if (value == null) {
			throw new IllegalArgumentException("no '" + key + "' in the result line " + values);
		}
		return value;
	}

}
