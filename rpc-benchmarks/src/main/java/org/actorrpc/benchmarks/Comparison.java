package org.actorrpc.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Command line of the comparison: {@code Comparison [full|smoke] [jmh-log-file]} runs the plan and prints the
 * markdown table on stdout; progress goes to stderr and JMH's own output to the log file (stdout if omitted).
 * Single-threaded.
 */
public final class Comparison {

	private Comparison() {
	}

	/**
	 * @param args the plan name, optionally followed by the JMH log file
	 * @throws Exception if the run fails
	 */
	public static void main(String[] args) throws Exception {
		if (args.length < 1 || args.length > 2) {
			throw new IllegalArgumentException("Usage: Comparison <full|smoke> [jmh-log-file]");
		}
		ComparisonPlan plan = switch (args[0]) {
			case "full" -> ComparisonPlan.full();
			case "smoke" -> ComparisonPlan.smoke();
			default -> throw new IllegalArgumentException("Unknown plan '" + args[0] + "'; use 'full' or 'smoke'");
		};
		Path log = (args.length == 2) ? Path.of(args[1]) : null;
		// JMH forwards the forked JVMs' console output to System.out: keep stdout for the table alone
		PrintStream table = System.out;
		System.setOut(System.err);
		Measurements measurements = new ComparisonRunner(plan, log, System.err).run();
		table.print(ComparisonTable.render(measurements));
		table.flush();
		System.exit(0);
	}

}
