package org.actorrpc.demo.jobmaster.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.actorrpc.demo.api.JobDetails;
import org.actorrpc.demo.jobmaster.ClusterProperties;
import org.actorrpc.demo.jobmaster.execution.JobMaster;
import org.actorrpc.demo.jobmaster.replay.JobMasterReplayFactory;
import org.actorrpc.test.replay.EndpointReplay;
import org.actorrpc.test.replay.JournalReplay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Records a journaled JobMaster (its own JVM) through a run in which a TaskManager is killed, asks
 * the live JobMaster for the job's ExecutionGraph state at four points of the run, then replays the
 * journal offline and checks that the replay rebuilds each of those states at the message that
 * answered the query: {@link JobDetails#journalSequence()} names it, in the live answer.
 */
class JobMasterReplayIT {

	private static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);

	private final JsonMapper json = JsonMapper.builder().build();

	private DemoCluster cluster;

	@AfterEach
	void stopCluster() {
		if (this.cluster != null) {
			this.cluster.close();
		}
	}

	@Test
	void replayedJobMasterHasTheLiveExecutionGraphStateAtEveryQueriedMessageOfARunWithAKilledTaskManager()
			throws Exception {
		this.cluster = new DemoCluster();
		Path journalDir = this.cluster.workDir().resolve("replay-journal");
		deleteRecursively(journalDir);
		this.cluster.startJobMaster("--actorrpc.journal.endpoints=" + JobMaster.ENDPOINT_ID,
				"--actorrpc.journal.directory=" + journalDir.toAbsolutePath());
		this.cluster.startTaskManager("tm-1");
		this.cluster.startTaskManager("tm-2");
		this.cluster.awaitRegistered("tm-1", "tm-2");
		String jobId = this.cluster.submitJob("replayed", 4, 8_000);

		List<LiveState> live = new ArrayList<>();
		live.add(query("running, with a completed checkpoint", jobId,
				(details) -> this.<List<?>>read(details, "$.tasks[?(@.state=='RUNNING')]").size() == 4
						&& !this.<List<?>>read(details, "$.checkpoints[?(@.status=='COMPLETED')]").isEmpty()
						&& !this.<List<?>>read(details, "$.tasks[?(@.resourceId=='tm-2')]").isEmpty()));
		this.cluster.killTaskManager("tm-2");
		live.add(query("tm-2 lost: its tasks failed", jobId,
				(details) -> this.<Integer>read(details, "$.redeployments") > 0));
		live.add(query("redeployed on tm-1", jobId,
				(details) -> !this.<List<?>>read(details, "$.tasks[?(@.attemptNumber > 0 && @.state=='RUNNING')]")
					.isEmpty()));
		live.add(query("finished", jobId, (details) -> this.<String>read(details, "$.status").equals("FINISHED")));
		this.cluster.stopJobMaster();

		ClusterProperties properties = new ClusterProperties();
		properties.setHeartbeatTimeout(DemoCluster.HEARTBEAT_TIMEOUT);
		try (EndpointReplay<JobMaster> replay = JournalReplay.of(journalDir.resolve(JobMaster.ENDPOINT_ID))
			.replay(new JobMasterReplayFactory(properties))) {
			for (LiveState state : live) {
				JobMaster jobMaster = replay.untilSequence(state.sequence());
				// Written and read back as the live answer was, so that numbers compare by value.
				JsonNode replayed = this.json
					.readTree(this.json.writeValueAsString(jobMaster.requestJobDetails(jobId).join()));
				assertThat(replayed).as("the replayed state at message %d (%s)",
						state.sequence(), state.label()).isEqualTo(state.details());
			}
			assertThat(live).extracting(LiveState::sequence).as("four distinct points of the run").doesNotHaveDuplicates()
				.isSorted();
			// The rest of the run (the graceful stop included) replays without a divergence too.
			replay.toEnd();
		}
	}

	/**
	 * Asks the live JobMaster for the job's details until they satisfy the condition; the answer
	 * that does is the live state at the journal message it names.
	 */
	private LiveState query(String label, String jobId, Predicate<String> condition) {
		String[] answer = new String[1];
		await(label).atMost(JOB_TIMEOUT).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
			answer[0] = this.cluster.get("/jobs/" + jobId);
			return condition.test(answer[0]);
		});
		JsonNode details = this.json.readTree(answer[0]);
		long sequence = details.get("journalSequence").asLong();
		assertThat(sequence).as("journal sequence of the query answered '%s'", label).isPositive();
		return new LiveState(label, sequence, details);
	}

	private <T> T read(String details, String path) {
		return com.jayway.jsonpath.JsonPath.read(details, path);
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> {
				try {
					Files.delete(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

	/** What the live JobMaster answered at one point of the run. */
	private record LiveState(String label, long sequence, JsonNode details) {
	}

}
