package org.actorrpc.test.replay;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.actorrpc.journal.Journal;
import org.actorrpc.journal.JournalRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line entry point: prints a journal's records, replays an endpoint to a message and
 * prints its state there, and exits 1 with the divergence or 2 with the usage on wrong arguments.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayCommandTest {

	@TempDir
	static Path directory;

	private RecordedRun run;

	private Journal journal;

	@BeforeAll
	void recordALiveRun() throws Exception {
		this.run = RecordedRun.record(directory);
		this.journal = JournalReplay.of(this.run.journalDirectory()).journal();
	}

	@Test
	void printListsEveryMessageWithItsEffects() {
		Result result = run("--journal", this.run.journalDirectory().toString(), "--print");

		assertThat(result.status()).isZero();
		assertThat(result.out()).contains("Journal of endpoint warehouse (" + Warehouse.class.getName() + ")")
			.contains("#1 start (onStart)")
			.contains("    connect 1.1 PricerGateway at ")
			.contains("invoke WarehouseGateway.receive(bolts, 4)")
			.contains("    call ")
			.contains("PricerGateway.price(bolts)")
			.contains("    schedule timer ")
			.contains(" fired")
			.contains("#" + this.journal.lastSequence() + " stop (onStop)");
	}

	@Test
	void printCanShowARangeOfMessages() {
		Result result = run("--journal", this.run.journalDirectory().toString(), "--print", "--from", "2", "--until",
				"3");

		assertThat(result.out()).doesNotContain("#1 ").contains("#2 ").contains("#3 ").doesNotContain("#4 ");
	}

	@Test
	void replayPrintsTheEndpointsStateAtTheMessage() {
		long describe = this.journal.records()
			.stream()
			.filter((r) -> r instanceof JournalRecord.Invoked invoked && invoked.method().equals("describe"))
			.findFirst()
			.orElseThrow()
			.sequence();

		Result result = run("--journal", this.run.journalDirectory().toString(), "--endpoint",
				StatefulWarehouse.class.getName(), "--until", Long.toString(describe));

		assertThat(result.status()).as(result.err()).isZero();
		assertThat(result.out()).contains("Replayed endpoint warehouse (" + Warehouse.class.getName()
				+ ") to message " + describe + " of " + this.journal.lastSequence())
			.contains(this.run.liveStates().get(0));
	}

	@Test
	void aDivergingEndpointExitsWithOneAndTheDivergence() {
		Result result = run("--journal", this.run.journalDirectory().toString(), "--endpoint",
				Variants.OtherPriceKey.class.getName());

		assertThat(result.status()).isEqualTo(1);
		assertThat(result.err()).contains("Non-deterministic replay at message")
			.contains("price[bolts]")
			.contains("price[x-bolts]");
	}

	@Test
	void wrongArgumentsExitWithTwoAndTheUsage() {
		assertThat(run("--journal").status()).isEqualTo(2);
		Result unknown = run("--journal", this.run.journalDirectory().toString(), "--frobnicate");
		assertThat(unknown.status()).isEqualTo(2);
		assertThat(unknown.err()).contains("Unknown argument --frobnicate").contains("Usage: ReplayCommand");
		Result noEndpoint = run("--journal", this.run.journalDirectory().toString());
		assertThat(noEndpoint.status()).isEqualTo(2);
		assertThat(noEndpoint.err()).contains("Give either --factory CLASS or --endpoint CLASS");
		Result missingClass = run("--journal", this.run.journalDirectory().toString(), "--endpoint", "com.example.Nope");
		assertThat(missingClass.err()).contains("com.example.Nope is not on the class path");
		Result missingDirectory = run("--journal", directory.resolve("nothing-here").toString(), "--print");
		assertThat(missingDirectory.status()).isEqualTo(2);
		assertThat(missingDirectory.err()).contains("No journal directory");
		Result badNumber = run("--journal", this.run.journalDirectory().toString(), "--endpoint",
				Warehouse.class.getName(), "--until", "ten");
		assertThat(badNumber.err()).contains("--until must be a message number, not 'ten'");
	}

	private static Result run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = ReplayCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Result(int status, String out, String err) {
	}

	/** A warehouse whose toString is its state and message number, for the command's summary. */
	public static class StatefulWarehouse extends Warehouse {

		public StatefulWarehouse(org.actorrpc.RpcService service) {
			super(service);
		}

		@Override
		public String toString() {
			return describe().join();
		}

	}

}
