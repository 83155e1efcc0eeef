package org.actorrpc.benchmarks.scale;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.sun.management.OperatingSystemMXBean;

import org.actorrpc.benchmarks.probe.SettledHeap;

/**
 * Entry point of a TaskManager JVM: {@code TaskManagerMain <peer> <first> <end> <JobMaster address>
 * <ResourceManager address> <settings...>} starts TaskManagers {@code first} to {@code end - 1}, each on its own
 * service, and prints {@value #PREFIX}{@code READY <TaskManagers> <connection attempts tried again>} once all run
 * their tasks (or {@code FAILED} and why, and exits). Each {@value #CPU} line read on stdin is answered with the
 * JVM's CPU time so far. Each {@code footprint} line read on stdin is answered with {@value #PREFIX}{@code FOOTPRINT <further TaskManagers> <heap> <threads> <failures>}:
 * the heap after GC and the live threads now, less those measured when the first TaskManager ran (so that what
 * a JVM pays once is not counted), for the TaskManagers started after it; and the failures after deployment of
 * the first TaskManager that had any, or {@code -}. Exits when stdin ends. Single-threaded.
 */
public final class TaskManagerMain {

	/** Prefix of the lines the parent reads. */
	public static final String PREFIX = "SCALE-TM ";

	/** The command that asks for the JVM's CPU time so far, answered {@value #PREFIX}{@code CPU <nanoseconds>}. */
	public static final String CPU = "cpu";

	/** The command that asks for the footprint. */
	public static final String FOOTPRINT = "footprint";

	private TaskManagerMain() {
	}

	/**
	 * @param args the peer, the range, the addresses, then {@link ScaleSettings#toArguments()}
	 * @throws Exception if a TaskManager cannot start or deploy
	 */
	public static void main(String[] args) throws Exception {
		if (args.length < 5) {
			throw new IllegalArgumentException("Usage: TaskManagerMain <peer> <first> <end> <JobMaster address>"
					+ " <ResourceManager address> <settings...>");
		}
		ScalePeer peer = ScalePeer.of(args[0]);
		int first = Integer.parseInt(args[1]);
		int end = Integer.parseInt(args[2]);
		ScaleSettings settings = ScaleSettings.fromArguments(args, 5);
		Duration timeout = Duration.ofSeconds(300 + 2L * (end - first));
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		List<TaskManagerLogic> taskManagers = new ArrayList<>();
		long heapBefore;
		int threadsBefore;
		try {
			ScalePeer.TaskManagerHost host = peer.startTaskManagerHost();
			taskManagers.add(host.start(first, settings, args[3], args[4]));
			taskManagers.get(0).deployed().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			heapBefore = SettledHeap.used();
			threadsBefore = threads.getThreadCount();
			for (int index = first + 1; index < end; index++) {
				taskManagers.add(host.start(index, settings, args[3], args[4]));
			}
			CompletableFuture.allOf(taskManagers.stream().map(TaskManagerLogic::deployed)
				.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			// Say why at once (the services' threads would keep this JVM alive, silent, until the parent's timeout).
			System.out.println(PREFIX + "FAILED " + taskManagers.size() + " of " + (end - first)
					+ " TaskManager(s) started: " + String.valueOf(ex).replace('\n', ' ')
					+ ((ex.getCause() != null) ? " <- " + String.valueOf(ex.getCause()).replace('\n', ' ') : ""));
			System.out.flush();
			System.exit(1);
			return;
		}
		int connectRetries = taskManagers.stream().mapToInt(TaskManagerLogic::connectRetries).sum();
		System.out.println(PREFIX + "READY " + taskManagers.size() + " " + connectRetries);
		System.out.flush();
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		String command;
		while ((command = in.readLine()) != null) {
			if (CPU.equals(command.trim())) {
				System.out.println(PREFIX + "CPU " + os.getProcessCpuTime());
				System.out.flush();
			}
			else if (FOOTPRINT.equals(command.trim())) {
				long heap = SettledHeap.used() - heapBefore;
				int addedThreads = threads.getThreadCount() - threadsBefore;
				String failures = taskManagers.stream().map(TaskManagerLogic::failures)
					.filter((failure) -> failure != null).findFirst().orElse("-");
				System.out.println(PREFIX + "FOOTPRINT " + (taskManagers.size() - 1) + " " + heap + " " + addedThreads
						+ " " + failures.replace('\n', ' '));
				System.out.flush();
			}
		}
		// Exit without closing the services: the JVM ends with them, and the next row starts sooner.
		System.exit(0);
	}

}
