package org.actorrpc.benchmarks.scale;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the cluster-scale simulation once per peer with 3 TaskManagers in 2 TaskManager JVMs for a couple of
 * seconds, so that it keeps running end to end. Asserts that every checkpoint got every acknowledgement; not a
 * measurement (no timing is asserted).
 */
class ScaleSmokeIT {

	private static final ScaleSettings SETTINGS = ScaleSettings.of(3, Duration.ZERO, Duration.ofSeconds(2))
		.withTaskManagersPerJvm(2);

	@Test
	void everyCheckpointGetsEveryAcknowledgementOnBothPeers() throws Exception {
		ScaleTable.Outcome actorRpc = ScaleBenchmark.run("actorrpc", SETTINGS);
		ScaleTable.Outcome flink = ScaleBenchmark.run("flink", SETTINGS);

		for (ScaleTable.Outcome outcome : List.of(actorRpc, flink)) {
			assertThat(outcome.failure()).as("failure").isNull();
			ScaleResult result = outcome.result();
			assertThat(result.taskManagerJvms()).isEqualTo(2);
			assertThat(result.checkpoints()).as("checkpoints of %s", result.peer()).isPositive();
			assertThat(result.acknowledgements()).as("acknowledgements of %s", result.peer())
				.isEqualTo(result.checkpoints() * 3 * ScaleSettings.DEFAULT_TASKS);
			assertThat(result.heapPerTaskManagerBytes()).as("heap per TaskManager of %s", result.peer()).isFinite();
		}
		String table = ScaleTable.render(List.of(new ScaleTable.Row(3, actorRpc, flink)));
		System.out.println(table);
		assertThat(table).contains("| 3 | actorrpc |", "| 3 | Flink 2.3 |", "| 3 | **actorrpc / Flink** |");
	}

}
