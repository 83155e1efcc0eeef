package org.actorrpc.benchmarks.scale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The TaskManager JVMs of the cluster-scale benchmark are started at the niceness the benchmark is given.
 */
class TaskManagerLauncherTest {

	@Test
	void aNicenessAboveZeroStartsTheTaskManagersThroughNice() {
		assertThat(JobMasterMain.taskManagerLauncher("10")).containsExactly("nice", "-n", "10");
	}

	@Test
	void nicenessZeroStartsTheTaskManagersDirectly() {
		assertThat(JobMasterMain.taskManagerLauncher("0")).isEmpty();
	}

	@Test
	void aValueThatIsNoNicenessIsRefusedNamingTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> JobMasterMain.taskManagerLauncher("high"))
			.withMessage("actorrpc.bench.taskmanager-nice must be a whole number from 0 to 19 but was 'high'");
		assertThatIllegalArgumentException().isThrownBy(() -> JobMasterMain.taskManagerLauncher("20"))
			.withMessageContaining("from 0 to 19");
	}

}
