package org.actorrpc.test.replay;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.actorrpc.journal.Journal;
import org.actorrpc.journal.JournalRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Replaying a journal recorded on real services: the replayed endpoint's state equals the live
 * state at every point where the live endpoint reported it, forwards and backwards; the first
 * divergence — another outbound call, another timer, a clock reading the record does not have — is
 * reported with the message number and both values; journals that cannot be replayed say why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JournalReplayTest {

	@TempDir
	static Path directory;

	private RecordedRun run;

	private Journal journal;

	private List<Long> describeMessages;

	@BeforeAll
	void recordALiveRun() throws Exception {
		this.run = RecordedRun.record(directory);
		this.journal = JournalReplay.of(this.run.journalDirectory()).journal();
		this.describeMessages = this.journal.records()
			.stream()
			.filter((r) -> r instanceof JournalRecord.Invoked invoked && invoked.method().equals("describe"))
			.map(JournalRecord::sequence)
			.toList();
	}

	@Test
	void theReplayedStateEqualsTheLiveStateAtEveryReportedMessage() {
		assertThat(this.describeMessages).hasSize(this.run.liveStates().size()).hasSizeGreaterThanOrEqualTo(3);
		try (EndpointReplay<Warehouse> replay = JournalReplay.of(this.journal).replay(Warehouse::new)) {
			for (int i = 0; i < this.describeMessages.size(); i++) {
				Warehouse replayed = replay.untilSequence(this.describeMessages.get(i));
				// The live answer names its own message; the replayed endpoint, inspected there, names the same.
				assertThat(this.run.liveStates().get(i)).endsWith(" at message " + this.describeMessages.get(i));
				assertThat(replayed.describe().join()).as("state at message %d", this.describeMessages.get(i))
					.isEqualTo(this.run.liveStates().get(i));
			}
			assertThat(replay.toEnd().state()).contains("shipped=[nutsx12@");
		}
	}

	@Test
	void replayingBackwardsStartsAgainAndReachesTheSameState() {
		try (EndpointReplay<Warehouse> replay = JournalReplay.of(this.journal).replay(Warehouse::new)) {
			replay.toEnd();
			Warehouse first = replay.untilSequence(this.describeMessages.get(0));
			assertThat(first.describe().join()).isEqualTo(this.run.liveStates().get(0));
			assertThat(replay.position()).isEqualTo(this.describeMessages.get(0));
		}
	}

	@Test
	void anOutboundCallWithOtherArgumentsIsReportedWithTheMessageNumberAndBothValues() {
		try (EndpointReplay<Warehouse> replay = JournalReplay.of(this.journal).replay(Variants.OtherPriceKey::new)) {
			assertThatThrownBy(replay::toEnd).isInstanceOfSatisfying(NonDeterminismException.class, (ex) -> {
				assertThat(ex.getSequence()).isEqualTo(firstCall().sequence());
				assertThat(ex.getRecorded()).contains("PricerGateway.price[bolts]");
				assertThat(ex.getReplayed()).contains("PricerGateway.price[x-bolts]");
				assertThat(ex.getMessage()).startsWith("Non-deterministic replay at message " + ex.getSequence());
			});
		}
	}

	@Test
	void aTimerWithAnotherDelayIsReported() {
		try (EndpointReplay<Warehouse> replay = JournalReplay.of(this.journal).replay(Variants.OtherShipDelay::new)) {
			assertThatThrownBy(replay::toEnd).isInstanceOfSatisfying(NonDeterminismException.class, (ex) -> {
				assertThat(ex.getSequence()).isEqualTo(firstSchedule().sequence());
				assertThat(ex.getRecorded()).contains("a delay of 30 ms");
				assertThat(ex.getReplayed()).contains("a delay of 31 ms");
			});
		}
	}

	@Test
	void aClockReadingTheRecordDoesNotHaveIsReported() {
		try (EndpointReplay<Warehouse> replay = JournalReplay.of(this.journal)
			.replay(Variants.ExtraClockReading::new)) {
			assertThatThrownBy(replay::toEnd).isInstanceOfSatisfying(NonDeterminismException.class, (ex) -> {
				assertThat(ex.getSequence()).isEqualTo(firstSchedule().sequence());
				assertThat(ex.getRecorded()).contains("Scheduled");
				assertThat(ex.getReplayed()).isEqualTo("read the clock");
			});
		}
	}

	@Test
	void aMessageBeyondTheJournalIsRefusedNamingTheRange() {
		try (EndpointReplay<Warehouse> replay = JournalReplay.of(this.journal).replay(Warehouse::new)) {
			assertThatThrownBy(() -> replay.untilSequence(this.journal.lastSequence() + 1))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("holds messages 1 to " + this.journal.lastSequence());
		}
	}

	@Test
	void aJournalWithoutItsBeginningCannotBeReplayed() {
		Journal truncated = new Journal("warehouse", Warehouse.class.getName(), this.journal.endpointAddress(),
				List.of(), this.journal.records().subList(3, this.journal.records().size()), null);

		assertThatThrownBy(() -> JournalReplay.of(truncated).replay(Warehouse::new).untilSequence(5))
			.isInstanceOf(ReplayException.class)
			.hasMessageContaining("begins at message")
			.hasMessageContaining("delete-oldest");
	}

	@Test
	void aTaskFromAnotherThreadStopsTheReplayBeforeItSayingWhy() {
		List<JournalRecord> records = new java.util.ArrayList<>(
				this.journal.records().stream().filter((r) -> r.sequence() == 1).toList());
		records.add(new JournalRecord.ForeignTaskRan(2, "com.example.Poller"));
		Journal withForeignTask = new Journal("warehouse", Warehouse.class.getName(),
				this.journal.endpointAddress(), List.of(), records, null);

		assertThatThrownBy(() -> JournalReplay.of(withForeignTask).replay(Warehouse::new).untilSequence(2))
			.isInstanceOf(ReplayException.class)
			.hasMessageContaining("Message 2 is a task submitted from outside the endpoint's main thread")
			.hasMessageContaining("com.example.Poller")
			.hasMessageContaining("only up to message 1");
	}

	private JournalRecord.Called firstCall() {
		return this.journal.records()
			.stream()
			.filter(JournalRecord.Called.class::isInstance)
			.map(JournalRecord.Called.class::cast)
			.findFirst()
			.orElseThrow();
	}

	private JournalRecord.Scheduled firstSchedule() {
		return this.journal.records()
			.stream()
			.filter(JournalRecord.Scheduled.class::isInstance)
			.map(JournalRecord.Scheduled.class::cast)
			.findFirst()
			.orElseThrow();
	}

}
