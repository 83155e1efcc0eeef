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
 * The demo cluster with high availability, as separate JVMs on 127.0.0.1: a ZooKeeper server (the
 * demo's {@code DemoZooKeeperServer} from the JobMaster app's jar, port 0), JobMaster apps that
 * elect their leader through it, and TaskManager apps that follow the leader. Short ZooKeeper
 * sessions keep failovers quick. Every wait is bounded. Used from the test thread only.
 */
final class HaDemoCluster implements AutoCloseable {

	static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

	static final Duration SESSION_TIMEOUT = Duration.ofSeconds(2);

	private final Path jobMasterJar = DemoCluster.jar("demo.jobmaster.jar");

	private final Path taskManagerJar = DemoCluster.jar("demo.taskmanager.jar");

	private final Path workDir;


	private final List<Process> allProcesses = new ArrayList<>();

	/** JobMaster processes by name, with their HTTP ports. */
	private final Map<String, Process> jobMasters = new LinkedHashMap<>();

	private final Map<String, Integer> httpPorts = new LinkedHashMap<>();

	private String zooKeeper;

	HaDemoCluster() {
		this.workDir = Path.of(System.getProperty("demo.work.dir", "target/e2e")).resolve("ha");
		try {
			Files.createDirectories(this.workDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts the ZooKeeper server JVM on a free port, with a fresh data directory. */
	void startZooKeeper() throws IOException {
		Path data = this.workDir.resolve("zookeeper-data-" + System.currentTimeMillis());
		Files.createDirectories(data);
		Path config = this.workDir.resolve("zoo.cfg");
		Files.writeString(config, "tickTime=200\ndataDir=" + data.toAbsolutePath() + "\nclientPortAddress=127.0.0.1\n"
				+ "clientPort=0\nminSessionTimeout=400\nmaxSessionTimeout=20000\nadmin.enableServer=false\n");
		Path portsFile = this.workDir.resolve("zookeeper.ports");
		Files.deleteIfExists(portsFile);
		Process process = start("zookeeper", List.of("-Dloader.main=org.actorrpc.demo.jobmaster.zookeeper.DemoZooKeeperServer",
				"-cp", this.jobMasterJar.toString(), "org.springframework.boot.loader.launch.PropertiesLauncher",
				config.toAbsolutePath().toString(), portsFile.toAbsolutePath().toString()));
		this.zooKeeper = "127.0.0.1:" + readPorts("zookeeper", process, portsFile).getProperty("zookeeper.port");
	}

	private List<String> haArguments() {
		return List.of("--actorrpc.ha.mode=zookeeper", "--actorrpc.ha.zookeeper.connect-string=" + this.zooKeeper,
				"--actorrpc.ha.zookeeper.cluster-id=e2e-" + System.identityHashCode(this),
				"--actorrpc.ha.zookeeper.session-timeout=" + SESSION_TIMEOUT.toMillis() + "ms",
				"--actorrpc.ha.zookeeper.connection-timeout=" + SESSION_TIMEOUT.toMillis() + "ms");
	}

	/**
	 * Starts a JobMaster and waits until it serves HTTP.
	 * @param name its name (log file, handle)
	 */
	void startJobMaster(String name) throws IOException {
		Path portsFile = this.workDir.resolve(name + ".ports");
		Files.deleteIfExists(portsFile);
		List<String> args = new ArrayList<>(List.of("-jar", this.jobMasterJar.toString(), "--server.port=0",
				"--actorrpc.port=0", "--demo.cluster.ports-file=" + portsFile.toAbsolutePath(),
				"--demo.ha.storage-dir=" + this.workDir.resolve("ha-store").toAbsolutePath()));
		args.addAll(haArguments());
		Process process = start(name, args);
		this.jobMasters.put(name, process);
		this.httpPorts.put(name, Integer.parseInt(readPorts(name, process, portsFile).getProperty("http.port")));
	}

	/**
	 * Starts a TaskManager that finds the leader through ZooKeeper.
	 * @param resourceId its resource id
	 */
	void startTaskManager(String resourceId) throws IOException {
		List<String> args = new ArrayList<>(List.of("-jar", this.taskManagerJar.toString(), "--server.port=0",
				"--demo.taskmanager.resource-id=" + resourceId));
		args.addAll(haArguments());
		start(resourceId, args);
	}

	/**
	 * Kills a JobMaster's JVM with SIGKILL.
	 * @param name the JobMaster
	 */
	void killJobMaster(String name) throws InterruptedException {
		Process process = this.jobMasters.remove(name);
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
		this.httpPorts.remove(name);
	}

	/**
	 * Returns the name of the JobMaster whose {@code /cluster} says it leads.
	 * @return the leader's name
	 */
	String awaitLeader() {
		return await("a JobMaster leads").atMost(STARTUP_TIMEOUT)
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptions()
			.until(() -> {
				for (String name : this.httpPorts.keySet()) {
					if ("LEADER".equals(read(name, "/cluster", "$.role"))) {
						return name;
					}
				}
				return null;
			}, (name) -> name != null);
	}

	List<String> jobMasterNames() {
		return List.copyOf(this.httpPorts.keySet());
	}

	String get(String jobMaster, String path) throws IOException, InterruptedException {
		return rest(jobMaster).get(path);
	}

	<T> T read(String jobMaster, String path, String jsonPath) throws IOException, InterruptedException {
		return rest(jobMaster).read(path, jsonPath);
	}

	String submitJob(String jobMaster, String name, int parallelism, long taskDurationMs)
			throws IOException, InterruptedException {
		return rest(jobMaster).submitJob(name, parallelism, taskDurationMs);
	}

	private DemoRest rest(String jobMaster) {
		return new DemoRest("http://127.0.0.1:" + this.httpPorts.get(jobMaster));
	}

	/**
	 * Waits until the given TaskManagers are REGISTERED at the leader with all slots offered.
	 * @param jobMaster the JobMaster asked (the leader, or a standby that forwards)
	 * @param resourceIds the TaskManagers
	 */
	void awaitRegistered(String jobMaster, String... resourceIds) {
		await("TaskManagers " + String.join(", ", resourceIds) + " registered").atMost(STARTUP_TIMEOUT)
			.pollInterval(Duration.ofMillis(300))
			.ignoreExceptions()
			.until(() -> {
				String taskManagers = get(jobMaster, "/taskmanagers");
				for (String resourceId : resourceIds) {
					List<Integer> total = JsonPath.read(taskManagers,
							"$[?(@.resourceId=='" + resourceId + "' && @.state=='REGISTERED')].totalSlots");
					if (total.size() != 1) {
						return false;
					}
				}
				return true;
			});
	}

	private Properties readPorts(String name, Process process, Path portsFile) throws IOException {
		await(name + " ports file " + portsFile).atMost(STARTUP_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see "
						+ this.workDir.resolve(name + ".log"));
			}
			return Files.exists(portsFile);
		});
		Properties ports = new Properties();
		try (var reader = Files.newBufferedReader(portsFile)) {
			ports.load(reader);
		}
		return ports;
	}

	private Process start(String name, List<String> args) throws IOException {
		Path log = this.workDir.resolve(name + ".log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx256m");
		command.add("-XX:TieredStopAtLevel=1");
		command.addAll(args);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		this.allProcesses.add(process);
		return process;
	}

	/** Stops every process: SIGTERM, then SIGKILL after 30 s; ZooKeeper (started first) last. */
	@Override
	public void close() {
		List<Process> apps = this.allProcesses.subList(Math.min(1, this.allProcesses.size()), this.allProcesses.size());
		apps.forEach(Process::destroy);
		apps.forEach(HaDemoCluster::awaitExit);
		if (!this.allProcesses.isEmpty()) {
			this.allProcesses.get(0).destroy();
			awaitExit(this.allProcesses.get(0));
		}
	}

	private static void awaitExit(Process process) {
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
