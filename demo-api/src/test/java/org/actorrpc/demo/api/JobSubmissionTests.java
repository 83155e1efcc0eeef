package org.actorrpc.demo.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JobSubmissionTests {

	@Test
	void acceptsAValidSubmission() {
		JobSubmission submission = new JobSubmission("wordcount", 4, 10_000);
		assertThat(submission.parallelism()).isEqualTo(4);
	}

	@Test
	void rejectsBlankNameNamingTheField() {
		assertThatIllegalArgumentException().isThrownBy(() -> new JobSubmission(" ", 1, 1000))
			.withMessageContaining("'name'");
	}

	@Test
	void rejectsParallelismOutOfRangeNamingTheRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> new JobSubmission("job", 0, 1000))
			.withMessageContaining("'parallelism' must be between 1 and 64, got 0");
	}

	@Test
	void rejectsTooShortTaskDurationNamingTheRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> new JobSubmission("job", 1, 5))
			.withMessageContaining("'taskDurationMs'")
			.withMessageContaining("got 5");
	}

	@Test
	void executionAttemptIdReadsAsJobSubtaskAndAttempt() {
		assertThat(new ExecutionAttemptId("j1", 2, 1)).hasToString("j1/2#1");
	}

	@Test
	void slotIdCombinesTaskManagerAndIndex() {
		assertThat(new SlotOffer("tm-1", "r1", 3).slotId()).isEqualTo("tm-1/3");
	}

}
