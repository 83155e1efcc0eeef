package org.actorrpc.pekko;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcService;
import org.actorrpc.testutil.Bounded;
import org.actorrpc.testutil.RpcServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The single-thread guarantee under concurrent remote callers, and FIFO order per sender.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleThreadedExecutionTest {

	private static final Duration BOUND = Duration.ofSeconds(60);

	private static final int CALLERS = 8;

	private static final int CALLS_PER_CALLER = 500;

	/** Three services shared by the tests of this class; each test uses its own endpoint. */
	@RegisterExtension
	static final RpcServices SERVICES = new RpcServices();

	private PekkoRpcService server;

	private PekkoRpcService clientA;

	private PekkoRpcService clientB;

	@BeforeAll
	void startServices() {
		this.server = SERVICES.create("server");
		this.clientA = SERVICES.create("client-a");
		this.clientB = SERVICES.create("client-b");
	}

	@Test
	void eightConcurrentRemoteCallersSeeExactCountsOneThreadAndNoOverlap() throws Exception {
		PekkoRpcService server = this.server;
		PekkoRpcService clientA = this.clientA;
		PekkoRpcService clientB = this.clientB;
		CounterEndpoint endpoint = new CounterEndpoint(server, "counter");
		endpoint.start();
		CounterGateway viaA = Bounded.get(clientA.connect(endpoint.getAddress(), CounterGateway.class), BOUND);
		CounterGateway viaB = Bounded.get(clientB.connect(endpoint.getAddress(), CounterGateway.class), BOUND);
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<Void>> callers = new ArrayList<>();

		for (int c = 0; c < CALLERS; c++) {
			CounterGateway gateway = (c % 2 == 0) ? viaA : viaB;
			callers.add(CompletableFuture.runAsync(() -> callRepeatedly(gateway, go), daemonThread("caller-" + c)));
		}
		go.countDown();

		Bounded.get(CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new)), BOUND);
		assertThat(Bounded.get(viaA.count(), BOUND)).isEqualTo(CALLERS * CALLS_PER_CALLER);
		assertThat(endpoint.overlaps.get()).as("calls that ran while another call was running").isZero();
		assertThat(endpoint.threads).hasSize(1);
		assertThat(endpoint.threads.iterator().next().getName())
			.isEqualTo("actorrpc-" + server.getSettings().systemName() + "-counter");
	}

	private static void callRepeatedly(CounterGateway gateway, CountDownLatch go) {
		try {
			go.await(30, TimeUnit.SECONDS);
			// up to 16 calls in flight per caller, so that the mailbox really holds concurrent work
			Semaphore window = new Semaphore(16);
			List<CompletableFuture<Integer>> calls = new ArrayList<>(CALLS_PER_CALLER);
			for (int i = 0; i < CALLS_PER_CALLER; i++) {
				if (!window.tryAcquire(30, TimeUnit.SECONDS)) {
					throw new IllegalStateException("calls did not complete within 30 s");
				}
				CompletableFuture<Integer> call = gateway.increment();
				call.whenComplete((v, e) -> window.release());
				calls.add(call);
			}
			CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static java.util.concurrent.Executor daemonThread(String name) {
		return command -> {
			Thread thread = new Thread(command, name);
			thread.setDaemon(true);
			thread.start();
		};
	}

	@Test
	void tenThousandFireAndForgetCallsFromOneSenderArriveInOrder() throws Exception {
		PekkoRpcService server = this.server;
		PekkoRpcService client = this.clientB;
		CounterEndpoint endpoint = new CounterEndpoint(server, "fifo");
		endpoint.start();
		CounterGateway gateway = Bounded.get(client.connect(endpoint.getAddress(), CounterGateway.class), BOUND);
		int calls = 10_000;

		for (int i = 0; i < calls; i++) {
			gateway.record(i);
		}

		await().atMost(BOUND).until(() -> Bounded.get(gateway.recorded(), BOUND) == calls);
		assertThat(endpoint.outOfOrder.get()).as("messages that arrived before an earlier one").isZero();
		assertThat(endpoint.lastRecorded).isEqualTo(calls - 1);
	}

	@Test
	void fireAndForgetAndRequestsFromOneSenderKeepTheirRelativeOrder() throws Exception {
		PekkoRpcService server = this.server;
		PekkoRpcService client = this.clientB;
		CounterEndpoint endpoint = new CounterEndpoint(server, "mixed");
		endpoint.start();
		CounterGateway gateway = Bounded.get(client.connect(endpoint.getAddress(), CounterGateway.class), BOUND);

		for (int i = 0; i < 1000; i++) {
			gateway.record(i);
		}
		// A request sent after the tells is answered after all of them were processed.
		assertThat(Bounded.get(gateway.recorded(), BOUND)).isEqualTo(1000);
		assertThat(endpoint.outOfOrder.get()).isZero();
	}

	/** Gateway of {@link CounterEndpoint}. */
	public interface CounterGateway extends RpcGateway {

		CompletableFuture<Integer> increment();

		CompletableFuture<Integer> count();

		void record(int sequence);

		CompletableFuture<Integer> recorded();

	}

	/** Keeps deliberately unsynchronized state and detects overlapping execution. */
	static class CounterEndpoint extends RpcEndpoint implements CounterGateway {

		final AtomicInteger overlaps = new AtomicInteger();

		final AtomicInteger outOfOrder = new AtomicInteger();

		final Set<Thread> threads = ConcurrentHashMap.newKeySet();

		private final AtomicInteger inside = new AtomicInteger();

		private int counter;

		private int recordedCount;

		volatile int lastRecorded = -1;

		CounterEndpoint(RpcService rpcService, String endpointId) {
			super(rpcService, endpointId);
		}

		@Override
		public CompletableFuture<Integer> increment() {
			if (this.inside.incrementAndGet() != 1) {
				this.overlaps.incrementAndGet();
			}
			this.threads.add(Thread.currentThread());
			int read = this.counter;
			// widen the read-modify-write window: a second thread in here would lose updates
			for (int i = 0; i < 50; i++) {
				Thread.onSpinWait();
			}
			this.counter = read + 1;
			this.inside.decrementAndGet();
			return CompletableFuture.completedFuture(read + 1);
		}

		@Override
		public CompletableFuture<Integer> count() {
			return CompletableFuture.completedFuture(this.counter);
		}

		@Override
		public void record(int sequence) {
			if (sequence != this.lastRecorded + 1) {
				this.outOfOrder.incrementAndGet();
			}
			this.lastRecorded = sequence;
			this.recordedCount++;
		}

		@Override
		public CompletableFuture<Integer> recorded() {
			return CompletableFuture.completedFuture(this.recordedCount);
		}

	}

}
