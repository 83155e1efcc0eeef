package org.actorrpc.pekko.flow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.RpcObserver;
import org.actorrpc.exceptions.RecipientUnreachableException;
import org.actorrpc.exceptions.RpcRuntimeException;
import org.actorrpc.pekko.FlowControlSettings;
import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.testutil.EchoGateway;
import org.actorrpc.testutil.EchoNodeProcess;
import org.actorrpc.testutil.FlowGateway;
import org.actorrpc.testutil.FlowNodeMain;
import org.actorrpc.testutil.RpcServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Flow control where a process has to survive overload or die mid-flight: the receiving endpoint
 * runs in a child JVM on 127.0.0.1.
 */
class FlowControlProcessTest {

	private static final Duration BOUND = Duration.ofSeconds(120);

	@RegisterExtension
	final RpcServices services = new RpcServices();

	@Test
	void slowConsumerInASmallHeapJvmStaysAliveWhileItsSiblingAnswersAndTheSenderSeesThePolicy() throws Exception {
		try (EchoNodeProcess node = this.services.register(EchoNodeProcess.start(List.of("-Xmx64m"),
				FlowNodeMain.class, RpcServices.uniqueName("small-heap"), "0", "2"))) {
			FlowControlSettings limits = FlowControlSettings.defaults().withOverflowTimeout(Duration.ofMillis(200));
			// This test is about memory and the policy: a starved child JVM on a loaded machine must not also
			// trip the liveness limit, which other tests cover.
			PekkoRpcService client = this.services.create("flooder",
					(b) -> b.flowControl(limits).peerUnreachableAfter(Duration.ofSeconds(30)));
			FlowGateway slow = client.connect(node.address(), FlowGateway.class).get(60, TimeUnit.SECONDS);
			EchoGateway sibling = client.connect(node.address().replace("/slow", "/echo"), EchoGateway.class)
				.get(60, TimeUnit.SECONDS);
			byte[] payload = new byte[8 * 1024];
			AtomicLong accepted = new AtomicLong();
			AtomicLong refusedByPolicy = new AtomicLong();
			AtomicReference<Throwable> unexpected = new AtomicReference<>();
			List<Thread> senders = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				int sender = t;
				Thread thread = new Thread(() -> {
					long sequence = 0;
					int refusals = 0;
					while (refusals < 3 && sequence < 5000) {
						try {
							slow.record(sender, sequence, payload);
							sequence++;
							accepted.incrementAndGet();
						}
						catch (RpcRuntimeException ex) {
							if (!ex.getMessage().contains("actorrpc.flow-control.window")) {
								unexpected.compareAndSet(null, ex);
								return;
							}
							refusals++;
							refusedByPolicy.incrementAndGet();
						}
					}
				}, "flooder-" + t);
				senders.add(thread);
				thread.start();
			}
			// While the flood runs, the sibling endpoint of the same service keeps answering.
			for (int i = 0; i < 5; i++) {
				assertThat(sibling.echo("still here " + i).get(30, TimeUnit.SECONDS)).isEqualTo("still here " + i);
			}
			for (Thread thread : senders) {
				thread.join(BOUND.toMillis());
				assertThat(thread.isAlive()).isFalse();
			}
			assertThat(unexpected.get()).isNull();
			assertThat(refusedByPolicy.get()).as("the sender saw the flow-control policy").isPositive();
			// A poll may time out while the slow endpoint still works through the flood; the next one asks again.
			await().atMost(BOUND).pollInterval(Duration.ofMillis(250))
				.ignoreExceptionsInstanceOf(ExecutionException.class)
				.until(() -> slow.received().get(30, TimeUnit.SECONDS) == accepted.get());
			assertThat(slow.verdict().get(30, TimeUnit.SECONDS)).isEqualTo("ok");
			assertThat(node.handle().isAlive()).as("the small-heap JVM survived").isTrue();
			assertThat(sibling.echo("after").get(30, TimeUnit.SECONDS)).isEqualTo("after");
		}
	}

	@Test
	void killedPeerFailsWhatWasInFlightReportsUnconfirmedMessagesAndIsReachableAgainAfterRestart() throws Exception {
		String systemName = RpcServices.uniqueName("killed");
		AtomicLong undelivered = new AtomicLong();
		RpcObserver observer = new RpcObserver() {
			@Override
			public void messagesUndelivered(String recipient, long count) {
				undelivered.addAndGet(count);
			}
		};
		PekkoRpcService client = this.services.create("survivor", (b) -> b.observer(observer));
		EchoNodeProcess node = EchoNodeProcess.start(List.of("-Xmx128m"), FlowNodeMain.class, systemName, "0", "50");
		int port = node.port();
		FlowGateway slow;
		try {
			slow = client.connect(node.address(), FlowGateway.class).get(60, TimeUnit.SECONDS);
			for (long i = 0; i < 100; i++) {
				slow.record(0, i, new byte[0]);
			}
			CompletableFuture<Long> inFlight = slow.call(1, 0);
			node.kill();
			assertThat(inFlight).failsWithin(BOUND).withThrowableOfType(ExecutionException.class)
				.withCauseInstanceOf(RecipientUnreachableException.class);
			await().atMost(BOUND).until(() -> undelivered.get() > 0);
			long started = System.nanoTime();
			assertThatThrownBy(() -> slow.record(0, 100, new byte[0])).isInstanceOf(RpcRuntimeException.class)
				.hasCauseInstanceOf(RecipientUnreachableException.class)
				.hasMessageContaining("fail at once");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		}
		finally {
			node.close();
		}
		try (EchoNodeProcess restarted = this.services.register(EchoNodeProcess.start(List.of("-Xmx128m"),
				FlowNodeMain.class, systemName, Integer.toString(port), "0"))) {
			await().atMost(BOUND).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
				.until(() -> slow.call(5, 0).get(10, TimeUnit.SECONDS) == 0L);
			assertThat(restarted.handle().isAlive()).isTrue();
		}
	}

}
