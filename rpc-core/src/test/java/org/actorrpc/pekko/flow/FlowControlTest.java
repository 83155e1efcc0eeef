package org.actorrpc.pekko.flow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcObserver;
import org.actorrpc.exceptions.RecipientUnreachableException;
import org.actorrpc.exceptions.RpcException;
import org.actorrpc.exceptions.RpcRuntimeException;
import org.actorrpc.pekko.FlowControlSettings;
import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.testutil.FlowEndpoint;
import org.actorrpc.testutil.FlowGateway;
import org.actorrpc.testutil.RpcServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The delivery contract under load, between real services over real TCP on 127.0.0.1: every
 * message once and in order per sender, senders slowed to the endpoint's rate with bounded
 * mailboxes, the policy at a limit visible to the caller, and no deadlock between endpoints.
 * (Flink has no flow control: its tells are dropped by the transport under overload.)
 */
class FlowControlTest {

	private static final Duration BOUND = Duration.ofSeconds(120);

	private static final byte[] NO_PAYLOAD = new byte[0];

	@RegisterExtension
	final RpcServices services = new RpcServices();

	@Test
	void millionFireAndForgetCallsFromEightThreadsArriveExactlyOnceInOrderPerSender() throws Exception {
		PekkoRpcService server = this.services.create("flood-server");
		PekkoRpcService client = this.services.create("flood-client");
		FlowEndpoint endpoint = new FlowEndpoint(server, "flood", Duration.ZERO, null);
		endpoint.start();
		FlowGateway gateway = connect(client, endpoint.getAddress());
		int threads = 8;
		int perThread = 125_000;
		List<Thread> senders = new ArrayList<>();
		AtomicReference<Throwable> sendFailure = new AtomicReference<>();
		for (int t = 0; t < threads; t++) {
			int sender = t;
			Thread thread = new Thread(() -> {
				try {
					for (long i = 0; i < perThread; i++) {
						gateway.record(sender, i, NO_PAYLOAD);
					}
				}
				catch (Throwable ex) {
					sendFailure.compareAndSet(null, ex);
				}
			}, "flood-sender-" + t);
			senders.add(thread);
			thread.start();
		}
		for (Thread thread : senders) {
			thread.join(BOUND.toMillis());
			assertThat(thread.isAlive()).as("sender finished within the bound").isFalse();
		}
		assertThat(sendFailure.get()).as("no send failed").isNull();
		long expected = (long) threads * perThread;
		await().atMost(BOUND).pollInterval(Duration.ofMillis(200))
			.until(() -> gateway.received().get(30, TimeUnit.SECONDS) >= expected);
		assertThat(gateway.received().get(30, TimeUnit.SECONDS)).isEqualTo(expected);
		assertThat(gateway.verdict().get(30, TimeUnit.SECONDS)).isEqualTo("ok");
	}

	@Test
	void fastSenderIsSlowedToTheEndpointsRateAndTheMailboxStaysWithinTheWindow() throws Exception {
		FlowControlSettings limits = FlowControlSettings.defaults().withWindow(64, 1024 * 1024);
		PekkoRpcService server = this.services.create("slow-server", (b) -> b.flowControl(limits));
		PekkoRpcService client = this.services.create("slow-client", (b) -> b.flowControl(limits));
		FlowEndpoint endpoint = new FlowEndpoint(server, "slow", Duration.ofMillis(1), null);
		endpoint.start();
		FlowGateway gateway = connect(client, endpoint.getAddress());
		for (long i = 0; i < 1500; i++) {
			gateway.record(0, i, NO_PAYLOAD);
		}
		await().atMost(BOUND).until(() -> gateway.received().get(30, TimeUnit.SECONDS) == 1500);
		assertThat(gateway.verdict().get(30, TimeUnit.SECONDS)).isEqualTo("ok");
		// The window bounds the data (64); a sender that waited 20 ms for credit in vain queues one small
		// credit request behind it, which a loaded machine makes happen a few times.
		assertThat(gateway.maxMailboxDepth().get(30, TimeUnit.SECONDS)).isLessThanOrEqualTo(64 + 8);
	}

	@Test
	void exhaustedWindowFailsTheCallAfterTheOverflowTimeoutNamingEndpointLimitAndProperty() throws Exception {
		FlowControlSettings limits = FlowControlSettings.defaults().withWindow(16, 1024 * 1024)
			.withOverflowTimeout(Duration.ofMillis(300));
		PekkoRpcService server = this.services.create("stuck-server", (b) -> b.flowControl(limits));
		PekkoRpcService client = this.services.create("stuck-client", (b) -> b.flowControl(limits));
		CountDownLatch gate = new CountDownLatch(1);
		FlowEndpoint endpoint = new FlowEndpoint(server, "stuck", Duration.ZERO, gate);
		endpoint.start();
		FlowGateway gateway = connect(client, endpoint.getAddress());
		try {
			for (long i = 0; i < 16; i++) {
				gateway.record(0, i, NO_PAYLOAD);
			}
			assertThatThrownBy(() -> gateway.record(0, 16, NO_PAYLOAD)).isInstanceOf(RpcRuntimeException.class)
				.hasMessageContaining(endpoint.getAddress())
				.hasMessageContaining("16 of 16 messages")
				.hasMessageContaining("300 ms")
				.hasMessageContaining("actorrpc.flow-control.window-messages");
		}
		finally {
			gate.countDown();
		}
		await().atMost(BOUND).until(() -> gateway.received().get(30, TimeUnit.SECONDS) == 16);
		gateway.record(0, 16, NO_PAYLOAD);
		await().atMost(BOUND).until(() -> gateway.received().get(30, TimeUnit.SECONDS) == 17);
		assertThat(gateway.verdict().get(30, TimeUnit.SECONDS)).isEqualTo("ok");
	}

	@Test
	void endpointMainThreadNeverWaitsForCreditSoEndpointsCallingEachOtherCannotDeadlock() throws Exception {
		FlowControlSettings limits = FlowControlSettings.defaults().withWindow(8, 1024 * 1024);
		PekkoRpcService server = this.services.create("peer-b", (b) -> b.flowControl(limits));
		PekkoRpcService client = this.services.create("peer-a", (b) -> b.flowControl(limits));
		CountDownLatch gate = new CountDownLatch(1);
		Forwarding forwarding = forwardingToStuckEndpoint(server, client, gate);
		FlowEndpoint stuck = forwarding.stuck();
		FlowGateway remote = forwarding.remote();
		ForwardingEndpoint forwarder = forwarding.forwarder();
		try {
			CompletableFuture<String> outcome = forwarder.forward(20);
			String result = outcome.get(BOUND.toSeconds(), TimeUnit.SECONDS);
			assertThat(result).startsWith("refused after 8: ").contains("must not wait").contains(stuck.getAddress());
			// The forwarder's main thread did not wait: it still answers at once.
			assertThat(forwarder.forward(0).get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo("sent 0");
		}
		finally {
			gate.countDown();
		}
		await().atMost(BOUND).until(() -> remote.received().get(30, TimeUnit.SECONDS) == 8);
	}

	@Test
	void sixteenMessagesOfOneMebibyteFitTheDefaultByteWindowWhateverTheirEncodingAdds() throws Exception {
		PekkoRpcService server = this.services.create("bytes-server");
		PekkoRpcService client = this.services.create("bytes-client");
		CountDownLatch gate = new CountDownLatch(1);
		Forwarding forwarding = forwardingToStuckEndpoint(server, client, gate);
		FlowEndpoint stuck = forwarding.stuck();
		FlowGateway remote = forwarding.remote();
		// The forwarder's main thread must not wait for credit: each send either fits the window or fails.
		ForwardingEndpoint forwarder = forwarding.forwarder();
		try {
			CompletableFuture<Long> first = remote.call(0, 0);
			await().atMost(BOUND).until(() -> busy(server, "stuck"));
			String result = forwarder.forward(17, 1024 * 1024).get(BOUND.toSeconds(), TimeUnit.SECONDS);
			assertThat(result).startsWith("refused after 16: ")
				.contains("must not wait")
				.contains(stuck.getAddress())
				.contains("actorrpc.flow-control.window-size")
				.doesNotContain("actorrpc.flow-control.window-messages");
			gate.countDown();
			assertThat(first.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isZero();
		}
		finally {
			gate.countDown();
		}
		await().atMost(BOUND).until(() -> remote.received().get(30, TimeUnit.SECONDS) == 17);
		assertThat(remote.verdict().get(30, TimeUnit.SECONDS)).isEqualTo("ok");
	}

	@Test
	void localCallersWaitForMailboxRoomThenFailNamingTheCapacityProperty() throws Exception {
		FlowControlSettings limits = FlowControlSettings.defaults().withMailboxCapacity(8)
			.withOverflowTimeout(Duration.ofMillis(300));
		PekkoRpcService service = this.services.create("local", (b) -> b.flowControl(limits));
		CountDownLatch gate = new CountDownLatch(1);
		FlowEndpoint endpoint = new FlowEndpoint(service, "busy", Duration.ZERO, gate);
		endpoint.start();
		FlowGateway gateway = connect(service, endpoint.getAddress());
		List<CompletableFuture<Long>> accepted = new ArrayList<>();
		try {
			// The first call is taken by the main thread (and waits at the gate); eight more fill the mailbox.
			accepted.add(gateway.call(0, 0));
			await().atMost(BOUND).until(() -> busy(service, "busy"));
			for (long i = 1; i < 9; i++) {
				accepted.add(gateway.call(0, i));
			}
			await().atMost(BOUND).until(() -> depthOf(service, "busy") == 8);
			CompletableFuture<Long> refused = gateway.call(0, 9);
			assertThat(refused).failsWithin(BOUND)
				.withThrowableOfType(ExecutionException.class)
				.withCauseInstanceOf(RpcException.class)
				.withMessageContaining("mailbox is full")
				.withMessageContaining("8 of 8")
				.withMessageContaining("actorrpc.flow-control.mailbox-capacity");
			assertThat(service.getEndpointViews().iterator().next().getRefusedMessages()).isEqualTo(1);
		}
		finally {
			gate.countDown();
		}
		for (CompletableFuture<Long> call : accepted) {
			assertThat(call.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isNotNull();
		}
		assertThat(gateway.call(0, 9).get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(9);
	}

	@Test
	void remoteMessagesFindingAFullMailboxAreRefusedVisiblyNeverDropped() throws Exception {
		FlowControlSettings limits = FlowControlSettings.defaults().withMailboxCapacity(10);
		AtomicLong undelivered = new AtomicLong();
		RpcObserver observer = new RpcObserver() {
			@Override
			public void messagesUndelivered(String recipient, long count) {
				undelivered.addAndGet(count);
			}
		};
		PekkoRpcService server = this.services.create("full-server", (b) -> b.flowControl(limits));
		PekkoRpcService client = this.services.create("full-client", (b) -> b.observer(observer));
		CountDownLatch gate = new CountDownLatch(1);
		FlowEndpoint endpoint = new FlowEndpoint(server, "full", Duration.ZERO, gate);
		endpoint.start();
		FlowGateway gateway = connect(client, endpoint.getAddress());
		List<CompletableFuture<Long>> calls = new ArrayList<>();
		try {
			calls.add(gateway.call(0, 0));
			await().atMost(BOUND).until(() -> busy(server, "full"));
			for (long i = 1; i < 11; i++) {
				calls.add(gateway.call(0, i));
			}
			await().atMost(BOUND).until(() -> depthOf(server, "full") == 10);
			CompletableFuture<Long> refusedCall = gateway.call(0, 11);
			assertThat(refusedCall).failsWithin(BOUND)
				.withThrowableOfType(ExecutionException.class)
				.withMessageContaining("mailbox is full")
				.withMessageContaining("actorrpc.flow-control.mailbox-capacity");
			for (int i = 0; i < 5; i++) {
				gateway.record(1, i, NO_PAYLOAD);
			}
			await().atMost(BOUND).until(() -> undelivered.get() == 5);
		}
		finally {
			gate.countDown();
		}
		for (CompletableFuture<Long> call : calls) {
			assertThat(call.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isNotNull();
		}
		assertThat(gateway.received().get(30, TimeUnit.SECONDS)).isEqualTo(11);
	}

	@Test
	void busyButAlivePeerIsNeverReportedUnreachable() throws Exception {
		PekkoRpcService server = this.services.create("busy-server");
		PekkoRpcService client = this.services.create("busy-client", (b) -> b.askTimeout(BOUND));
		FlowEndpoint endpoint = new FlowEndpoint(server, "busy", Duration.ofMillis(5), null);
		endpoint.start();
		FlowGateway gateway = connect(client, endpoint.getAddress());
		List<CompletableFuture<Long>> calls = new ArrayList<>();
		// At least 2 s of backlog: longer than peerUnreachableAfter (1.2 s), while probes must still get through.
		for (long i = 0; i < 400; i++) {
			calls.add(gateway.call(0, i));
		}
		for (CompletableFuture<Long> call : calls) {
			try {
				call.get(BOUND.toSeconds(), TimeUnit.SECONDS);
			}
			catch (ExecutionException ex) {
				assertThat(ex.getCause()).as("a live, busy peer is not unreachable")
					.isNotInstanceOf(RecipientUnreachableException.class);
				throw ex;
			}
		}
		assertThat(gateway.verdict().get(30, TimeUnit.SECONDS)).isEqualTo("ok");
	}

	private static int depthOf(PekkoRpcService service, String endpointId) {
		return view(service, endpointId).getMailboxDepth();
	}

	/** Whether the endpoint's main thread is inside a message (here: waiting at its gate). */
	private static boolean busy(PekkoRpcService service, String endpointId) {
		return view(service, endpointId).getCurrentMethod() != null;
	}

	private static RpcEndpointView view(PekkoRpcService service, String endpointId) {
		return service.getEndpointViews().stream().filter((view) -> view.getEndpointId().equals(endpointId))
			.findFirst().orElseThrow();
	}

	private static FlowGateway connect(PekkoRpcService client, String address) throws Exception {
		return client.connect(address, FlowGateway.class).get(BOUND.toSeconds(), TimeUnit.SECONDS);
	}

	/**
	 * An endpoint on the server whose main thread stays in its first message until the gate opens, and an endpoint
	 * on the client that forwards to it from its own main thread.
	 */
	private static Forwarding forwardingToStuckEndpoint(PekkoRpcService server, PekkoRpcService client,
			CountDownLatch gate) throws Exception {
		FlowEndpoint stuck = new FlowEndpoint(server, "stuck", Duration.ZERO, gate);
		stuck.start();
		FlowGateway remote = connect(client, stuck.getAddress());
		ForwardingEndpoint forwarder = new ForwardingEndpoint(client, "forwarder", remote);
		forwarder.start();
		return new Forwarding(stuck, remote, forwarder);
	}

	private record Forwarding(FlowEndpoint stuck, FlowGateway remote, ForwardingEndpoint forwarder) {
	}

}
