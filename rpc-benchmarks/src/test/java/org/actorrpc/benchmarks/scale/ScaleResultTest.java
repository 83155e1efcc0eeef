package org.actorrpc.benchmarks.scale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The result line a JobMaster JVM prints is read back unchanged by the benchmark's JVM, and a damaged one is
 * refused naming what is wrong.
 */
class ScaleResultTest {

	private static final ScaleResult RESULT = new ScaleResult("flink", 500, 5, 61_234, 117, 1_872_000, 12.5, 48.25,
			3.5, 7.75, 9_031, 0.875, 123_456_789, 40_960.5, 358_400.25, 19.5, 0.00375);

	@Test
	void aResultSurvivesItsLine() {
		assertThat(ScaleResult.parse(RESULT.toLine())).isEqualTo(RESULT);
	}

	@Test
	void aLineWithoutAValueIsRefusedNamingIt() {
		String line = RESULT.toLine().replaceAll("maxMailboxDepth=\\d+ ", "");

		assertThatIllegalArgumentException().isThrownBy(() -> ScaleResult.parse(line))
			.withMessageContaining("no 'maxMailboxDepth'");
	}

	@Test
	void aValueThatIsNotANumberIsRefusedQuotingTheLine() {
		String line = RESULT.toLine().replace("checkpoints=117", "checkpoints=many");

		assertThatIllegalArgumentException().isThrownBy(() -> ScaleResult.parse(line))
			.withMessageContaining("checkpoints=many");
	}

}
