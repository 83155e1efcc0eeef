package org.actorrpc.demo.jobmaster.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo cluster on hosts that are really apart ({@link NamespacedDemoCluster}): the JobMaster
 * JVM and two TaskManager JVMs, each in its own network namespace, binding {@code 0.0.0.0} and
 * advertising their namespace's address. A job runs on both TaskManagers; then one TaskManager's
 * cable is unplugged while its tasks run. What a user of the demo relies on, checked through the
 * REST API and the JVMs' logs:
 * <ul>
 * <li>the ResourceManager declares the partitioned TaskManager {@code LOST} within the demo's
 * documented bound ({@code demo.cluster.heartbeat-timeout} of silence, checked every
 * {@code demo.cluster.heartbeat-check-interval}), never before its silence lasted the timeout;
 * <li>its tasks are redeployed to the other TaskManager (attempt 1) and the job keeps completing
 * checkpoints;
 * <li>when the cable is back the partitioned TaskManager registers again by itself, as a Flink
 * TaskExecutor whose ResourceManager connection timed out does: same resource id, a new
 * registration, its slots free (the attempts the JobMaster redeployed are gone from it), and it
 * gets the tasks of the next job;
 * <li>nothing is delivered twice: every attempt was deployed once, every subtask finished once, in
 * the attempt the JobMaster expected, and no JVM was restarted.
 * </ul>
 * Needs root to create namespaces and fails (never skips) without it. Every wait is bounded, and
 * the class's timeout bounds each step as a whole (the JVMs and namespaces are removed after it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoPartitionNetnsIT {

	/** The demo's default, passed explicitly so the bound below is stated here. */
	private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(5);

	/** The demo's default {@code demo.cluster.heartbeat-check-interval}. */
	private static final Duration HEARTBEAT_CHECK_INTERVAL = Duration.ofMillis(500);

	/** The documented bound of LOST after the cut: the timeout plus one check interval. */
	private static final Duration LOST_BOUND = HEARTBEAT_TIMEOUT.plus(HEARTBEAT_CHECK_INTERVAL);

	/** What a shared, loaded 2-core machine may add to the bound (scheduling, polling, JIT). */
	private static final Duration LOAD_MARGIN = Duration.ofSeconds(3);

	/** Bound of everything that should simply happen (a redeployment, a checkpoint, a job). */
	private static final Duration BOUND = Duration.ofMinutes(2);

	private static final int SLOTS_PER_TASK_MANAGER = 4;

	/** Long enough that the partitioned TaskManager's tasks are still running when it heals. */
	private static final long PARTITIONED_JOB_TASK_MILLIS = 24_000;

	private static final Pattern DEPLOYED = Pattern.compile("Deployed task (\\S+) ");

	private static final Pattern FINISHED = Pattern.compile("Task (\\S+) FINISHED after");

	private NamespacedDemoCluster cluster;

	private DemoRest rest;

	@BeforeAll
	void startOneJvmPerNamespace() throws IOException {
		this.cluster = new NamespacedDemoCluster("tm-1", "tm-2");
		this.cluster.startJobMaster("--demo.cluster.heartbeat-timeout=" + HEARTBEAT_TIMEOUT.toMillis() + "ms",
				"--demo.cluster.heartbeat-check-interval=" + HEARTBEAT_CHECK_INTERVAL.toMillis() + "ms");
		this.rest = this.cluster.rest();
		for (String taskManager : List.of("tm-1", "tm-2")) {
			this.cluster.startTaskManager(taskManager, "--demo.taskmanager.number-of-slots=" + SLOTS_PER_TASK_MANAGER);
		}
		awaitRegisteredWithFreeSlots("tm-1", 1);
		awaitRegisteredWithFreeSlots("tm-2", 1);
	}

	@AfterAll
	void stopJvmsAndRemoveNamespaces() {
		if (this.cluster != null) {
			this.cluster.close();
		}
	}

	@Test
	@Order(1)
	void everyNodeAdvertisesItsNamespaceAddressWhileBoundToEveryAddress() throws Exception {
		assertThat(this.cluster.jobMasterRpcAddress()).isEqualTo("pekko://jobmaster@" + this.cluster.address("jobmaster")
				+ ":" + NamespacedDemoCluster.JOB_MASTER_RPC_PORT);
		for (String taskManager : List.of("tm-1", "tm-2")) {
			assertThat(this.rest.<List<String>>read("/taskmanagers",
					"$[?(@.resourceId=='" + taskManager + "')].address"))
				.as("the TaskExecutor address %s registered with", taskManager)
				.containsExactly("pekko://taskmanager@" + this.cluster.address(taskManager) + ":"
						+ NamespacedDemoCluster.TASK_MANAGER_RPC_PORT + "/user/rpc/taskexecutor");
		}
		assertThat(this.cluster.listeningSockets("jobmaster", NamespacedDemoCluster.JOB_MASTER_RPC_PORT))
			.as("the JobMaster listens on every address of its namespace, not on the one it advertises")
			.containsPattern("(0\\.0\\.0\\.0|\\*|\\[::\\]):" + NamespacedDemoCluster.JOB_MASTER_RPC_PORT + "\\s")
			.doesNotContain(this.cluster.address("jobmaster") + ":" + NamespacedDemoCluster.JOB_MASTER_RPC_PORT);
	}

	@Test
	@Order(2)
	void partitionedTaskManagerIsDeclaredLostItsTasksRedeployedAndWhenItHealsItRegistersAgainAndGetsWork()
			throws Exception {
		Map<String, Long> pids = pids();
		String jobId = this.rest.submitJob("partition", 4, PARTITIONED_JOB_TASK_MILLIS);
		await("every task of job " + jobId + " running").atMost(BOUND)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> tasks(jobId).stream().allMatch((task) -> "RUNNING".equals(task.get("state"))));
		List<Integer> onTm2 = subtasksOn(jobId, "tm-2");
		assertThat(onTm2).as("the job is spread over both TaskManagers").hasSize(2);
		long checkpointBefore = await("a checkpoint of job " + jobId + " acknowledged by its 4 tasks").atMost(BOUND)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> lastCompletedCheckpoint(jobId, 0, 4), (id) -> id > 0);
		int registrationsBefore = taskManager("tm-2", "registrations");

		long cut = System.currentTimeMillis();
		this.cluster.linkDown("tm-2");
		long lost;
		long redeployed;
		long checkpointed;
		try {
			lost = await("tm-2 declared LOST").atMost(BOUND)
				.pollInterval(Duration.ofMillis(100))
				.until(() -> "LOST".equals(taskManager("tm-2", "state")) ? System.currentTimeMillis() : 0L,
						(at) -> at > 0);
			long lastHeartbeat = ((Number) taskManager("tm-2", "lastHeartbeatMillis")).longValue();
			assertThat(Duration.ofMillis(lost - cut)).as("cable unplugged → tm-2 LOST (documented bound %s + load "
					+ "margin %s)", LOST_BOUND, LOAD_MARGIN).isLessThanOrEqualTo(LOST_BOUND.plus(LOAD_MARGIN));
			assertThat(Duration.ofMillis(lost - lastHeartbeat)).as("tm-2's last heartbeat → LOST")
				.isGreaterThanOrEqualTo(HEARTBEAT_TIMEOUT);

			redeployed = await("tm-2's tasks redeployed on tm-1 and running").atMost(BOUND)
				.pollInterval(Duration.ofMillis(100))
				.until(() -> redeployedAndRunning(jobId, onTm2) ? System.currentTimeMillis() : 0L, (at) -> at > 0);
			for (Map<String, Object> task : tasks(jobId)) {
				if (onTm2.contains(task.get("subtaskIndex"))) {
					assertThat((String) task.get("failureCause")).contains("tm-2 missed its heartbeats for more than "
							+ HEARTBEAT_TIMEOUT.toMillis() + " ms");
				}
			}
			checkpointed = await("a checkpoint completed by the redeployed job").atMost(BOUND)
				.pollInterval(Duration.ofMillis(100))
				.until(() -> (lastCompletedCheckpoint(jobId, checkpointBefore, 4) > checkpointBefore)
						? System.currentTimeMillis() : 0L, (at) -> at > 0);
			assertThat((String) taskManager("tm-2", "state")).as("tm-2 while its cable is still out").isEqualTo("LOST");
		}
		finally {
			this.cluster.linkUp("tm-2");
		}
		long healed = System.currentTimeMillis();

		long registeredAgain = await("tm-2 registered again with its slots free").atMost(BOUND)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> isRegisteredWithFreeSlots("tm-2", registrationsBefore + 1) ? System.currentTimeMillis() : 0L,
					(at) -> at > 0);
		// its slots are free: the attempts the JobMaster redeployed are gone from it (cancelled when it
		// registered, or failed before, see assertEveryAttemptDeployedOnceAndEverySubtaskFinishedOnce)
		assertThat((Integer) taskManager("tm-2", "registrations")).as("one new registration, same resource id")
			.isEqualTo(registrationsBefore + 1);

		// tm-1 runs the redeployed attempts, so the TaskManager with the most free slots is tm-2
		assertThat((Integer) taskManager("tm-1", "freeSlots")).as("tm-1's free slots before the next job")
			.isLessThanOrEqualTo(2);
		String nextJobId = this.rest.submitJob("after-the-partition", 2, 2_000);
		awaitJobFinished(nextJobId);
		assertThat(tasks(nextJobId)).as("the next job's tasks, on the TaskManager that came back")
			.allSatisfy((task) -> assertThat(task).containsEntry("resourceId", "tm-2").containsEntry("attemptNumber", 0));

		awaitJobFinished(jobId);
		assertThat((Integer) this.rest.read("/jobs/" + jobId, "$.redeployments")).as("redeployments of job " + jobId)
			.isEqualTo(onTm2.size());
		assertThat(tasks(jobId)).allSatisfy((task) -> {
			boolean wasOnTm2 = onTm2.contains(task.get("subtaskIndex"));
			assertThat(task).as("subtask %s", task.get("subtaskIndex"))
				.containsEntry("state", "FINISHED")
				.containsEntry("attemptNumber", wasOnTm2 ? 1 : 0)
				.containsEntry("resourceId", "tm-1");
		});
		assertEveryAttemptDeployedOnceAndEverySubtaskFinishedOnce(jobId, onTm2);
		assertThat(pids()).as("the same JVMs, none restarted").isEqualTo(pids);

		System.out.printf("[DemoPartitionNetnsIT] cut -> LOST %d ms, cut -> redeployed tasks RUNNING %d ms, cut -> "
				+ "checkpoint completed %d ms, link up -> registered again %d ms%n", lost - cut, redeployed - cut,
				checkpointed - cut, registeredAgain - healed);
	}

	private void assertEveryAttemptDeployedOnceAndEverySubtaskFinishedOnce(String jobId, List<Integer> onTm2)
			throws IOException {
		List<String> deployed = new ArrayList<>();
		List<String> finished = new ArrayList<>();
		for (String taskManager : List.of("tm-1", "tm-2")) {
			String log = Files.readString(this.cluster.log(taskManager), StandardCharsets.UTF_8);
			deployed.addAll(matches(DEPLOYED, log, jobId));
			finished.addAll(matches(FINISHED, log, jobId));
		}
		Set<String> expectedAttempts = new HashSet<>();
		Set<String> expectedFinished = new HashSet<>();
		for (int subtask = 0; subtask < 4; subtask++) {
			expectedAttempts.add(jobId + "/" + subtask + "#0");
			String last = jobId + "/" + subtask + "#" + (onTm2.contains(subtask) ? 1 : 0);
			expectedAttempts.add(last);
			expectedFinished.add(last);
		}
		assertThat(deployed).as("attempts deployed, by the TaskManagers' logs").doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(expectedAttempts);
		// The attempts tm-2 ran when its cable was pulled never finish: tm-2 cancels them when it registers
		// again, or they fail first (after the heal, checkpoint triggers the JobMaster sent before it
		// declared tm-2 lost can still arrive; the acknowledgement, a fire-and-forget call to a JobMaster
		// tm-2 still counts as unreachable, throws on the task's thread). Either way the JobMaster ignores
		// what they report, since they are no longer current.
		assertThat(finished).as("attempts that finished, by the TaskManagers' logs").doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(expectedFinished);
	}

	private static List<String> matches(Pattern pattern, String log, String jobId) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(log);
		while (matcher.find()) {
			if (matcher.group(1).startsWith(jobId + "/")) {
				found.add(matcher.group(1));
			}
		}
		return found;
	}

	private boolean redeployedAndRunning(String jobId, List<Integer> subtasks) throws Exception {
		return tasks(jobId).stream()
			.filter((task) -> subtasks.contains(task.get("subtaskIndex")))
			.allMatch((task) -> Integer.valueOf(1).equals(task.get("attemptNumber")) && "tm-1".equals(task.get("resourceId"))
					&& "RUNNING".equals(task.get("state")));
	}

	/** The id of the newest checkpoint after {@code afterId} that all {@code tasks} acknowledged, or 0. */
	private long lastCompletedCheckpoint(String jobId, long afterId, int tasks) throws Exception {
		List<Number> ids = this.rest.read("/jobs/" + jobId + "/checkpoints",
				"$[?(@.status=='COMPLETED' && @.acknowledgedTasks==" + tasks + " && @.checkpointId > " + afterId
						+ ")].checkpointId");
		return ids.stream().mapToLong(Number::longValue).max().orElse(0);
	}

	private List<Integer> subtasksOn(String jobId, String resourceId) throws Exception {
		return tasks(jobId).stream()
			.filter((task) -> resourceId.equals(task.get("resourceId")))
			.map((task) -> (Integer) task.get("subtaskIndex"))
			.collect(Collectors.toList());
	}

	private List<Map<String, Object>> tasks(String jobId) throws Exception {
		return this.rest.read("/jobs/" + jobId, "$.tasks");
	}

	@SuppressWarnings("unchecked")
	private <T> T taskManager(String resourceId, String field) throws Exception {
		List<Object> values = this.rest.read("/taskmanagers", "$[?(@.resourceId=='" + resourceId + "')]." + field);
		assertThat(values).as("%s of TaskManager %s", field, resourceId).hasSize(1);
		return (T) values.get(0);
	}

	/** Whether a TaskManager is REGISTERED, at least its {@code registrations}-th time, all slots free. */
	private boolean isRegisteredWithFreeSlots(String resourceId, int registrations) throws Exception {
		List<Map<String, Object>> matching = this.rest.read("/taskmanagers",
				"$[?(@.resourceId=='" + resourceId + "' && @.state=='REGISTERED' && @.registrations>=" + registrations
						+ ")]");
		return matching.size() == 1 && matching.get(0).get("freeSlots").equals(SLOTS_PER_TASK_MANAGER)
				&& matching.get(0).get("totalSlots").equals(SLOTS_PER_TASK_MANAGER);
	}

	private void awaitRegisteredWithFreeSlots(String resourceId, int registrations) {
		await(resourceId + " registered with " + SLOTS_PER_TASK_MANAGER + " free slots")
			.atMost(DemoCluster.STARTUP_TIMEOUT)
			.pollInterval(Duration.ofMillis(300))
			.ignoreExceptions()
			.until(() -> isRegisteredWithFreeSlots(resourceId, registrations));
	}

	private void awaitJobFinished(String jobId) {
		await("job " + jobId + " FINISHED").atMost(BOUND)
			.pollInterval(Duration.ofMillis(300))
			.until(() -> this.rest.read("/jobs/" + jobId, "$.status"), "FINISHED"::equals);
	}

	private Map<String, Long> pids() {
		Map<String, Long> pids = new TreeMap<>();
		for (String role : List.of("jobmaster", "tm-1", "tm-2")) {
			Process process = this.cluster.process(role);
			assertThat(process.isAlive()).as("%s's JVM is running, see %s", role, this.cluster.log(role)).isTrue();
			pids.put(role, process.pid());
		}
		return pids;
	}

}
