package org.actorrpc.test.replay;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.actorrpc.journal.JournalSettings;
import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.pekko.PekkoRpcServiceSettings;

import static org.awaitility.Awaitility.await;

/**
 * Records a live warehouse run on real services (the client calls over real remoting) with the
 * warehouse journaled, and keeps the states the live endpoint reported to each {@code describe}.
 *
 * @param journalDirectory the warehouse's journal directory
 * @param liveStates the live states the endpoint answered, in the order of the journal's
 * {@code describe} invocations (the client calls one at a time)
 */
record RecordedRun(Path journalDirectory, List<String> liveStates) {

	private static final Duration BOUND = Duration.ofSeconds(30);

	static RecordedRun record(Path directory) throws Exception {
		PekkoRpcService server = new PekkoRpcService(settings("warehouse-node")
			.journal(JournalSettings.of(directory, "warehouse"))
			.build());
		PekkoRpcService client = new PekkoRpcService(settings("client-node").build());
		List<String> states = new ArrayList<>();
		try {
			Pricer pricer = new Pricer(server);
			pricer.start();
			Warehouse warehouse = new Warehouse(server);
			warehouse.start();
			WarehouseGateway remote = get(client.connect(warehouse.getAddress(), WarehouseGateway.class));
			get(remote.receive("bolts", 4));
			describe(remote, states);
			get(remote.value("bolts"));
			get(remote.receive("nuts", 12));
			describe(remote, states);
			// Every answer is kept, the polled ones too: each describe is a journaled message.
			await().atMost(BOUND).until(() -> describe(remote, states).contains("shipped=[nuts"));
			get(remote.receive("bolts", 3));
			get(remote.value("nuts"));
			describe(remote, states);
			get(warehouse.closeAsync());
		}
		finally {
			get(client.closeAsync());
			get(server.closeAsync());
		}
		return new RecordedRun(directory.resolve("warehouse"), List.copyOf(states));
	}

	private static String describe(WarehouseGateway remote, List<String> states) throws Exception {
		String state = get(remote.describe());
		states.add(state);
		return state;
	}

	private static PekkoRpcServiceSettings.Builder settings(String name) {
		return PekkoRpcServiceSettings.builder().systemName(name).host("127.0.0.1").port(0)
			.shutdownTimeout(Duration.ofSeconds(10));
	}

	private static <T> T get(CompletableFuture<T> future) throws Exception {
		return future.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
	}

}
