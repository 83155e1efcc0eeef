package org.actorrpc.ha.zookeeper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.actorrpc.testutil.ChildJvm;

/**
 * A child JVM ({@link ChildJvm}) running {@link ContenderNodeMain}; its {@code HA-EVENT} lines
 * are queued for the test, the rest kept for failure messages. {@link #kill()} sends SIGKILL;
 * {@link #close()} asks the node to exit and kills it if it does not. Not thread-safe.
 */
final class ContenderProcess implements AutoCloseable {

	private final String name;

	private final ChildJvm jvm;

	private final Path acceptLog;

	private final BlockingQueue<String[]> events;

	private final List<String> history;

	private ContenderProcess(String name, ChildJvm jvm, Path acceptLog, BlockingQueue<String[]> events,
			List<String> history) {
		this.name = name;
		this.jvm = jvm;
		this.acceptLog = acceptLog;
		this.events = events;
		this.history = history;
	}

	static ContenderProcess start(String name, String connectString, String clusterId, Duration sessionTimeout,
			Path acceptLog) throws IOException {
		BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
		List<String> history = Collections.synchronizedList(new ArrayList<>());
		ChildJvm jvm = ChildJvm.start("contender-" + name, List.of("-Xmx128m"), ContenderNodeMain.class,
				List.of(connectString, clusterId, Long.toString(sessionTimeout.toMillis()), acceptLog.toString()),
				(line) -> {
					if (!line.startsWith(ContenderNodeMain.EVENT_PREFIX)) {
						return false;
					}
					String event = line.substring(ContenderNodeMain.EVENT_PREFIX.length());
					history.add(event);
					events.add(event.split(" "));
					return true;
				}, () -> events.add(new String[] { "EXITED" }));
		return new ContenderProcess(name, jvm, acceptLog, events, history);
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
		this.jvm.kill();
	}

	String output() {
		return this.jvm.output();
	}

	@Override
	public void close() throws Exception {
		this.jvm.close();
	}

}
