package org.actorrpc.testutil.netns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM running inside a {@link NetworkNamespaces} namespace ({@code ip netns exec <ns> java
 * ...}), with the current {@code java} binary and class path. Its standard input and output are
 * pipes to this JVM, so the test talks to it over a channel no network partition can touch: it
 * writes command lines ({@link #send}) and waits, bounded, for the lines the child prints
 * ({@link #await}), each stamped with this JVM's {@link System#nanoTime()} on arrival (an upper
 * bound of when the child printed it). {@link #close()} closes its standard input, which the child
 * takes as the order to exit, and kills it if it does not. Thread-safe.
 */
public final class NamespacedJvm implements AutoCloseable {

	private static final int MAX_KEPT_LINES = 20_000;

	private final String name;

	private final Process process;

	private final OutputStream stdin;

	private final List<Line> lines = new ArrayList<>();

	private NamespacedJvm(String name, Process process) {
		this.name = name;
		this.process = process;
		this.stdin = process.getOutputStream();
		Thread reader = new Thread(this::pump, "netns-jvm-output-" + name);
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Starts a JVM inside a namespace.
	 * @param nets the namespaces
	 * @param namespace where it runs
	 * @param jvmOptions options of its JVM (heap size, for example)
	 * @param mainClass its main class, on the current class path
	 * @param args the main class's arguments
	 * @return the running JVM
	 * @throws IOException if it cannot be started
	 */
	public static NamespacedJvm start(NetworkNamespaces nets, NetworkNamespaces.Namespace namespace,
			List<String> jvmOptions, Class<?> mainClass, String... args) throws IOException {
		List<String> java = new ArrayList<>();
		java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		java.addAll(jvmOptions);
		java.add("-XX:TieredStopAtLevel=1");
		java.add("-XX:+UseSerialGC");
		java.add("-cp");
		java.add(System.getProperty("java.class.path"));
		java.add(mainClass.getName());
		java.addAll(List.of(args));
		Process process = new ProcessBuilder(nets.inside(namespace, java)).redirectErrorStream(true).start();
		return new NamespacedJvm(namespace.role(), process);
	}

	private void pump() {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String text;
			while ((text = in.readLine()) != null) {
				Line line = new Line(text, System.nanoTime());
				synchronized (this.lines) {
					if (this.lines.size() < MAX_KEPT_LINES) {
						this.lines.add(line);
					}
					this.lines.notifyAll();
				}
			}
		}
		catch (IOException ex) {
			// the process ended; waiters see it below
		}
		synchronized (this.lines) {
			this.lines.notifyAll();
		}
	}

	/**
	 * Writes one command line to the child's standard input.
	 * @param command the command
	 * @throws IOException if the child is gone
	 */
	public void send(String command) throws IOException {
		synchronized (this.stdin) {
			this.stdin.write((command + "\n").getBytes(StandardCharsets.UTF_8));
			this.stdin.flush();
		}
	}

	/**
	 * Waits for the first line since {@code fromIndex} that matches.
	 * @param fromIndex index of the first line to look at ({@link #lineCount()} before a command)
	 * @param matching what to wait for
	 * @param within how long at most
	 * @return the line
	 * @throws AssertionError when no such line came in time or the child exited, with its output
	 */
	public Line await(int fromIndex, Predicate<String> matching, Duration within) {
		long deadline = System.nanoTime() + within.toNanos();
		synchronized (this.lines) {
			int next = fromIndex;
			while (true) {
				for (; next < this.lines.size(); next++) {
					if (matching.test(this.lines.get(next).text())) {
						return this.lines.get(next);
					}
				}
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0 || (!this.process.isAlive() && next >= this.lines.size())) {
					throw new AssertionError(this.name + " printed no expected line within " + within
							+ (this.process.isAlive() ? "" : " (it exited with " + this.process.exitValue() + ")")
							+ "; its output:\n" + output());
				}
				try {
					this.lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new AssertionError("interrupted while waiting for " + this.name, ex);
				}
			}
		}
	}

	/**
	 * Sends a command and waits for its answer: the first line after it that starts with
	 * {@code answerPrefix} or with {@code ERROR }.
	 * @param command the command
	 * @param answerPrefix how its answer starts
	 * @param within how long at most
	 * @return the answer line, whole
	 * @throws IOException if the child is gone
	 */
	public String ask(String command, String answerPrefix, Duration within) throws IOException {
		int from = lineCount();
		send(command);
		return await(from, (text) -> text.startsWith(answerPrefix) || text.startsWith("ERROR "), within).text();
	}

	/** @return how many lines the child printed so far */
	public int lineCount() {
		synchronized (this.lines) {
			return this.lines.size();
		}
	}

	/**
	 * Returns the lines since an index that start with a prefix.
	 * @param fromIndex the first line to look at
	 * @param prefix the prefix
	 * @return the matching lines
	 */
	public List<Line> linesStartingWith(int fromIndex, String prefix) {
		List<Line> found = new ArrayList<>();
		synchronized (this.lines) {
			for (int i = fromIndex; i < this.lines.size(); i++) {
				if (this.lines.get(i).text().startsWith(prefix)) {
					found.add(this.lines.get(i));
				}
			}
		}
		return found;
	}

	/** @return the child's process handle */
	public ProcessHandle handle() {
		return this.process.toHandle();
	}

	/** @return everything the child printed so far, for failure messages */
	public String output() {
		synchronized (this.lines) {
			StringBuilder all = new StringBuilder();
			for (Line line : this.lines) {
				all.append(line.text()).append('\n');
			}
			return all.toString();
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (!this.process.isAlive()) {
			return;
		}
		try {
			this.stdin.close();
		}
		catch (IOException ex) {
			// already gone
		}
		if (!this.process.waitFor(15, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor(15, TimeUnit.SECONDS);
		}
	}

	/**
	 * A line the child printed.
	 *
	 * @param text the line
	 * @param arrivedNanos this JVM's {@link System#nanoTime()} when it was read
	 */
	public record Line(String text, long arrivedNanos) {

	}

}
