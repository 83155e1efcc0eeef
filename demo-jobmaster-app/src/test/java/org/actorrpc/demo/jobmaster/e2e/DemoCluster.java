package org.actorrpc.demo.jobmaster.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;

import static org.awaitility.Awaitility.await;

/**
 * Runs the demo cluster as separate JVMs on 127.0.0.1 for end-to-end tests: one JobMaster app and
 * any number of TaskManager apps, all started from their executable jars on free ports (port 0),
 * which the JobMaster writes to its ports file. Every wait is bounded. Used from the test thread
 * only; not thread-safe.
 */
final class DemoCluster implements AutoCloseable {

	/** Bound for a JVM to start; generous because CI machines are small and shared. */
	static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

	/** The JobMaster's heartbeat timeout: silence after which a TaskManager is declared lost. */
	static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(4);

	private final Path jobMasterJar;

	private final Path taskManagerJar;

	private final Path workDir;


	private final Map<String, Process> taskManagers = new LinkedHashMap<>();

	private final List<Process> allProcesses = new ArrayList<>();

	private Process jobMaster;

	private int jobMasterStarts;

	private int httpPort;

	private int rpcPort;

	private String rpcAddress;

	DemoCluster() {
		this.jobMasterJar = jar("demo.jobmaster.jar");
		this.taskManagerJar = jar("demo.taskmanager.jar");
		this.workDir = Path.of(System.getProperty("demo.work.dir", "target/e2e"));
		try {
			Files.createDirectories(this.workDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts the JobMaster on free ports (or on its previous RPC port when restarting, so the
	 * TaskManagers' configured address stays valid) and waits until its ports file appears.
	 */
	void startJobMaster() throws IOException {
		startJobMaster(new String[0]);
	}

	/**
	 * Starts the JobMaster as {@link #startJobMaster()} does, with more command-line arguments.
	 * @param extraArgs further Spring Boot arguments, such as {@code --actorrpc.journal.endpoints=jobmaster}
	 */
	void startJobMaster(String... extraArgs) throws IOException {
		Path portsFile = this.workDir.resolve("jobmaster.ports");
		Files.deleteIfExists(portsFile);
		int rpc = (this.rpcPort > 0) ? this.rpcPort : 0;
		this.jobMasterStarts++;
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--actorrpc.port=" + rpc,
				"--demo.cluster.ports-file=" + portsFile.toAbsolutePath(),
				"--demo.cluster.heartbeat-timeout=" + HEARTBEAT_TIMEOUT.toMillis() + "ms"));
		args.addAll(List.of(extraArgs));
		this.jobMaster = start("jobmaster-" + this.jobMasterStarts, this.jobMasterJar, args.toArray(new String[0]));
		Process process = this.jobMaster;
		await("JobMaster ports file " + portsFile).atMost(STARTUP_TIMEOUT).pollInterval(Duration.ofMillis(200))
			.until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException("JobMaster exited with " + process.exitValue() + ", see "
							+ log("jobmaster-" + this.jobMasterStarts));
				}
				return Files.exists(portsFile);
			});
		Properties ports = new Properties();
		try (var reader = Files.newBufferedReader(portsFile)) {
			ports.load(reader);
		}
		this.httpPort = Integer.parseInt(ports.getProperty("http.port"));
		this.rpcPort = Integer.parseInt(ports.getProperty("rpc.port"));
		this.rpcAddress = ports.getProperty("rpc.address");
	}

	/**
	 * Stops the JobMaster gracefully (SIGTERM) and waits for its exit.
	 */
	void stopJobMaster() throws InterruptedException {
		this.jobMaster.destroy();
		if (!this.jobMaster.waitFor(60, TimeUnit.SECONDS)) {
			this.jobMaster.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	/**
	 * Starts a TaskManager pointing at the JobMaster.
	 * @param resourceId its resource id
	 */
	void startTaskManager(String resourceId) throws IOException {
		Process process = start(resourceId, this.taskManagerJar, "--server.port=0",
				"--demo.taskmanager.resource-id=" + resourceId,
				"--demo.taskmanager.cluster-address=" + this.rpcAddress);
		this.taskManagers.put(resourceId, process);
	}

	/**
	 * Kills a TaskManager's JVM with SIGKILL: no shutdown hook, no goodbye message.
	 * @param resourceId the TaskManager
	 */
	void killTaskManager(String resourceId) throws InterruptedException {
		Process process = this.taskManagers.remove(resourceId);
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
	}

	/**
	 * Stops a TaskManager gracefully with SIGTERM, as {@code kill <pid>} does, and waits for its
	 * JVM to exit.
	 * @param resourceId the TaskManager
	 */
	void stopTaskManager(String resourceId) throws InterruptedException {
		Process process = this.taskManagers.remove(resourceId);
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			throw new IllegalStateException("TaskManager " + resourceId + " did not exit within 60 s of SIGTERM, see "
					+ log(resourceId));
		}
	}

	/**
	 * Freezes (SIGSTOP) or resumes (SIGCONT) a TaskManager's JVM: a TaskManager that stops
	 * answering for a while and then comes back.
	 * @param resourceId the TaskManager
	 * @param frozen true to freeze, false to resume
	 */
	void freezeTaskManager(String resourceId, boolean frozen) throws IOException, InterruptedException {
		long pid = this.taskManagers.get(resourceId).pid();
		Process kill = new ProcessBuilder("kill", frozen ? "-STOP" : "-CONT", Long.toString(pid)).inheritIO().start();
		if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
			throw new IllegalStateException("kill " + (frozen ? "-STOP " : "-CONT ") + pid + " failed");
		}
	}

	/** @return the folder of the processes' logs and files */
	Path workDir() {
		return this.workDir;
	}

	int httpPort() {
		return this.httpPort;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.httpPort;
	}

	/**
	 * GETs a path of the JobMaster's REST API.
	 * @param path the path
	 * @return the JSON body
	 */
	String get(String path) throws IOException, InterruptedException {
		return rest().get(path);
	}

	/**
	 * Submits a job through the REST API.
	 * @return the job id
	 */
	String submitJob(String name, int parallelism, long taskDurationMs) throws IOException, InterruptedException {
		return rest().submitJob(name, parallelism, taskDurationMs);
	}

	/**
	 * Reads one value of a REST resource.
	 * @param path the resource
	 * @param jsonPath what to read
	 * @param <T> its type
	 * @return the value
	 */
	<T> T read(String path, String jsonPath) throws IOException, InterruptedException {
		return rest().read(path, jsonPath);
	}

	private DemoRest rest() {
		return new DemoRest(baseUrl());
	}

	/**
	 * Waits until the given TaskManagers are REGISTERED with all their slots offered and free.
	 * @param resourceIds the TaskManagers
	 */
	void awaitRegistered(String... resourceIds) {
		await("TaskManagers " + String.join(", ", resourceIds) + " registered").atMost(STARTUP_TIMEOUT)
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.until(() -> {
				String taskManagers = get("/taskmanagers");
				for (String resourceId : resourceIds) {
					String filter = "$[?(@.resourceId=='" + resourceId + "' && @.state=='REGISTERED')]";
					List<Integer> free = JsonPath.read(taskManagers, filter + ".freeSlots");
					List<Integer> total = JsonPath.read(taskManagers, filter + ".totalSlots");
					if (free.size() != 1 || !free.equals(total)) {
						return false;
					}
				}
				return true;
			});
	}

	Path log(String name) {
		return this.workDir.resolve(name + ".log");
	}

	private Process start(String name, Path jar, String... args) throws IOException {
		Path log = log(name);
		if (Files.exists(log)) {
			// A restarted TaskManager keeps the log of its earlier run next to its own.
			Files.move(log, this.workDir.resolve(name + "-" + System.currentTimeMillis() + ".log"));
		}
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx256m");
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-jar");
		command.add(jar.toString());
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		this.allProcesses.add(process);
		return process;
	}

	static Path jar(String property) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank() || value.startsWith("${")) {
			throw new IllegalStateException("System property " + property + " is not set: run the end-to-end tests "
					+ "through Maven (./mvnw verify), which builds and passes the executable jars");
		}
		Path path = Path.of(value);
		if (!Files.isRegularFile(path)) {
			throw new IllegalStateException(property + " points to " + path + ", which does not exist: build it with "
					+ "./mvnw -pl demo-taskmanager-app,demo-jobmaster-app package");
		}
		return path;
	}

	/**
	 * Stops every process this cluster started: SIGTERM, then SIGKILL after 30 seconds.
	 */
	@Override
	public void close() {
		for (Process process : this.allProcesses) {
			process.destroy();
		}
		for (Process process : this.allProcesses) {
			try {
				if (!process.waitFor(30, TimeUnit.SECONDS)) {
					process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				process.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}
	}

}
