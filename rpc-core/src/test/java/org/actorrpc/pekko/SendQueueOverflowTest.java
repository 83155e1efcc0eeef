package org.actorrpc.pekko;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.exceptions.RpcException;
import org.actorrpc.testutil.EchoEndpoint;
import org.actorrpc.testutil.EchoGateway;
import org.actorrpc.testutil.RpcServicePair;
import org.actorrpc.testutil.RpcServices;

import static org.actorrpc.testutil.Bounded.BOUND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Artery drops a message when its send queue to a remote service is full. actorrpc keeps that queue small
 * (its size is preallocated per connection), so an overflow must never be silent: a call Artery dropped fails
 * at once, naming the queue and the setting that raises it, instead of waiting for its timeout.
 */
class SendQueueOverflowTest {

	/** Long enough that failing "at once" cannot be a timeout. */
	private static final Duration ASK_TIMEOUT = Duration.ofSeconds(120);

	private static final int CALLS = 500;

	@RegisterExtension
	final RpcServices services = new RpcServices();

	@Test
	void callsThatOverflowTheSendQueueFailAtOnceNamingTheQueueSetting() throws Exception {
		// A 2-slot queue overflows when one thread issues calls faster than the transport thread writes them.
		RpcServicePair pair = this.services.pair((server) -> server.askTimeout(ASK_TIMEOUT),
				(client) -> client.askTimeout(ASK_TIMEOUT).pekkoConfig(ConfigFactory
					.parseString("pekko.remote.artery.advanced.outbound-message-queue-size = 2")));
		EchoEndpoint endpoint = pair.startEndpoint(EchoEndpoint::new, "echo");
		EchoGateway gateway = pair.connect(endpoint, EchoGateway.class);

		List<CompletableFuture<String>> calls = new ArrayList<>();
		for (int i = 0; i < CALLS; i++) {
			calls.add(gateway.echo("m" + i));
		}

		CompletableFuture<Void> all = CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new));
		assertThat(all).as("every call is answered or failed well before its %s timeout", ASK_TIMEOUT)
			.failsWithin(BOUND);
		List<Throwable> failures = new ArrayList<>();
		for (int i = 0; i < CALLS; i++) {
			CompletableFuture<String> call = calls.get(i);
			if (call.isCompletedExceptionally()) {
				failures.add(call.handle((ok, failure) -> failure).join());
			}
			else {
				assertThat(call.join()).isEqualTo("m" + i);
			}
		}
		assertThat(failures).isNotEmpty().allSatisfy((failure) -> {
			Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
			assertThat(cause).isInstanceOf(RpcException.class)
				.hasMessageContaining(endpoint.getAddress())
				.hasMessageContaining("overflow of send queue")
				.hasMessageContaining("pekko.remote.artery.advanced.outbound-message-queue-size");
		});
		assertThat(gateway.echo("after").get(BOUND.toMillis(), TimeUnit.MILLISECONDS))
			.as("the connection still works").isEqualTo("after");
	}

}
