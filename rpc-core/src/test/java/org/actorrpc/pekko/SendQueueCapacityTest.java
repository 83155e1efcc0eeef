package org.actorrpc.pekko;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.testutil.Bounded;
import org.actorrpc.testutil.EchoEndpoint;
import org.actorrpc.testutil.EchoGateway;
import org.actorrpc.testutil.RpcServicePair;
import org.actorrpc.testutil.RpcServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Artery's send queue to a remote service is preallocated per connection, so actorrpc keeps it small; at its
 * default size it must still hold what flow control lets onto one connection at once: a full window of calls
 * to the remote endpoint and a full window of answers to the remote endpoint's calls. A burst of that size is
 * answered in full, nothing refused as a send-queue overflow ({@link SendQueueOverflowTest} shows what an overflow
 * looks like). Only the send queue and the windows keep their defaults: the call timeout and the liveness bound are
 * raised so that a loaded machine cannot fail a call for another reason.
 */
class SendQueueCapacityTest {

	private static final int WINDOW = FlowControlSettings.DEFAULT_WINDOW_MESSAGES;

	/** Far longer than 2 x 1,024 echoes take, even on a starved machine. */
	private static final Duration PATIENCE = Duration.ofSeconds(90);

	@RegisterExtension
	final RpcServices services = new RpcServices();

	@Test
	void aFullWindowOfCallsEachWayAtOnceIsAnsweredInFullWithTheDefaultSendQueue() throws Exception {
		RpcServicePair pair = this.services.pair(SendQueueCapacityTest::patient);
		EchoEndpoint there = pair.startEndpoint(EchoEndpoint::new, "echo");
		EchoEndpoint back = new EchoEndpoint(pair.client(), "echo-back");
		back.start();
		EchoGateway toThere = pair.connect(there, EchoGateway.class);
		EchoGateway toBack = Bounded.get(pair.server().connect(back.getAddress(), EchoGateway.class));

		// Both services issue a full window at once, so each connection carries a window of calls and, as the
		// other side's calls are answered, a window of answers.
		List<CompletableFuture<String>> calls = new ArrayList<>();
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < WINDOW; i++) {
			calls.add(toThere.echo("there-" + i));
			expected.add("there-" + i);
			calls.add(toBack.echo("back-" + i));
			expected.add("back-" + i);
		}

		CompletableFuture<List<String>> answers = CompletableFuture
			.allOf(calls.toArray(CompletableFuture[]::new))
			.thenApply((done) -> calls.stream().map(CompletableFuture::join).toList());
		assertThat(answers).as("%s calls each way, none refused by a full send queue", WINDOW)
			.succeedsWithin(PATIENCE)
			.isEqualTo(expected);
	}

	private static PekkoRpcServiceSettings.Builder patient(PekkoRpcServiceSettings.Builder settings) {
		return settings.askTimeout(PATIENCE).peerUnreachableAfter(PATIENCE);
	}

}
