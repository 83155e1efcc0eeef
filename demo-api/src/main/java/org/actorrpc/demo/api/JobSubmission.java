package org.actorrpc.demo.api;

/**
 * A job to run: {@code parallelism} subtasks, each simulating {@code taskDurationMillis} of work.
 * Validated on construction, so a bad submission fails before it reaches the cluster.
 *
 * @param name display name, 1 to {@value #MAX_NAME_LENGTH} characters
 * @param parallelism number of subtasks, 1 to {@value #MAX_PARALLELISM}
 * @param taskDurationMillis work per subtask, {@value #MIN_TASK_DURATION_MILLIS} ms to
 * {@value #MAX_TASK_DURATION_MILLIS} ms
 */
public record JobSubmission(String name, int parallelism, long taskDurationMillis) {

	/** Longest accepted job name. */
	public static final int MAX_NAME_LENGTH = 100;

	/** Largest accepted parallelism. */
	public static final int MAX_PARALLELISM = 64;

	/** Shortest accepted task duration, in milliseconds. */
	public static final long MIN_TASK_DURATION_MILLIS = 100;

	/** Longest accepted task duration (one hour), in milliseconds. */
	public static final long MAX_TASK_DURATION_MILLIS = 3_600_000;

	/**
	 * Validates the submission.
	 * @throws IllegalArgumentException naming the invalid field, the value and the accepted range
	 */
	public JobSubmission {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("'name' must be a non-blank string, for example \"wordcount\"");
		}
		if (name.length() > MAX_NAME_LENGTH) {
			throw new IllegalArgumentException(
					"'name' must be at most " + MAX_NAME_LENGTH + " characters, got " + name.length());
		}
		if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
			throw new IllegalArgumentException(
					"'parallelism' must be between 1 and " + MAX_PARALLELISM + ", got " + parallelism);
		}
		if (taskDurationMillis < MIN_TASK_DURATION_MILLIS || taskDurationMillis > MAX_TASK_DURATION_MILLIS) {
			throw new IllegalArgumentException("'taskDurationMs' must be between " + MIN_TASK_DURATION_MILLIS
					+ " and " + MAX_TASK_DURATION_MILLIS + " milliseconds, got " + taskDurationMillis);
		}
	}

}
