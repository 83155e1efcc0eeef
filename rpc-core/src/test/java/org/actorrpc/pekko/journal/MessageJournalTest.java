package org.actorrpc.pekko.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcService;
import org.actorrpc.journal.Journal;
import org.actorrpc.journal.JournalReader;
import org.actorrpc.journal.JournalRecord;
import org.actorrpc.journal.JournalSettings;
import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.testutil.Bounded;
import org.actorrpc.testutil.RpcServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A journaled endpoint on a real service, called over real remoting: its journal holds, in
 * main-thread order, the inbound calls with their arguments, the results of its outbound calls as
 * they were delivered to it, its timer firings and its clock readings; results of outbound calls
 * reach the endpoint on its main thread; endpoints that are not journaled write nothing.
 */
class MessageJournalTest {

	@RegisterExtension
	final RpcServices services = new RpcServices();

	@TempDir
	Path directory;

	/** The journaled endpoint's gateway. */
	public interface LedgerGateway extends RpcGateway {

		CompletableFuture<Long> add(long amount);

		CompletableFuture<Integer> squareViaPeer(int value);

		void remindLater(long delayMillis);

		CompletableFuture<Integer> reminders();

		CompletableFuture<Boolean> resultsArrivedOnMainThread();

		CompletableFuture<Long> journalSequence();

	}

	/** The peer the ledger calls. */
	public interface SquareGateway extends RpcGateway {

		CompletableFuture<Integer> square(int value);

	}

	static final class Ledger extends RpcEndpoint implements LedgerGateway {

		private final String peerAddress;

		private CompletableFuture<SquareGateway> peer;

		private long total;

		private int reminders;

		private boolean onMainThread = true;

		Ledger(RpcService service, String peerAddress) {
			super(service, "ledger");
			this.peerAddress = peerAddress;
		}

		@Override
		protected void onStart() {
			this.peer = getRpcService().connect(this.peerAddress, SquareGateway.class);
		}

		@Override
		public CompletableFuture<Long> add(long amount) {
			// Two clock readings for the journal; the clock never runs backwards, so this adds nothing.
			long first = getClock().millis();
			long second = getClock().millis();
			this.total += amount + ((second >= first) ? 0 : 1);
			return CompletableFuture.completedFuture(this.total);
		}

		@Override
		public CompletableFuture<Integer> squareViaPeer(int value) {
			return this.peer.thenCompose((gateway) -> gateway.square(value)).thenApply((squared) -> {
				this.onMainThread &= Thread.currentThread() == mainThread();
				return squared;
			});
		}

		@Override
		public void remindLater(long delayMillis) {
			scheduleRunAsync(() -> this.reminders++, java.time.Duration.ofMillis(delayMillis));
		}

		@Override
		public CompletableFuture<Integer> reminders() {
			return CompletableFuture.completedFuture(this.reminders);
		}

		@Override
		public CompletableFuture<Boolean> resultsArrivedOnMainThread() {
			return CompletableFuture.completedFuture(this.onMainThread);
		}

		@Override
		public CompletableFuture<Long> journalSequence() {
			return CompletableFuture.completedFuture(getJournalSequence());
		}

		private Thread mainThread() {
			try {
				validateRunsInMainThread();
				return Thread.currentThread();
			}
			catch (IllegalStateException ex) {
				return null;
			}
		}

	}

	static final class Squarer extends RpcEndpoint implements SquareGateway {

		Squarer(RpcService service) {
			super(service, "squarer");
		}

		@Override
		public CompletableFuture<Integer> square(int value) {
			return CompletableFuture.completedFuture(value * value);
		}

	}

	@Test
	void theJournalHoldsWhatEnteredTheMainThreadInOrder() throws Exception {
		PekkoRpcService server = this.services.create("journaled",
				(b) -> b.journal(JournalSettings.of(this.directory, "ledger")));
		PekkoRpcService peers = this.services.create("peers");
		Squarer squarer = new Squarer(peers);
		squarer.start();
		Ledger ledger = new Ledger(server, squarer.getAddress());
		ledger.start();
		LedgerGateway remote = Bounded.get(peers.connect(ledger.getAddress(), LedgerGateway.class));

		assertThat(Bounded.get(remote.add(5))).isEqualTo(5);
		assertThat(Bounded.get(remote.squareViaPeer(7))).isEqualTo(49);
		remote.remindLater(20);
		await().atMost(Bounded.BOUND).until(() -> Bounded.get(remote.reminders()) == 1);
		assertThat(Bounded.get(remote.resultsArrivedOnMainThread())).isTrue();
		Bounded.get(ledger.closeAsync());

		Journal journal = JournalReader.read(this.directory.resolve("ledger"));
		List<String> lines = new ArrayList<>();
		for (JournalRecord record : journal.records()) {
			lines.add(describe(record));
		}
		assertThat(journal.endpointClass()).isEqualTo(Ledger.class.getName());
		// The connect's outcome arrives whenever the handshake completes; the call waits for it.
		assertThat(lines).containsSubsequence("Connected SquareGateway", "Delivered connect", "Called square[7]");
		assertThat(lines).containsSubsequence("Started", "Connected SquareGateway", "Invoked add[5]", "ClockRead", "ClockRead", "Invoked squareViaPeer[7]", "Called square[7]",
				"Delivered 49", "Invoked remindLater[20]", "Scheduled 20", "TimerFired", "Stopped");
		assertThat(lines.get(0)).isEqualTo("Started");
		assertThat(lines.get(lines.size() - 1)).isEqualTo("Stopped");
		assertThat(journal.messages()).extracting(JournalRecord::sequence)
			.isEqualTo(java.util.stream.LongStream.rangeClosed(1, journal.lastSequence()).boxed().toList());
	}

	@Test
	void anEndpointLearnsTheJournalNumberOfTheMessageItProcessesAndZeroWhenNotJournaled() throws Exception {
		PekkoRpcService server = this.services.create("numbered",
				(b) -> b.journal(JournalSettings.of(this.directory, "ledger")));
		PekkoRpcService peers = this.services.create("numbered-peers");
		Squarer squarer = new Squarer(peers);
		squarer.start();
		Ledger ledger = new Ledger(server, squarer.getAddress());
		ledger.start();
		LedgerGateway remote = Bounded.get(peers.connect(ledger.getAddress(), LedgerGateway.class));
		Bounded.get(remote.add(1));
		long first = Bounded.get(remote.journalSequence());
		Bounded.get(remote.add(2));
		long second = Bounded.get(remote.journalSequence());
		Bounded.get(ledger.closeAsync());
		Ledger unjournaled = new Ledger(peers, squarer.getAddress());
		unjournaled.start();
		LedgerGateway plain = Bounded.get(server.connect(unjournaled.getAddress(), LedgerGateway.class));
		assertThat(Bounded.get(plain.journalSequence())).isZero();

		Journal journal = JournalReader.read(this.directory.resolve("ledger"));
		List<Long> asked = journal.records()
			.stream()
			.filter((r) -> r instanceof JournalRecord.Invoked invoked && invoked.method().equals("journalSequence"))
			.map(JournalRecord::sequence)
			.toList();
		assertThat(asked).containsExactly(first, second);
	}

	@Test
	void endpointsThatAreNotListedWriteNoJournal() throws Exception {
		PekkoRpcService server = this.services.create("unjournaled",
				(b) -> b.journal(JournalSettings.of(this.directory, "someone-else")));
		Squarer squarer = new Squarer(server);
		squarer.start();
		SquareGateway gateway = Bounded.get(server.connect(squarer.getAddress(), SquareGateway.class));
		assertThat(Bounded.get(gateway.square(3))).isEqualTo(9);
		Bounded.get(squarer.closeAsync());

		assertThat(Files.exists(this.directory.resolve("squarer"))).isFalse();
	}

	private static String describe(JournalRecord record) {
		if (record instanceof JournalRecord.Invoked invoked) {
			return "Invoked " + invoked.method() + java.util.Arrays.toString(invoked.args()).replace(" ", "");
		}
		if (record instanceof JournalRecord.Called called) {
			return "Called " + called.method() + java.util.Arrays.toString(called.args()).replace(" ", "");
		}
		if (record instanceof JournalRecord.Connected connected) {
			return "Connected " + connected.gateway().substring(connected.gateway().lastIndexOf('$') + 1);
		}
		if (record instanceof JournalRecord.Delivered delivered) {
			return (delivered.value() == null && delivered.failure() == null) ? "Delivered connect"
					: "Delivered " + delivered.value();
		}
		if (record instanceof JournalRecord.Scheduled scheduled) {
			return "Scheduled " + scheduled.delayMillis();
		}
		return record.getClass().getSimpleName();
	}

}
