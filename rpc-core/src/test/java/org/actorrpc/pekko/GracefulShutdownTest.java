package org.actorrpc.pekko;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcService;
import org.actorrpc.exceptions.RecipientUnreachableException;
import org.actorrpc.testutil.EndpointViews;
import org.actorrpc.testutil.RpcServicePair;
import org.actorrpc.testutil.RpcServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Closing a service is graceful: calls that arrived before are answered before the transport
 * closes, calls that arrive after are refused at once saying the service shuts down.
 */
class GracefulShutdownTest {

	@RegisterExtension
	final RpcServices services = new RpcServices();

	/** A server whose endpoint is held in the middle of a {@code work} call. */
	private record HeldCall(RpcServicePair pair, WorkEndpoint endpoint, WorkGateway gateway,
			CompletableFuture<String> inFlight) {
	}

	private HeldCall holdACall() throws Exception {
		RpcServicePair pair = this.services.pair();
		WorkEndpoint endpoint = pair.startEndpoint(WorkEndpoint::new, pair.nextEndpointId("work"));
		WorkGateway gateway = pair.connect(endpoint, WorkGateway.class);
		CompletableFuture<String> inFlight = gateway.work();
		assertThat(endpoint.entered.await(30, TimeUnit.SECONDS)).isTrue();
		return new HeldCall(pair, endpoint, gateway, inFlight);
	}

	@Test
	void callInFlightWhenTheServerClosesIsAnsweredAndLaterCallsAreRefusedAsShuttingDown() throws Exception {
		HeldCall held = holdACall();
		WorkEndpoint endpoint = held.endpoint();
		CompletableFuture<String> inFlight = held.inFlight();
		WorkGateway gateway = held.gateway();
		CompletableFuture<Void> closed = held.pair().server().closeAsync();

		assertThatThrownBy(() -> gateway.ping().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.cause()
			.isInstanceOf(RecipientUnreachableException.class)
			.hasMessageContaining("shutting down")
			.hasMessageContaining(endpoint.getAddress());
		endpoint.release.countDown();

		assertThat(inFlight.get(30, TimeUnit.SECONDS)).isEqualTo("done");
		closed.get(30, TimeUnit.SECONDS);
	}

	@Test
	void messagesQueuedBeforeTheCloseAreAllAnswered() throws Exception {
		HeldCall held = holdACall();
		RpcServicePair pair = held.pair();
		WorkEndpoint endpoint = held.endpoint();
		CompletableFuture<String> first = held.inFlight();
		CompletableFuture<String> queued = held.gateway().ping();
		// The queued ping is in the endpoint's mailbox once the endpoint counts it.
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> EndpointViews.require(pair.server(), endpoint.getEndpointId()).getMailboxDepth() >= 1);
		CompletableFuture<Void> closed = pair.server().closeAsync();
		endpoint.release.countDown();

		assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("done");
		assertThat(queued.get(30, TimeUnit.SECONDS)).isEqualTo("pong");
		closed.get(30, TimeUnit.SECONDS);
	}

	/** A gateway with a call the test holds on the main thread. */
	public interface WorkGateway extends RpcGateway {

		CompletableFuture<String> work();

		CompletableFuture<String> ping();

	}

	static final class WorkEndpoint extends RpcEndpoint implements WorkGateway {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		WorkEndpoint(RpcService rpcService, String endpointId) {
			super(rpcService, endpointId);
		}

		@Override
		public CompletableFuture<String> work() {
			this.entered.countDown();
			try {
				this.release.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return CompletableFuture.completedFuture("done");
		}

		@Override
		public CompletableFuture<String> ping() {
			return CompletableFuture.completedFuture("pong");
		}

	}

}
