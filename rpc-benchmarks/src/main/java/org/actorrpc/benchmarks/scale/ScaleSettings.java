package org.actorrpc.benchmarks.scale;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * One row of the cluster-scale benchmark: how many TaskManagers, how they are spread over JVMs, and the rates and
 * phases of the simulation. Immutable; passed to the child JVMs as command-line arguments.
 *
 * @param taskManagers simulated TaskManagers, each on a service of its own
 * @param tasksPerTaskManager simulated tasks each TaskManager runs (one slot each); every task acknowledges every
 * checkpoint
 * @param taskManagersPerJvm TaskManagers hosted by one TaskManager JVM (the last one may host fewer)
 * @param heartbeatInterval how often every TaskManager sends a heartbeat to the ResourceManager, and the
 * JobMaster one to every TaskManager
 * @param checkpointInterval how often the JobMaster triggers a checkpoint; one runs at a time, so a checkpoint
 * that takes longer delays the next
 * @param warmUp how long checkpoints and heartbeats run before anything is recorded
 * @param measured how long they run while recorded
 */
public record ScaleSettings(int taskManagers, int tasksPerTaskManager, int taskManagersPerJvm,
		Duration heartbeatInterval, Duration checkpointInterval, Duration warmUp, Duration measured) {

	/** Tasks per TaskManager unless told otherwise. */
	public static final int DEFAULT_TASKS = 32;

	/** TaskManagers per JVM unless told otherwise. */
	public static final int DEFAULT_TASK_MANAGERS_PER_JVM = 100;

	/** Heartbeat interval unless told otherwise. */
	public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(1);

	/** Checkpoint interval unless told otherwise. */
	public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofMillis(500);

	private static final int ARGUMENTS = 7;

	/**
	 * Validates the settings.
	 * @throws IllegalArgumentException naming the setting that is out of range
	 */
	public ScaleSettings {
		requirePositive(taskManagers, "taskManagers");
		requirePositive(tasksPerTaskManager, "tasksPerTaskManager");
		requirePositive(taskManagersPerJvm, "taskManagersPerJvm");
		requirePositive(heartbeatInterval, "heartbeatInterval");
		requirePositive(checkpointInterval, "checkpointInterval");
		if (warmUp == null || warmUp.isNegative()) {
			throw new IllegalArgumentException("warmUp must be zero or positive but was " + warmUp);
		}
		requirePositive(measured, "measured");
	}

	/**
	 * @param taskManagers TaskManagers
	 * @param warmUp warm-up
	 * @param measured measured phase
	 * @return settings with the defaults for everything else
	 */
	public static ScaleSettings of(int taskManagers, Duration warmUp, Duration measured) {
		return new ScaleSettings(taskManagers, DEFAULT_TASKS, DEFAULT_TASK_MANAGERS_PER_JVM,
				DEFAULT_HEARTBEAT_INTERVAL, DEFAULT_CHECKPOINT_INTERVAL, warmUp, measured);
	}

	/**
	 * @param taskManagersPerJvm TaskManagers per JVM
	 * @return these settings with another spread
	 */
	public ScaleSettings withTaskManagersPerJvm(int taskManagersPerJvm) {
		return new ScaleSettings(this.taskManagers, this.tasksPerTaskManager, taskManagersPerJvm,
				this.heartbeatInterval, this.checkpointInterval, this.warmUp, this.measured);
	}

	/** @return how many TaskManager JVMs the row starts */
	public int taskManagerJvms() {
		return (this.taskManagers + this.taskManagersPerJvm - 1) / this.taskManagersPerJvm;
	}

	/** @return acknowledgements that complete one checkpoint */
	public int acknowledgementsPerCheckpoint() {
		return this.taskManagers * this.tasksPerTaskManager;
	}

	/** @return the settings as the arguments {@link #fromArguments} reads */
	public List<String> toArguments() {
		return List.of(Integer.toString(this.taskManagers), Integer.toString(this.tasksPerTaskManager),
				Integer.toString(this.taskManagersPerJvm), this.heartbeatInterval.toString(),
				this.checkpointInterval.toString(), this.warmUp.toString(), this.measured.toString());
	}

	/**
	 * @param args command-line arguments
	 * @param from the index of the first setting
	 * @return the settings written by {@link #toArguments}
	 * @throws IllegalArgumentException if there are too few or one does not parse
	 */
	public static ScaleSettings fromArguments(String[] args, int from) {
		if (args.length < from + ARGUMENTS) {
			throw new IllegalArgumentException("expected " + ARGUMENTS + " scale settings from argument " + from
					+ " on, got " + (args.length - from));
		}
		try {
			return new ScaleSettings(Integer.parseInt(args[from]), Integer.parseInt(args[from + 1]),
					Integer.parseInt(args[from + 2]), Duration.parse(args[from + 3]), Duration.parse(args[from + 4]),
					Duration.parse(args[from + 5]), Duration.parse(args[from + 6]));
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw new IllegalArgumentException("scale settings do not parse: " + ex.getMessage(), ex);
		}
	}

	private static void requirePositive(int value, String name) {
		if (value < 1) {
			throw new IllegalArgumentException(name + " must be at least 1 but was " + value);
		}
	}

	private static void requirePositive(Duration value, String name) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be positive but was " + value);
		}
	}

}
