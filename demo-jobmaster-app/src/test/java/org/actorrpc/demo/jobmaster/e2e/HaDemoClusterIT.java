package org.actorrpc.demo.jobmaster.e2e;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo with high availability end to end: a ZooKeeper server JVM, two JobMaster JVMs (one
 * leads, one stands by) and two TaskManager JVMs on 127.0.0.1, ZooKeeper sessions of 2 s. The
 * leading JobMaster is killed with SIGKILL while a job runs: the standby becomes leader, the
 * TaskManagers register with it, and the job continues from its last completed checkpoint and
 * finishes.
 */
class HaDemoClusterIT {

	private static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);

	private HaDemoCluster cluster;

	@AfterEach
	void stopCluster() {
		if (this.cluster != null) {
			this.cluster.close();
		}
	}

	@Test
	void standbyTakesOverAfterTheLeaderIsKilledAndTheJobFinishesFromItsLastCompletedCheckpoint() throws Exception {
		this.cluster = new HaDemoCluster();
		this.cluster.startZooKeeper();
		this.cluster.startJobMaster("jobmaster-a");
		this.cluster.startJobMaster("jobmaster-b");
		this.cluster.startTaskManager("tm-1");
		this.cluster.startTaskManager("tm-2");
		String leader = this.cluster.awaitLeader();
		String standby = this.cluster.jobMasterNames().stream().filter((name) -> !name.equals(leader)).findFirst()
			.orElseThrow();
		String oldSession = this.cluster.read(leader, "/cluster", "$.leaderId");
		// the standby serves the REST API too, answering through the leader
		this.cluster.awaitRegistered(standby, "tm-1", "tm-2");
		await("the standby knows it stands by").atMost(JOB_TIMEOUT)
			.ignoreExceptions()
			.until(() -> this.cluster.read(standby, "/cluster", "$.role"), "STANDBY"::equals);
		assertThat(this.cluster.<String>read(standby, "/cluster", "$.leaderId")).isEqualTo(oldSession);

		String jobId = this.cluster.submitJob(standby, "e2e-ha", 4, 20_000);
		List<Integer> completedBeforeKill = await("a completed checkpoint").atMost(JOB_TIMEOUT)
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptions()
			.until(() -> this.cluster.read(leader, "/jobs/" + jobId + "/checkpoints",
					"$[?(@.status=='COMPLETED')].checkpointId"), (ids) -> !ids.isEmpty());
		assertThat(this.cluster.<String>read(leader, "/jobs/" + jobId, "$.status")).isEqualTo("RUNNING");

		this.cluster.killJobMaster(leader);

		await("the standby leads").atMost(JOB_TIMEOUT)
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptions()
			.until(() -> this.cluster.read(standby, "/cluster", "$.role"), "LEADER"::equals);
		String newSession = this.cluster.read(standby, "/cluster", "$.leaderId");
		assertThat(newSession).isNotEqualTo(oldSession);
		this.cluster.awaitRegistered(standby, "tm-1", "tm-2");
		await("job " + jobId + " FINISHED on the new leader").atMost(JOB_TIMEOUT)
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.until(() -> this.cluster.read(standby, "/jobs/" + jobId, "$.status"), "FINISHED"::equals);
		String details = this.cluster.get(standby, "/jobs/" + jobId);
		Number restored = com.jayway.jsonpath.JsonPath.read(details, "$.restoredCheckpointId");
		assertThat(restored.intValue()).as("restored from a checkpoint completed before the kill")
			.isGreaterThanOrEqualTo(completedBeforeKill.get(0));
		assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(details, "$.tasks[*].state")).hasSize(4)
			.containsOnly("FINISHED");
		List<Integer> checkpointIds = com.jayway.jsonpath.JsonPath.read(details,
				"$.checkpoints[?(@.status=='COMPLETED')].checkpointId");
		assertThat(checkpointIds).as("the restored checkpoint is listed, and ids continue after it")
			.contains(restored.intValue());
	}

}
