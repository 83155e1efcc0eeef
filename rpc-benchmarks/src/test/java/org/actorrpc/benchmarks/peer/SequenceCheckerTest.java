package org.actorrpc.benchmarks.peer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SequenceCheckerTest {

	@Test
	void interleavedSendersInOrderHaveNoGaps() {
		SequenceChecker checker = new SequenceChecker();
		for (long sequence = 0; sequence < 100; sequence++) {
			checker.accept(0, sequence);
			checker.accept(37, sequence);
		}

		assertThat(checker.delivery()).isEqualTo(new Delivery(200, 0, 0));
		assertThat(checker.delivery().inOrderWithoutGaps()).isTrue();
	}

	@Test
	void skippedSequenceNumbersCountAsMissing() {
		SequenceChecker checker = new SequenceChecker();
		checker.accept(1, 0);
		checker.accept(1, 5);
		checker.accept(1, 6);

		assertThat(checker.delivery()).isEqualTo(new Delivery(3, 4, 0));
		assertThat(checker.delivery().inOrderWithoutGaps()).isFalse();
	}

	@Test
	void aRepeatedOrLateMessageCountsAsOutOfOrder() {
		SequenceChecker checker = new SequenceChecker();
		checker.accept(2, 0);
		checker.accept(2, 2);
		checker.accept(2, 1);
		checker.accept(2, 2);

		assertThat(checker.delivery()).isEqualTo(new Delivery(4, 1, 2));
	}

	@Test
	void aSenderIdOutOfRangeIsRejectedWithTheRange() {
		SequenceChecker checker = new SequenceChecker();

		assertThatIllegalArgumentException().isThrownBy(() -> checker.accept(SequenceChecker.MAX_SENDERS, 0))
			.withMessageContaining("0.." + (SequenceChecker.MAX_SENDERS - 1));
		assertThat(checker.delivery().processed()).isZero();
	}

	@Test
	void aDeliveryTravelsAsThreeLongs() {
		Delivery delivery = new Delivery(7, 2, 1);

		assertThat(Delivery.of(delivery.toArray())).isEqualTo(delivery);
		assertThatIllegalArgumentException().isThrownBy(() -> Delivery.of(new long[2]))
			.withMessageContaining("3 counts");
	}

}
