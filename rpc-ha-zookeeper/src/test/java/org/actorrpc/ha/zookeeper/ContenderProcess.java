package org.actorrpc.ha.zookeeper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running {@link ContenderNodeMain} with the current {@code java} binary and class
 * path; its {@code HA-EVENT} lines are queued for the test, the rest kept for failure messages.
 * {@link #kill()} sends SIGKILL; {@link #close()} asks the node to exit and kills it if it does
 * not. Not thread-safe.
 */
final class ContenderProcess implements AutoCloseable {

	private final String name;

	private final Process process;

	private final Path acceptLog;

	private final BlockingQueue<String[]> events = new LinkedBlockingQueue<>();

	private final List<String> output = Collections.synchronizedList(new ArrayList<>());

	private final List<String> history = Collections.synchronizedList(new ArrayList<>());

	private ContenderProcess(String name, Process process, Path acceptLog) {
		this.name = name;
		this.process = process;
		this.acceptLog = acceptLog;
	}

	static ContenderProcess start(String name, String connectString, String clusterId, Duration sessionTimeout,
			Path acceptLog) throws IOException {
		Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
		List<String> command = List.of(java.toString(), "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), ContenderNodeMain.class.getName(), connectString, clusterId,
				Long.toString(sessionTimeout.toMillis()), acceptLog.toString());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		ContenderProcess started = new ContenderProcess(name, process, acceptLog);
		Thread reader = new Thread(started::pump, "contender-output-" + name);
		reader.setDaemon(true);
		reader.start();
		return started;
	}

	private void pump() {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				if (line.startsWith(ContenderNodeMain.EVENT_PREFIX)) {
					String event = line.substring(ContenderNodeMain.EVENT_PREFIX.length());
					this.history.add(event);
					this.events.add(event.split(" "));
				}
				else if (this.output.size() < 2000) {
					this.output.add(line);
				}
			}
		}
		catch (IOException ex) {
			// the process died
		}
		this.events.add(new String[] { "EXITED" });
	}

	/**
	 * Waits for the next event of the given kind, skipping others.
	 * @param kind first word of the event line
	 * @param bound how long to wait
	 * @return the event's words
	 */
	String[] awaitEvent(String kind, Duration bound) throws InterruptedException {
		long deadline = System.nanoTime() + bound.toNanos();
		while (true) {
			long left = deadline - System.nanoTime();
			String[] event = (left > 0) ? this.events.poll(left, TimeUnit.NANOSECONDS) : null;
			if (event == null || event[0].equals("EXITED")) {
				throw new AssertionError(this.name + " printed no " + kind + " within " + bound
						+ ((event != null) ? " (it exited)" : "") + "; output:\n" + output());
			}
			if (event[0].equals(kind)) {
				return event;
			}
		}
	}

	/**
	 * Returns whether the node printed an event starting with the given text (without consuming it).
	 * @param prefix for example {@code "GRANTED <session>"}
	 * @return true if it did
	 */
	boolean printed(String prefix) {
		synchronized (this.history) {
			return this.history.stream().anyMatch((event) -> event.startsWith(prefix));
		}
	}

	Path acceptLog() {
		return this.acceptLog;
	}

	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException(this.name + " survived SIGKILL for 30 s");
		}
	}

	String output() {
		synchronized (this.output) {
			return String.join("\n", this.output);
		}
	}

	@Override
	public void close() throws Exception {
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
