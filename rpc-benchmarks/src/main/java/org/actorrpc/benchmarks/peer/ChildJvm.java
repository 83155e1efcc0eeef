package org.actorrpc.benchmarks.peer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child JVM started with this JVM's {@code java} and class path, whose stdout is scanned for one line with a
 * given prefix. Used for the remote server and for the probes. Thread-safe; {@link #close()} ends the child.
 * A child that watches its stdin also ends when this JVM dies.
 */
public final class ChildJvm implements AutoCloseable {

	private static final int KEPT_OUTPUT_LINES = 40;

	private static final long GRACE_MILLIS = 3_000;

	private final Process process;

	private final String description;

	private final CompletableFuture<String> line = new CompletableFuture<>();

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
		String java = ProcessHandle.current().info().command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		List<String> command = new ArrayList<>();
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
	 * Waits for the line with the prefix given at start.
	 * @param timeout the longest wait
	 * @return the rest of the line after the prefix
	 * @throws IllegalStateException naming the child and quoting its last output lines if it exits or does not
	 * print the line in time
	 * @throws InterruptedException if interrupted
	 */
	public String awaitLine(Duration timeout) throws InterruptedException {
		try {
			return this.line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			close();
			throw new IllegalStateException("Child JVM '" + this.description + "' did not get ready within " + timeout
					+ "; its last output:\n" + lastOutput(), ex);
		}
	}

	private void readOutput(String prefix) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String text;
			while ((text = reader.readLine()) != null) {
				if (!this.line.isDone() && text.startsWith(prefix)) {
					this.line.complete(text.substring(prefix.length()).trim());
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
		this.line.completeExceptionally(new IllegalStateException("exited before printing '" + prefix + "'"));
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
