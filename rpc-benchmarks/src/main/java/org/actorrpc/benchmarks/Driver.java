package org.actorrpc.benchmarks;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a throughput benchmark keeps its calls in flight, by the id used in its {@code driver} {@code @Param}.
 * Immutable.
 */
enum Driver {

	/**
	 * {@link CallChains}: every completion issues the next call from the thread that completed it; the benchmark
	 * thread only samples the count. What asynchronous client code does, and the default.
	 */
	CALLBACKS("callbacks"),

	/**
	 * {@link InFlightWindow}: the one benchmark thread issues every call after taking a semaphore permit that the
	 * previous completion released: one thread hand-off per call. The driver of the tables before issue 15, kept to
	 * show what it cost.
	 */
	SEMAPHORE("semaphore");

	private final String id;

	Driver(String id) {
		this.id = id;
	}

	/** @return the {@code @Param} value */
	String id() {
		return this.id;
	}

	/**
	 * @param id a {@code @Param} value
	 * @return the driver
	 * @throws IllegalArgumentException naming the known ids
	 */
	static Driver of(String id) {
		for (Driver driver : values()) {
			if (driver.id.equals(id)) {
				return driver;
			}
		}
		throw new IllegalArgumentException("Unknown driver '" + id + "'; use one of "
				+ Arrays.stream(values()).map(Driver::id).collect(Collectors.joining(", ")));
	}

}
