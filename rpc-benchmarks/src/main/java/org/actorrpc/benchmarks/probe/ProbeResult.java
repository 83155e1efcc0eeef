package org.actorrpc.benchmarks.probe;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.actorrpc.benchmarks.peer.ChildJvm;
import org.actorrpc.benchmarks.peer.EchoFixture;

/**
 * Runs a probe in a fresh JVM and reads the number it prints as {@value #PREFIX}{@code <number>}. Stateless.
 */
public final class ProbeResult {

	/** Prefix of the line that carries a probe's result. */
	public static final String PREFIX = "PROBE-RESULT ";

	private static final Duration TIMEOUT = Duration.ofSeconds(120);

	private ProbeResult() {
	}

	/**
	 * Prints a result line for the parent JVM.
	 * @param value the result
	 */
	static void print(double value) {
		System.out.println(PREFIX + value);
		System.out.flush();
	}

	/**
	 * Runs a probe's main class in a new JVM with the server JVM's options.
	 * @param probe the main class
	 * @param args its arguments
	 * @return the number it printed
	 * @throws IOException if the JVM cannot start
	 * @throws InterruptedException if interrupted
	 */
	public static double run(Class<?> probe, List<String> args) throws IOException, InterruptedException {
		try (ChildJvm jvm = ChildJvm.start(EchoFixture.SERVER_JVM_OPTIONS, probe, args, PREFIX)) {
			return Double.parseDouble(jvm.awaitLine(TIMEOUT));
		}
	}

}
