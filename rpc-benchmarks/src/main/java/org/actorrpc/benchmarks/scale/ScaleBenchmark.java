package org.actorrpc.benchmarks.scale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.actorrpc.benchmarks.peer.ChildJvm;

/**
 * The cluster-scale benchmark (issue 15): for each TaskManager count, the same simulated cluster on actorrpc and
 * on Flink 2.3's RPC, one after the other, each row in fresh JVMs (a JobMaster JVM that starts
 * {@code ceil(N / 100)} TaskManager JVMs). Prints the markdown table with the ratios and writes it to a file.
 * {@code ScaleBenchmark <counts, e.g. 50,200,500> <measured seconds> <warm-up seconds> <table file>}.
 * Single-threaded; progress goes to stderr.
 */
public final class ScaleBenchmark {

	private ScaleBenchmark() {
	}

	/**
	 * @param args the counts, the measured and warm-up seconds, the table file
	 * @throws Exception if a JVM cannot start or the file cannot be written
	 */
	public static void main(String[] args) throws Exception {
		if (args.length != 4) {
			throw new IllegalArgumentException("Usage: ScaleBenchmark <TaskManager counts, e.g. 50,200,500>"
					+ " <measured seconds> <warm-up seconds> <table file>");
		}
		int[] counts = Arrays.stream(args[0].split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
		Duration measured = Duration.ofSeconds(Long.parseLong(args[1]));
		Duration warmUp = Duration.ofSeconds(Long.parseLong(args[2]));
		List<ScaleTable.Row> rows = new ArrayList<>();
		long started = System.nanoTime();
		for (int count : counts) {
			ScaleSettings settings = ScaleSettings.of(count, warmUp, measured);
			ScaleTable.Outcome actorRpc = run("actorrpc", settings);
			ScaleTable.Outcome flink = run("flink", settings);
			rows.add(new ScaleTable.Row(count, actorRpc, flink));
		}
		String table = ScaleTable.render(rows);
		System.out.println(table);
		Path file = Path.of(args[3]);
		if (file.getParent() != null) {
			Files.createDirectories(file.getParent());
		}
		Files.writeString(file, table, StandardCharsets.UTF_8);
		System.err.printf("Scale benchmark finished in %d s; table written to %s%n",
				Duration.ofNanos(System.nanoTime() - started).toSeconds(), file);
	}

	/**
	 * Runs one peer's row in a fresh JobMaster JVM.
	 * @param peer the peer id
	 * @param settings the row
	 * @return its result, or why it failed
	 * @throws IOException if the JVM cannot start
	 * @throws InterruptedException if interrupted
	 */
	public static ScaleTable.Outcome run(String peer, ScaleSettings settings) throws IOException, InterruptedException {
		System.err.printf("scale: %s with %d TaskManagers in %d JVM(s) ...%n", peer, settings.taskManagers(),
				settings.taskManagerJvms());
		long started = System.nanoTime();
		List<String> args = new ArrayList<>(List.of(peer));
		args.addAll(settings.toArguments());
		Duration timeout = settings.warmUp().plus(settings.measured()).plus(Duration.ofMinutes(10));
		ScaleTable.Outcome outcome;
		try (ChildJvm jobMaster = ChildJvm.start(JobMasterMain.childJvmOptions(), JobMasterMain.class, args,
				JobMasterMain.PREFIX)) {
			String line = jobMaster.awaitLine(timeout);
			outcome = (line.startsWith(JobMasterMain.FAILED.trim()))
					? ScaleTable.Outcome.failed(line.substring(JobMasterMain.FAILED.trim().length()).trim())
					: ScaleTable.Outcome.of(ScaleResult.parse(line));
		}
		catch (IllegalStateException ex) {
			outcome = ScaleTable.Outcome.failed(ex.getMessage());
		}
		System.err.printf("scale: %s with %d TaskManagers took %d s: %s%n", peer, settings.taskManagers(),
				Duration.ofNanos(System.nanoTime() - started).toSeconds(),
				(outcome.result() != null) ? outcome.result().toLine() : "FAILED " + outcome.failure());
		return outcome;
	}

}
