package org.actorrpc.benchmarks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.actorrpc.benchmarks.peer.Peer;

/**
 * Everything one comparison run measured: JMH results and probe results. Not thread-safe; filled by one
 * thread, then read.
 */
public final class Measurements {

	private final List<Trial> trials = new ArrayList<>();

	private final Map<Peer, Double> startupMillis = new EnumMap<>(Peer.class);

	private final Map<Peer, Double> idleEndpointBytes = new EnumMap<>(Peer.class);

	private final List<Failure> failures = new ArrayList<>();

	/**
	 * One JMH trial's result.
	 * @param benchmark simple name of the benchmark class
	 * @param params the trial's parameters
	 * @param score what the table shows: the secondary result that counts completed calls or delivered messages
	 * if the benchmark has one, else the primary score (ops/s, or mean µs/op for sample time)
	 * @param p50 median in µs/op, NaN unless sample time
	 * @param p99 99th percentile in µs/op, NaN unless sample time
	 * @param counts further secondary results by name (for example {@code sent} and {@code lost} messages)
	 */
	public record Trial(String benchmark, Map<String, String> params, double score, double p50, double p99,
			Map<String, Double> counts) {

		/** Copies. */
		public Trial {
			params = Map.copyOf(params);
			counts = Map.copyOf(counts);
		}

		/**
		 * A trial without further counts.
		 * @param benchmark simple name of the benchmark class
		 * @param params the trial's parameters
		 * @param score the score
		 * @param p50 median in µs/op, or NaN
		 * @param p99 99th percentile in µs/op, or NaN
		 */
		public Trial(String benchmark, Map<String, String> params, double score, double p50, double p99) {
			this(benchmark, params, score, p50, p99, Map.of());
		}

		/**
		 * @param name a secondary result's name
		 * @return its value, if the trial has it
		 */
		public Optional<Double> count(String name) {
			return Optional.ofNullable(this.counts.get(name));
		}

	}

	/**
	 * A planned trial that produced no result: it threw (JMH logged why).
	 * @param benchmark simple name of the benchmark class
	 * @param params the trial's parameters
	 */
	public record Failure(String benchmark, Map<String, String> params) {

		/** Copies. */
		public Failure {
			params = Map.copyOf(params);
		}

	}

	/** @param failure a planned trial without a result */
	public void addFailure(Failure failure) {
		this.failures.add(failure);
	}

	/** @return the planned trials without a result, in run order */
	public List<Failure> failures() {
		return List.copyOf(this.failures);
	}

	/**
	 * Whether a planned trial failed.
	 * @param benchmark benchmark class
	 * @param peer the peer
	 * @param placement "local" or "remote"
	 * @param extra further parameter name and value pairs
	 * @return true if a matching trial was planned and produced no result
	 */
	public boolean failed(Class<?> benchmark, Peer peer, String placement, String... extra) {
		return this.failures.stream()
			.anyMatch((failure) -> failure.benchmark().equals(benchmark.getSimpleName())
					&& peer.id().equals(failure.params().get("peer"))
					&& placement.equals(failure.params().get("placement")) && matches(failure.params(), extra));
	}

	/** @param trial a JMH trial's result */
	public void add(Trial trial) {
		this.trials.add(trial);
	}

	/** @return every trial, in run order */
	public List<Trial> trials() {
		return List.copyOf(this.trials);
	}

	/**
	 * @param peer the peer
	 * @param millis JVM uptime when its service was ready
	 */
	public void putStartup(Peer peer, double millis) {
		this.startupMillis.put(peer, millis);
	}

	/**
	 * @param peer the peer
	 * @param bytes heap per idle endpoint
	 */
	public void putIdleEndpointBytes(Peer peer, double bytes) {
		this.idleEndpointBytes.put(peer, bytes);
	}

	/**
	 * @param peer the peer
	 * @return JVM uptime in ms when its service was ready, if measured
	 */
	public Optional<Double> startup(Peer peer) {
		return Optional.ofNullable(this.startupMillis.get(peer));
	}

	/**
	 * @param peer the peer
	 * @return heap bytes per idle endpoint, if measured
	 */
	public Optional<Double> idleEndpointBytes(Peer peer) {
		return Optional.ofNullable(this.idleEndpointBytes.get(peer));
	}

	/**
	 * Finds a trial.
	 * @param benchmark benchmark class
	 * @param peer the peer
	 * @param placement "local" or "remote"
	 * @param extra further parameter name and value pairs, e.g. {@code "inFlight", "16"}
	 * @return the trial, if it ran and succeeded
	 */
	public Optional<Trial> find(Class<?> benchmark, Peer peer, String placement, String... extra) {
		return this.trials.stream()
			.filter(trial -> trial.benchmark().equals(benchmark.getSimpleName()))
			.filter(trial -> peer.id().equals(trial.params().get("peer")))
			.filter(trial -> placement.equals(trial.params().get("placement")))
			.filter(trial -> matches(trial.params(), extra))
			.findFirst();
	}

	private static boolean matches(Map<String, String> params, String[] extra) {
		for (int i = 0; i + 1 < extra.length; i += 2) {
			if (!extra[i + 1].equals(params.get(extra[i]))) {
				return false;
			}
		}
		return true;
	}

}
