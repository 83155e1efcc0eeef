package org.actorrpc.benchmarks.scale;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

import com.sun.management.OperatingSystemMXBean;

import org.actorrpc.benchmarks.actorrpc.ActorRpcDriver;
import org.actorrpc.benchmarks.peer.ChildJvm;
import org.actorrpc.benchmarks.probe.SettledHeap;

/**
 * Entry point of the JobMaster JVM of one row: {@code JobMasterMain <peer> <settings...>} starts the JobMaster
 * side, the TaskManager JVMs, waits until every task runs, runs checkpoints through the warm-up and the recorded
 * phase, checks that every checkpoint got every acknowledgement, measures, and prints {@value #PREFIX} followed by
 * {@link ScaleResult#toLine()}, or {@value #PREFIX}{@value #FAILED} and why. Single-threaded (the phases are
 * wall-clock waits on this thread; the simulation runs on the endpoints' main threads).
 */
public final class JobMasterMain {

	/** Prefix of the result line. */
	public static final String PREFIX = "SCALE-RESULT ";

	/** What follows the prefix when the row failed. */
	public static final String FAILED = "FAILED ";

	/** Options of every JVM of a row. */
	public static final List<String> JVM_OPTIONS = List.of("-Xms256m", "-Xmx2g", "-XX:+UseG1GC");

	private static final Duration MAILBOX_SAMPLE_PERIOD = Duration.ofMillis(1);

	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

	private JobMasterMain() {
	}

	/**
	 * @param args the peer id, then {@link ScaleSettings#toArguments()}
	 * @throws Exception if the JobMaster side cannot start
	 */
	public static void main(String[] args) throws Exception {
		if (args.length < 1) {
			throw new IllegalArgumentException("Usage: JobMasterMain <peer> <settings...>");
		}
		ScalePeer peer = ScalePeer.of(args[0]);
		ScaleSettings settings = ScaleSettings.fromArguments(args, 1);
		exitWhenInputEnds();
		String line;
		try {
			line = run(peer, settings).toLine();
		}
		catch (Exception ex) {
			line = FAILED + describe(ex);
		}
		System.out.println(PREFIX + line.replace('\n', ' '));
		System.out.flush();
		// Exit without closing anything: the TaskManager JVMs end with their stdin, and the next row starts sooner.
		System.exit(0);
	}

	/** The benchmark's JVM holds this one's stdin: when it ends (that JVM died), this row stops too. */
	private static void exitWhenInputEnds() {
		Thread watcher = new Thread(() -> {
			try {
				while (System.in.read() >= 0) {
					// nothing is sent; only the end matters
				}
			}
			catch (IOException ex) {
				// the parent is gone as well
			}
			System.exit(1);
		}, "scale-parent-watcher");
		watcher.setDaemon(true);
		watcher.start();
	}

	/**
	 * System property: the niceness the TaskManager JVMs run at ({@code nice -n}), {@value #DEFAULT_TASKMANAGER_NICE}
	 * unless set; 0 runs them at the JobMaster's priority. All JVMs of a row share one machine, where hundreds of
	 * simulated TaskManagers' threads would take the CPU from the JobMaster side; in a cluster each TaskManager has
	 * its own host. Both peers run with the same setting.
	 */
	public static final String TASKMANAGER_NICE_PROPERTY = "actorrpc.bench.taskmanager-nice";

	/** Niceness of the TaskManager JVMs unless {@link #TASKMANAGER_NICE_PROPERTY} says otherwise. */
	public static final int DEFAULT_TASKMANAGER_NICE = 10;

	private static List<String> taskManagerLauncher() {
		return taskManagerLauncher(
				System.getProperty(TASKMANAGER_NICE_PROPERTY, Integer.toString(DEFAULT_TASKMANAGER_NICE)));
	}

	/**
	 * The launcher of the TaskManager JVMs: {@code nice -n <niceness>}, or none at niceness 0.
	 * @param value the niceness, as given in {@link #TASKMANAGER_NICE_PROPERTY}
	 * @return the launcher command
	 * @throws IllegalArgumentException naming the property if the value is not a niceness from 0 to 19
	 */
	static List<String> taskManagerLauncher(String value) {
		int niceness;
		try {
			niceness = Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			niceness = -1;
		}
		if (niceness < 0 || niceness > 19) {
			throw new IllegalArgumentException(
					TASKMANAGER_NICE_PROPERTY + " must be a whole number from 0 to 19 but was '" + value + "'");
		}
		return (niceness == 0) ? List.of() : List.of("nice", "-n", Integer.toString(niceness));
	}

	/**
	 * JVM options for a child of a row: {@link #JVM_OPTIONS}, and actorrpc's unreachable bound and the TaskManagers'
	 * niceness when this JVM was given them.
	 * @return the options
	 */
	public static List<String> childJvmOptions() {
		List<String> options = new ArrayList<>(JVM_OPTIONS);
		for (String property : List.of(ActorRpcDriver.PEER_UNREACHABLE_AFTER_PROPERTY, TASKMANAGER_NICE_PROPERTY)) {
			String value = System.getProperty(property);
			if (value != null) {
				options.add("-D" + property + "=" + value);
			}
		}
		return options;
	}

	private static ScaleResult run(ScalePeer peer, ScaleSettings settings) throws Exception {
		ScalePeer.JobMasterSide side = peer.startJobMasterSide(settings);
		long heapBefore = SettledHeap.used();
		List<ChildJvm> jvms = new ArrayList<>();
		try {
			long setupStart = System.nanoTime();
			for (int first = 0; first < settings.taskManagers(); first += settings.taskManagersPerJvm()) {
				int end = Math.min(settings.taskManagers(), first + settings.taskManagersPerJvm());
				List<String> jvmArgs = new ArrayList<>(List.of(peer.id(), Integer.toString(first),
						Integer.toString(end), side.jobMasterAddress(), side.resourceManagerAddress()));
				jvmArgs.addAll(settings.toArguments());
				jvms.add(ChildJvm.start(taskManagerLauncher(), childJvmOptions(), TaskManagerMain.class, jvmArgs,
						TaskManagerMain.PREFIX));
			}
			Duration setupTimeout = Duration.ofSeconds(330 + 2L * settings.taskManagersPerJvm());
			for (ChildJvm jvm : jvms) {
				String ready = jvm.awaitLine(setupTimeout);
				if (!ready.startsWith("READY")) {
					throw new IllegalStateException("a TaskManager JVM answered '" + ready + "' instead of READY");
				}
				String[] words = ready.split(" ");
				System.err.printf("scale: TaskManager JVM %d of %d ready after %d ms (%s connection attempt(s) tried "
						+ "again)%n", jvms.indexOf(jvm) + 1, jvms.size(),
						TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - setupStart),
						(words.length > 2) ? words[2] : "?");
			}
			await(side.onJobMaster(JobMasterLogic::deployed).thenCompose(Function.identity()), side, "deployment");
			long setupMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - setupStart);

			await(side.onJobMaster(doing(JobMasterLogic::startCheckpointing)), side, "the first checkpoint's trigger");
			Thread.sleep(settings.warmUp().toMillis());
			OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
			MailboxSampler sampler = new MailboxSampler(side::jobMasterMailboxDepth, MAILBOX_SAMPLE_PERIOD);
			long taskManagerCpuStart = taskManagerCpuNanos(jvms);
			long cpuStart = os.getProcessCpuTime();
			long wallStart = System.nanoTime();
			await(side.onJobMaster(doing((logic) -> logic.record(true))), side, "recording");
			await(side.onResourceManager(doing((logic) -> logic.record(true))), side, "recording");
			Thread.sleep(settings.measured().toMillis());
			await(side.onJobMaster(doing((logic) -> logic.record(false))), side, "recording's end");
			await(side.onResourceManager(doing((logic) -> logic.record(false))), side, "recording's end");
			long wallNanos = System.nanoTime() - wallStart;
			long cpuNanos = os.getProcessCpuTime() - cpuStart;
			long taskManagerCpuNanos = taskManagerCpuNanos(jvms) - taskManagerCpuStart;
			sampler.close();
			CompletableFuture<Void> stopped = side.onJobMaster(JobMasterLogic::stopCheckpointing)
				.thenCompose(Function.identity());
			stopped.get(JobMasterLogic.CHECKPOINT_TIMEOUT.plus(CALL_TIMEOUT).toMillis(), TimeUnit.MILLISECONDS);

			JobMasterLogic.Report jobMaster = await(side.onJobMaster(JobMasterLogic::report), side, "the report");
			ResourceManagerLogic.Report resourceManager = await(side.onResourceManager(ResourceManagerLogic::report),
					side, "the report");
			check(jobMaster.anomalies() == null, "JobMaster: " + jobMaster.anomalies() + "; " + jobMaster.progress());
			check(resourceManager.anomalies() == null, "ResourceManager: " + resourceManager.anomalies());
			check(jobMaster.checkpoints() > 0, "no checkpoint completed while recording; " + jobMaster.progress());
			long expectedAcks = jobMaster.checkpoints() * settings.acknowledgementsPerCheckpoint();
			check(jobMaster.acknowledgements() == expectedAcks, jobMaster.acknowledgements() + " acknowledgements of "
					+ expectedAcks + " arrived for " + jobMaster.checkpoints() + " checkpoints");
			long expectedSlots = (long) settings.taskManagers() * settings.tasksPerTaskManager();
			check(resourceManager.slotRequests() == expectedSlots, resourceManager.slotRequests()
					+ " slot requests of " + expectedSlots + " arrived");

			long heapAfter = SettledHeap.used();
			long further = 0;
			long addedHeap = 0;
			long addedThreads = 0;
			for (ChildJvm jvm : jvms) {
				jvm.send(TaskManagerMain.FOOTPRINT);
				String[] footprint = jvm.awaitLine(CALL_TIMEOUT).split(" ", 5);
				check(footprint.length == 5 && footprint[0].equals("FOOTPRINT"),
						"a TaskManager JVM answered '" + String.join(" ", footprint) + "' instead of FOOTPRINT");
				check(footprint[4].equals("-"), "TaskManager JVM " + jvms.indexOf(jvm) + ": " + footprint[4]);
				further += Long.parseLong(footprint[1]);
				addedHeap += Long.parseLong(footprint[2]);
				addedThreads += Long.parseLong(footprint[3]);
			}
			double heapPerTaskManager = (further > 0) ? addedHeap / (double) further : Double.NaN;
			double threadsPerTaskManager = (further > 0) ? addedThreads / (double) further : Double.NaN;
			long[] checkpoints = jobMaster.checkpointRoundTrips();
			return new ScaleResult(peer.id(), settings.taskManagers(), jvms.size(), setupMillis,
					jobMaster.checkpoints(), jobMaster.acknowledgements(), Latencies.percentileMillis(checkpoints, 50),
					Latencies.percentileMillis(checkpoints, 99),
					Latencies.percentileMillis(resourceManager.heartbeatRoundTrips(), 99),
					Latencies.percentileMillis(jobMaster.heartbeatRoundTrips(), 99), sampler.max(),
					(cpuNanos - sampler.cpuNanos()) / (double) wallNanos, heapAfter,
					(heapAfter - heapBefore) / (double) settings.taskManagers(), heapPerTaskManager,
					threadsPerTaskManager, taskManagerCpuNanos / (double) wallNanos / settings.taskManagers());
		}
		finally {
			jvms.forEach(ChildJvm::close);
		}
	}

	/** @return the CPU time the TaskManager JVMs used so far, together */
	private static long taskManagerCpuNanos(List<ChildJvm> jvms) throws Exception {
		long total = 0;
		for (ChildJvm jvm : jvms) {
			jvm.send(TaskManagerMain.CPU);
			String[] answer = jvm.awaitLine(CALL_TIMEOUT).split(" ");
			check(answer.length == 2 && answer[0].equals("CPU"),
					"a TaskManager JVM answered '" + String.join(" ", answer) + "' instead of CPU");
			total += Long.parseLong(answer[1]);
		}
		return total;
	}

	private static <T> Function<T, Void> doing(Consumer<T> action) {
		return (logic) -> {
			action.accept(logic);
			return null;
		};
	}

	private static <T> T await(CompletableFuture<T> future, ScalePeer.JobMasterSide side, String what)
			throws Exception {
		try {
			return future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			String progress;
			try {
				progress = side.onJobMaster(JobMasterLogic::report).get(5, TimeUnit.SECONDS).progress();
			}
			catch (Exception unknown) {
				progress = "unknown (" + unknown + ")";
			}
			throw new IllegalStateException("no " + what + " within " + CALL_TIMEOUT + "; " + progress, ex);
		}
	}

	private static void check(boolean condition, String failure) {
		if (!condition) {
			throw new IllegalStateException(failure);
		}
	}

	private static String describe(Throwable failure) {
		StringBuilder text = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			text.append((text.length() == 0) ? "" : " <- ").append(cause);
		}
		return text.toString();
	}

}
