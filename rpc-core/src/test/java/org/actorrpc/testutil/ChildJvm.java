package org.actorrpc.testutil;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM for tests in which a process must die: it runs a main class with the current
 * {@code java} binary and class path, hands each line it prints to the test's line handler on a
 * daemon reader thread, and keeps the lines the handler leaves (at most 2000) for failure
 * messages. {@link #kill()} sends SIGKILL; {@link #close()} closes the child's standard input
 * (the test mains exit when it ends) and kills the child if it does not exit within 15 s.
 * Not thread-safe, except {@link #output()}.
 */
public final class ChildJvm implements AutoCloseable {

	private static final int KEPT_LINES = 2000;

	private final String name;

	private final Process process;

	private final List<String> output = Collections.synchronizedList(new ArrayList<>());

	private ChildJvm(String name, Process process) {
		this.name = name;
		this.process = process;
	}

	/**
	 * Starts the child and its output reader.
	 * @param name names the child in thread names and errors
	 * @param jvmOptions options of the child's JVM (heap size, for example); C1 only is added, as
	 * short-lived test JVMs start faster with it
	 * @param mainClass the main class, on the current class path
	 * @param args its arguments
	 * @param lines called on the reader thread with each line the child prints; returns whether it
	 * took the line (a line it does not take is kept for {@link #output()})
	 * @param exited called on the reader thread once the child's output ended (it exited)
	 * @return the running child
	 * @throws IOException if the JVM cannot be started
	 */
	public static ChildJvm start(String name, List<String> jvmOptions, Class<?> mainClass, List<String> args,
			Predicate<String> lines, Runnable exited) throws IOException {
		Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>();
		command.add(java.toString());
		command.addAll(jvmOptions);
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(mainClass.getName());
		command.addAll(args);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		ChildJvm child = new ChildJvm(name, process);
		Thread reader = new Thread(() -> child.pump(lines, exited), "child-jvm-output-" + name);
		reader.setDaemon(true);
		reader.start();
		return child;
	}

	private void pump(Predicate<String> lines, Runnable exited) {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				if (!lines.test(line) && this.output.size() < KEPT_LINES) {
					this.output.add(line);
				}
			}
		}
		catch (IOException ex) {
			// the process died: its output ends here
		}
		exited.run();
	}

	/**
	 * Returns the child's process handle.
	 * @return the handle
	 */
	public ProcessHandle handle() {
		return this.process.toHandle();
	}

	/**
	 * Kills the child with SIGKILL and waits (bounded) until it is gone.
	 * @throws InterruptedException if interrupted while waiting
	 * @throws IllegalStateException if it is still alive after 30 s
	 */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException(this.name + " (pid " + this.process.pid() + ") survived SIGKILL for 30 s");
		}
	}

	/**
	 * Returns the lines the child printed that the line handler did not take. Thread-safe.
	 * @return the output lines
	 */
	public String output() {
		synchronized (this.output) {
			return String.join("\n", this.output);
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (!this.process.isAlive()) {
			return;
		}
		try {
			this.process.getOutputStream().close();
		}
		catch (IOException ex) {
			// already gone
		}
		if (!this.process.waitFor(15, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor(15, TimeUnit.SECONDS);
		}
	}

}
