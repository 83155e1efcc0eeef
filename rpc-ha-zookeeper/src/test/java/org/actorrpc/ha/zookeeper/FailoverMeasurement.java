package org.actorrpc.ha.zookeeper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.curator.test.TestingServer;

/**
 * Measures failover time: SIGKILL of the leading JVM to the first successful call on the new
 * leader, with its phases, for the session timeouts given as arguments (default {@code 2s 5s}),
 * three runs each, against an in-process ZooKeeper server (100 ms tick). Not a test: run it with
 * {@code java -cp <test class path> org.actorrpc.ha.zookeeper.FailoverMeasurement 2s 5s}.
 */
public final class FailoverMeasurement {

	private static final int RUNS = 3;

	private FailoverMeasurement() {
	}

	/**
	 * Runs the measurement.
	 * @param args session timeouts such as {@code 2s} or {@code 2500ms}
	 * @throws Exception if a run fails
	 */
	public static void main(String[] args) throws Exception {
		List<Duration> timeouts = new ArrayList<>();
		for (String arg : (args.length > 0) ? args : new String[] { "2s", "5s" }) {
			timeouts.add(arg.endsWith("ms") ? Duration.ofMillis(Long.parseLong(arg.substring(0, arg.length() - 2)))
					: Duration.ofSeconds(Long.parseLong(arg.substring(0, arg.length() - 1))));
		}
		List<String> lines = new ArrayList<>();
		try (TestingServer server = ZooKeeperTestServers.startServer()) {
			for (Duration timeout : timeouts) {
				for (int run = 1; run <= RUNS; run++) {
					Path dir = Files.createTempDirectory("failover");
					String line;
					try {
						FailoverScenario.Result result = new FailoverScenario(server.getConnectString(),
								"measure-" + timeout.toMillis() + "-" + run, timeout, dir)
							.run();
						line = "run " + run + ": " + result.breakdown(timeout)
								+ ((result.failoverMillis() <= timeout.toMillis() + 1000) ? "" : "  (over target)");
					}
					catch (Exception | AssertionError ex) {
						line = "run " + run + ": session timeout " + timeout.toMillis() + " ms: failed: " + ex.getMessage();
					}
					System.out.println(line);
					lines.add(line);
				}
			}
		}
		System.out.println();
		lines.forEach(System.out::println);
		System.exit(0);
	}

}
