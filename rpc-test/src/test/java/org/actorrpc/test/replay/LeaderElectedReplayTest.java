package org.actorrpc.test.replay;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.actorrpc.FencedRpcEndpoint;
import org.actorrpc.FencedRpcGateway;
import org.actorrpc.RpcService;
import org.actorrpc.journal.Journal;
import org.actorrpc.journal.JournalRecord;
import org.actorrpc.journal.JournalSettings;
import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.pekko.PekkoRpcServiceSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A leader-elected endpoint's token is switched by its election from another thread, between
 * messages; the endpoint reads it. The journal records each switch with the first message
 * processed under it, and a replay switches the replayed endpoint's token there, so that the
 * replayed state equals the live one in every term.
 */
class LeaderElectedReplayTest {

	private static final Duration BOUND = Duration.ofSeconds(30);

	@TempDir
	Path directory;

	/** The leader-elected endpoint's gateway. */
	public interface StampGateway extends FencedRpcGateway<UUID> {

		CompletableFuture<String> stamp(String item);

	}

	/** Stamps items with the leader session they were received in. */
	public static final class Stamper extends FencedRpcEndpoint<UUID> implements StampGateway {

		private final List<String> stamped = new ArrayList<>();

		public Stamper(RpcService service) {
			super(service, "stamper");
		}

		@Override
		public CompletableFuture<String> stamp(String item) {
			this.stamped.add(item + "@" + getFencingToken());
			return CompletableFuture.completedFuture(String.join(",", this.stamped));
		}

		String state() {
			return String.join(",", this.stamped);
		}

	}

	@Test
	void theReplayRunsEveryMessageUnderTheTokenTheLiveEndpointHadThen() throws Exception {
		UUID first = new UUID(1, 1);
		UUID second = new UUID(2, 2);
		List<String> live = new ArrayList<>();
		PekkoRpcService server = new PekkoRpcService(settings("stamper-node")
			.journal(JournalSettings.of(this.directory, "stamper"))
			.build());
		PekkoRpcService client = new PekkoRpcService(settings("stamp-client").build());
		try {
			Stamper stamper = new Stamper(server);
			stamper.start();
			stamper.updateFencingToken(first);
			StampGateway inFirstTerm = get(client.connect(stamper.getAddress(), first, StampGateway.class));
			live.add(get(inFirstTerm.stamp("a")));
			live.add(get(inFirstTerm.stamp("b")));
			stamper.updateFencingToken(second);
			StampGateway inSecondTerm = get(client.connect(stamper.getAddress(), second, StampGateway.class));
			live.add(get(inSecondTerm.stamp("c")));
			get(stamper.closeAsync());
		}
		finally {
			get(client.closeAsync());
			get(server.closeAsync());
		}
		assertThat(live.get(2)).isEqualTo("a@" + first + ",b@" + first + ",c@" + second);

		Journal journal = JournalReplay.of(this.directory.resolve("stamper")).journal();
		List<Long> stamps = journal.records()
			.stream()
			.filter((r) -> r instanceof JournalRecord.Invoked invoked && invoked.method().equals("stamp"))
			.map(JournalRecord::sequence)
			.toList();
		assertThat(journal.records()).filteredOn(JournalRecord.FencingTokenChanged.class::isInstance)
			.extracting((r) -> ((JournalRecord.FencingTokenChanged) r).fencingToken())
			.containsExactly(first, second);
		try (EndpointReplay<Stamper> replay = JournalReplay.of(journal).replay(Stamper::new)) {
			for (int i = 0; i < stamps.size(); i++) {
				assertThat(replay.untilSequence(stamps.get(i)).state()).as("state at message %d", stamps.get(i))
					.isEqualTo(live.get(i));
			}
			assertThat(replay.toEnd().getFencingToken()).isEqualTo(second);
		}
	}

	private static PekkoRpcServiceSettings.Builder settings(String name) {
		return PekkoRpcServiceSettings.builder().systemName(name).host("127.0.0.1").port(0)
			.shutdownTimeout(Duration.ofSeconds(10));
	}

	private static <T> T get(CompletableFuture<T> future) throws Exception {
		return future.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
	}

}
