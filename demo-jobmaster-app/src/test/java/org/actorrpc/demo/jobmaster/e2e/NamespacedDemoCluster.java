package org.actorrpc.demo.jobmaster.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.actorrpc.testutil.netns.NetworkNamespaces;
import org.actorrpc.testutil.netns.NetworkNamespaces.Namespace;

import static org.awaitility.Awaitility.await;

/**
 * The demo cluster on hosts that are really apart: the JobMaster app and each TaskManager app run
 * from their executable jars, each JVM in its own Linux network namespace ({@link NetworkNamespaces},
 * a bridge on a free {@code 10.238.x.0/24}, a range of its own so it never meets rpc-core's
 * namespace suite), binding {@code 0.0.0.0} and advertising its namespace's address. In its own
 * namespace every node has the whole port space, so all use the demo's fixed ports. The test JVM
 * stays in the root namespace and reaches the JobMaster's REST API over the bridge; a TaskManager's
 * cable can be unplugged ({@link #linkDown}) and plugged back in ({@link #linkUp}) while everything
 * runs.
 *
 * <p>{@link #close()} stops every JVM (SIGTERM, then SIGKILL), then removes the namespaces (which
 * kills whatever still runs inside); the namespace fixture also cleans up at JVM exit. Used from the
 * test thread only; not thread-safe.
 */
final class NamespacedDemoCluster implements AutoCloseable {

	/** The subnet range of this suite: {@code 10.238.x.0/24} (rpc-core's suite uses 10.237). */
	private static final int SUBNET_SECOND_OCTET = 238;

	/** The JobMaster's RPC port; TaskManagers use {@link #TASK_MANAGER_RPC_PORT}. */
	static final int JOB_MASTER_RPC_PORT = 6123;

	static final int TASK_MANAGER_RPC_PORT = 6124;

	static final int JOB_MASTER_HTTP_PORT = 8081;

	private static final int TASK_MANAGER_HTTP_PORT = 8082;

	private final NetworkNamespaces nets;

	private final Path jobMasterJar;

	private final Path taskManagerJar;

	private final Path workDir;

	private final Map<String, Process> processes = new LinkedHashMap<>();

	private DemoRest rest;

	private String jobMasterRpcAddress;

	/**
	 * Creates one namespace for the JobMaster and one per TaskManager; starts nothing yet.
	 * @param taskManagers the TaskManagers' resource ids, also their namespaces' roles
	 * @throws IllegalStateException when this machine cannot create network namespaces (not root),
	 * saying so: the suite fails, it never skips
	 */
	NamespacedDemoCluster(String... taskManagers) {
		this.jobMasterJar = DemoCluster.jar("demo.jobmaster.jar");
		this.taskManagerJar = DemoCluster.jar("demo.taskmanager.jar");
		this.workDir = Path.of(System.getProperty("demo.work.dir", "target/e2e"), "netns");
		try {
			Files.createDirectories(this.workDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> roles = new ArrayList<>();
		roles.add("jobmaster");
		roles.addAll(List.of(taskManagers));
		this.nets = NetworkNamespaces.create(SUBNET_SECOND_OCTET, roles.toArray(String[]::new));
	}

	/**
	 * Starts the JobMaster in its namespace and waits until it wrote its ports file.
	 * @param extraArgs further arguments (settings) of the app
	 */
	void startJobMaster(String... extraArgs) throws IOException {
		Namespace namespace = this.nets.namespace("jobmaster");
		Path portsFile = this.workDir.resolve("jobmaster.ports");
		Files.deleteIfExists(portsFile);
		List<String> args = new ArrayList<>(List.of("--server.port=" + JOB_MASTER_HTTP_PORT,
				"--actorrpc.port=" + JOB_MASTER_RPC_PORT, "--demo.cluster.ports-file=" + portsFile.toAbsolutePath()));
		args.addAll(List.of(extraArgs));
		Process process = start("jobmaster", this.jobMasterJar, args);
		await("JobMaster ports file " + portsFile).atMost(DemoCluster.STARTUP_TIMEOUT)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException(
							"JobMaster exited with " + process.exitValue() + ", see " + log("jobmaster"));
				}
				return Files.exists(portsFile);
			});
		Properties ports = new Properties();
		try (var reader = Files.newBufferedReader(portsFile)) {
			ports.load(reader);
		}
		this.jobMasterRpcAddress = ports.getProperty("rpc.address");
		this.rest = new DemoRest("http://" + namespace.address() + ":" + ports.getProperty("http.port"));
	}

	/**
	 * Starts a TaskManager in its namespace, pointed at the JobMaster's advertised address.
	 * @param resourceId its resource id (a role given to the constructor)
	 * @param extraArgs further arguments (settings) of the app
	 */
	void startTaskManager(String resourceId, String... extraArgs) throws IOException {
		List<String> args = new ArrayList<>(List.of("--server.port=" + TASK_MANAGER_HTTP_PORT,
				"--actorrpc.port=" + TASK_MANAGER_RPC_PORT, "--demo.taskmanager.resource-id=" + resourceId,
				"--demo.taskmanager.cluster-address=" + this.jobMasterRpcAddress));
		args.addAll(List.of(extraArgs));
		start(resourceId, this.taskManagerJar, args);
	}

	private Process start(String role, Path jar, List<String> appArgs) throws IOException {
		Namespace namespace = this.nets.namespace(role);
		List<String> java = new ArrayList<>();
		java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		java.add("-Xmx256m");
		java.add("-XX:TieredStopAtLevel=1");
		java.add("-jar");
		java.add(jar.toString());
		// bind every address of the namespace, advertise the namespace's own (bind address ≠ host)
		java.add("--actorrpc.host=" + namespace.address());
		java.add("--actorrpc.bind-address=0.0.0.0");
		java.addAll(appArgs);
		// `ip netns exec` replaces itself with java: the process is the JVM, SIGTERM reaches it
		Process process = new ProcessBuilder(this.nets.inside(namespace, java)).redirectErrorStream(true)
			.redirectOutput(log(role).toFile())
			.start();
		this.processes.put(role, process);
		return process;
	}

	/** @return the JobMaster's REST API */
	DemoRest rest() {
		return this.rest;
	}

	/** @return the RPC address prefix the JobMaster advertises ({@code pekko://jobmaster@<ip>:<port>}) */
	String jobMasterRpcAddress() {
		return this.jobMasterRpcAddress;
	}

	/**
	 * Returns a node's address in its namespace.
	 * @param role {@code jobmaster} or a TaskManager's resource id
	 * @return its IPv4 address
	 */
	String address(String role) {
		return this.nets.namespace(role).address();
	}

	/**
	 * Lists the sockets listening on a port inside a node's namespace ({@code ss -Hltn}).
	 * @param role the node
	 * @param port the port
	 * @return {@code ss}'s output, one line per listening socket
	 */
	String listeningSockets(String role, int port) {
		return this.nets.execute(this.nets.namespace(role), "ss", "-Hltn", "sport = :" + port);
	}

	/**
	 * Unplugs a node's cable: the bridge's end of its veth pair goes down, so its packets are lost
	 * in both directions, without an error to either side. The JVM keeps running.
	 * @param role the node
	 */
	void linkDown(String role) {
		this.nets.linkDown(this.nets.namespace(role));
	}

	/**
	 * Plugs a node's cable back in.
	 * @param role the node
	 */
	void linkUp(String role) {
		this.nets.linkUp(this.nets.namespace(role));
	}

	/**
	 * Returns the process of a node, to check it is still the one started.
	 * @param role the node
	 * @return its process
	 */
	Process process(String role) {
		return this.processes.get(role);
	}

	/**
	 * Returns a node's log.
	 * @param role the node
	 * @return the log file
	 */
	Path log(String role) {
		return this.workDir.resolve(role + ".log");
	}

	/**
	 * Stops every JVM (TaskManagers first, so they can still say they leave), SIGKILL after 30
	 * seconds, then removes the namespaces, the veth pairs and the bridge, also when stopping failed.
	 */
	@Override
	public void close() {
		try {
			List<Process> stopOrder = new ArrayList<>(this.processes.values());
			Collections.reverse(stopOrder);
			for (Process process : stopOrder) {
				process.destroy();
				if (!process.waitFor(30, TimeUnit.SECONDS)) {
					process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.nets.close();
		}
	}

}
