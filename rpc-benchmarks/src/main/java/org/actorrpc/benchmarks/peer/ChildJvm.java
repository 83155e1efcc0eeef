package org.actorrpc.benchmarks.peer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM started with this JVM's {@code java} and class path, whose stdout is scanned for lines with a
 * given prefix, and which may be sent lines on its stdin. Used for the remote server, the probes and the
 * cluster-scale JVMs. Thread-safe; {@link #close()} ends the child. A child that watches its stdin also ends
 * when this JVM dies.
 */
public final class ChildJvm implements AutoCloseable {

	private static final int KEPT_OUTPUT_LINES = 40;

	private static final long GRACE_MILLIS = 3_000;

	/** Queued when the child's output ends; compared by identity, so no line the child prints can be taken for it. */
	private static final String EXITED = new String("exited");

	private final Process process;

	private final String description;

	/** Lines with the prefix, the prefix cut off; {@link #EXITED} once the child's output ended. */
	private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

	private final Deque<String> lastLines = new ArrayDeque<>();

	private ChildJvm(Process process, String description, String prefix) {
		this.process = process;
		this.description = description;
		Thread reader = new Thread(() -> readOutput(prefix), "child-jvm-output");
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Starts a child JVM.
	 * @param jvmOptions extra JVM options (heap size, for example)
	 * @param mainClass the main class
	 * @param args its arguments
	 * @param prefix the stdout line prefix {@link #awaitLine} waits for
	 * @return the running child
	 * @throws IOException if it cannot be started
	 */
	public static ChildJvm start(List<String> jvmOptions, Class<?> mainClass, List<String> args, String prefix)
			throws IOException {
		return start(List.of(), jvmOptions, mainClass, args, prefix);
	}

	/**
	 * Starts a child JVM through a launcher command ({@code nice -n 10}, for example).
	 * @param launcher the command and arguments that run the {@code java} command, or empty for none
	 * @param jvmOptions extra JVM options (heap size, for example)
	 * @param mainClass the main class
	 * @param args its arguments
	 * @param prefix the stdout line prefix {@link #awaitLine} waits for
	 * @return the running child
	 * @throws IOException if it cannot be started
	 */
	public static ChildJvm start(List<String> launcher, List<String> jvmOptions, Class<?> mainClass,
			List<String> args, String prefix) throws IOException {
		String java = ProcessHandle.current().info().command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		List<String> command = new ArrayList<>(launcher);
		command.add(java);
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(mainClass.getName());
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		return new ChildJvm(builder.start(), mainClass.getSimpleName() + " " + String.join(" ", args), prefix);
	}

	/**
	 * Waits for the next line with the prefix given at start (the first call returns the first such line).
	 * @param timeout the longest wait
	 * @return the rest of the line after the prefix
	 * @throws IllegalStateException naming the child and quoting its last output lines if it exits or does not
	 * print the line in time; the child is ended then
	 * @throws InterruptedException if interrupted
	 */
	public String awaitLine(Duration timeout) throws InterruptedException {
		String text = this.lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		if (text == null || text == EXITED) {
			if (text == EXITED) {
				this.lines.add(EXITED);
			}
			close();
			throw new IllegalStateException("Child JVM '" + this.description + "' "
					+ ((text == null) ? "printed no awaited line within " + timeout : "exited before the awaited line")
					+ "; its last output:\n" + lastOutput());
		}
		return text;
	}

	/**
	 * Writes one line to the child's stdin.
	 * @param text the line, without its line break
	 * @throws IOException if the child's stdin is closed
	 */
	public void send(String text) throws IOException {
		OutputStream in = this.process.getOutputStream();
		synchronized (in) {
			in.write((text + "\n").getBytes(StandardCharsets.UTF_8));
			in.flush();
		}
	}

	private void readOutput(String prefix) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String text;
			while ((text = reader.readLine()) != null) {
				if (text.startsWith(prefix)) {
					this.lines.add(text.substring(prefix.length()).trim());
				}
				synchronized (this.lastLines) {
					this.lastLines.addLast(text);
					if (this.lastLines.size() > KEPT_OUTPUT_LINES) {
						this.lastLines.removeFirst();
					}
				}
			}
		}
		catch (IOException ex) {
			// the child is gone; handled below
		}
		this.lines.add(EXITED);
	}

	private String lastOutput() {
		synchronized (this.lastLines) {
			return String.join("\n", this.lastLines);
		}
	}

	/**
	 * Ends the child: closes its stdin (a child that watches it exits at once, running its shutdown hooks, so a
	 * flight recording is written), waits up to {@value #GRACE_MILLIS} ms, then kills it, so that it does not
	 * compete for CPU with what runs next.
	 */
	@Override
	public void close() {
		try {
			this.process.getOutputStream().close();
		}
		catch (IOException ex) {
			// already gone
		}
		try {
			if (!this.process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
