package org.actorrpc.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

import org.actorrpc.benchmarks.peer.EchoFixture;
import org.actorrpc.benchmarks.peer.Peer;
import org.actorrpc.benchmarks.probe.IdleHeapProbe;
import org.actorrpc.benchmarks.probe.ProbeResult;
import org.actorrpc.benchmarks.probe.StartupProbe;

/**
 * Runs a {@link ComparisonPlan}: its JMH suites through the JMH {@link Runner}, then the startup and heap probes,
 * each in fresh JVMs. Not thread-safe; one run at a time.
 */
public final class ComparisonRunner {

	/** System property with extra, space-separated JVM options for the benchmark (JMH fork) JVMs. */
	public static final String FORK_JVM_OPTIONS_PROPERTY = "actorrpc.bench.fork-jvm-options";

	private final ComparisonPlan plan;

	private final Path jmhLog;

	private final PrintStream progress;

	/**
	 * @param plan what to run
	 * @param jmhLog file that receives JMH's own output (one file per suite, numbered), or {@code null} for stdout
	 * @param progress where to report progress
	 */
	public ComparisonRunner(ComparisonPlan plan, Path jmhLog, PrintStream progress) {
		this.plan = plan;
		this.jmhLog = jmhLog;
		this.progress = progress;
	}

	/**
	 * @return everything measured
	 * @throws RunnerException if a benchmark fails and the plan fails on errors
	 * @throws Exception if a probe fails
	 */
	public Measurements run() throws Exception {
		Measurements measurements = new Measurements();
		List<ComparisonPlan.Suite> suites = this.plan.suites();
		for (int i = 0; i < suites.size(); i++) {
			ComparisonPlan.Suite suite = suites.get(i);
			this.progress.printf("[%s] %tT JMH %s %s%n", this.plan.name(), System.currentTimeMillis(),
					suite.benchmark().getSimpleName(), suite.params());
			List<Measurements.Trial> trials = new ArrayList<>();
			for (RunResult result : runSuite(suite, i + 1)) {
				trials.add(toTrial(result));
			}
			trials.forEach(measurements::add);
			for (Map<String, String> planned : combinations(suite.params())) {
				String name = suite.benchmark().getSimpleName();
				if (trials.stream().noneMatch((trial) -> trial.benchmark().equals(name)
						&& trial.params().entrySet().containsAll(planned.entrySet()))) {
					measurements.addFailure(new Measurements.Failure(name, planned));
				}
			}
		}
		for (Peer peer : Peer.systems()) {
			this.progress.printf("[%s] %tT startup probe %s%n", this.plan.name(), System.currentTimeMillis(),
					peer.id());
			measurements.putStartup(peer, median(startupRuns(peer)));
		}
		for (Peer peer : Peer.systems()) {
			if (peer.driver().hostsEndpoints()) {
				this.progress.printf("[%s] %tT idle heap probe %s, %d endpoints%n", this.plan.name(),
						System.currentTimeMillis(), peer.id(), this.plan.idleEndpoints());
				measurements.putIdleEndpointBytes(peer, ProbeResult.run(IdleHeapProbe.class,
						List.of(peer.id(), Integer.toString(this.plan.idleEndpoints()))));
			}
		}
		return measurements;
	}

	private Collection<RunResult> runSuite(ComparisonPlan.Suite suite, int number) throws RunnerException {
		ChainedOptionsBuilder options = new OptionsBuilder()
			.include("^" + Pattern.quote(suite.benchmark().getName()) + "\\.")
			.forks(this.plan.forks())
			.warmupIterations(this.plan.warmupIterations())
			.warmupTime(this.plan.warmupTime())
			.measurementIterations(this.plan.measurementIterations())
			.measurementTime(this.plan.measurementTime())
			.shouldFailOnError(this.plan.failOnError())
			.jvmArgs(forkJvmOptions().toArray(String[]::new));
		if (this.jmhLog != null) {
			options.output(this.jmhLog.resolveSibling(number + "-" + this.jmhLog.getFileName()).toString());
		}
		suite.params().forEach((name, values) -> options.param(name, values.split(",")));
		return new Runner(options.build()).run();
	}

	/**
	 * The benchmark JVMs' options: the server JVM's, then those of the system property
	 * {@value #FORK_JVM_OPTIONS_PROPERTY} (space-separated), which run-comparison.sh fills from
	 * {@code COMPARISON_JVM_OPTIONS}.
	 */
	private static List<String> forkJvmOptions() {
		List<String> options = new ArrayList<>(EchoFixture.SERVER_JVM_OPTIONS);
		String extra = System.getProperty(FORK_JVM_OPTIONS_PROPERTY, "").trim();
		if (!extra.isEmpty()) {
			options.addAll(List.of(extra.split("\\s+")));
		}
		return options;
	}

	/** Every combination of a suite's parameter values, as JMH runs them. */
	static List<Map<String, String>> combinations(Map<String, String> params) {
		List<Map<String, String>> combinations = new ArrayList<>();
		combinations.add(Map.of());
		for (Map.Entry<String, String> param : params.entrySet()) {
			List<Map<String, String>> next = new ArrayList<>();
			for (Map<String, String> partial : combinations) {
				for (String value : param.getValue().split(",")) {
					Map<String, String> extended = new HashMap<>(partial);
					extended.put(param.getKey(), value);
					next.add(extended);
				}
			}
			combinations = next;
		}
		return combinations;
	}

	private List<Double> startupRuns(Peer peer) throws Exception {
		List<Double> runs = new ArrayList<>();
		for (int i = 0; i < this.plan.startupRuns(); i++) {
			runs.add(ProbeResult.run(StartupProbe.class, List.of(peer.id())));
		}
		return runs;
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		return sorted.get(sorted.size() / 2);
	}

	private static Measurements.Trial toTrial(RunResult result) {
		BenchmarkParams params = result.getParams();
		Map<String, String> values = new HashMap<>();
		for (String key : params.getParamsKeys()) {
			values.put(key, params.getParam(key));
		}
		String benchmark = params.getBenchmark();
		String className = benchmark.substring(0, benchmark.lastIndexOf('.'));
		Result<?> primary = result.getPrimaryResult();
		Statistics statistics = primary.getStatistics();
		boolean sampled = params.getMode() == org.openjdk.jmh.annotations.Mode.SampleTime;
		Map<String, Double> counts = new HashMap<>();
		result.getSecondaryResults().forEach((name, secondary) -> counts.put(name, secondary.getScore()));
		double score = primary.getScore();
		for (String counted : List.of(CompletedCalls.RESULT, DeliveredMessages.RESULT)) {
			if (counts.containsKey(counted)) {
				score = counts.remove(counted);
			}
		}
		return new Measurements.Trial(className.substring(className.lastIndexOf('.') + 1), values, score,
				sampled ? statistics.getPercentile(50) : Double.NaN, sampled ? statistics.getPercentile(99) : Double.NaN,
				counts);
	}

}
