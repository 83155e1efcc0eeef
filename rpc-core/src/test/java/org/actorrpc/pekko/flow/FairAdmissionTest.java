package org.actorrpc.pekko.flow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.RpcEndpointView;
import org.actorrpc.exceptions.RecipientUnreachableException;
import org.actorrpc.exceptions.RpcRuntimeException;
import org.actorrpc.exceptions.RpcTimeoutException;
import org.actorrpc.pekko.FlowControlSettings;
import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.testutil.FlowEndpoint;
import org.actorrpc.testutil.FlowGateway;
import org.actorrpc.testutil.RpcServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Fair admission at a limit, with real services: callers that wait for room in a full local
 * mailbox, or for credit in an exhausted window to a remote endpoint over real TCP, are served
 * first come, first served, and a caller that comes later queues behind them. The endpoint is
 * {@link SteppedEndpoint}, whose main thread takes one message per step the test allows, so each
 * step frees exactly one place and the test sees who gets it. Every wait is bounded.
 */
class FairAdmissionTest {

	private static final Duration BOUND = Duration.ofSeconds(60);

	/** Long enough that no waiter of these tests reaches it unless the admission is broken. */
	private static final Duration LONG_OVERFLOW_TIMEOUT = Duration.ofSeconds(60);

	/** Where a caller waiting for capacity parks: in line for mailbox room, or in line for window credit. */
	private static final Set<String> LINES = Set.of("org.actorrpc.pekko.internal.WaitingLine",
			"org.actorrpc.pekko.internal.OutboundFlow");

	@RegisterExtension
	final RpcServices services = new RpcServices();

	private final AtomicReference<Throwable> senderFailure = new AtomicReference<>();

	@Test
	void callersWaitingForRoomInAFullMailboxAreServedOneByOneInTheOrderTheyStartedWaiting() throws Exception {
		Stepped stepped = startStepped("fair-local", LONG_OVERFLOW_TIMEOUT);
		SteppedEndpoint endpoint = stepped.endpoint();
		SteppedGateway gateway = stepped.gateway();
		try {
			fillMailbox(stepped);
			List<Thread> waiters = startWaitersInTurn(3, (sender) -> gateway.send(sender, 0));
			assertServedOneByOneInOrder(endpoint, waiters);
		}
		finally {
			endpoint.step(100);
		}
		assertArrivals(gateway, "0:0,0:1,1:0,2:0,3:0", "the filling messages, then the waiters in turn");
		assertThat(this.senderFailure.get()).isNull();
	}

	@Test
	void callersWaitingForCreditToARemoteEndpointAreServedInTheOrderTheyStartedWaitingAsFarAsEachGrantGoes()
			throws Exception {
		// A window of 8 is granted two messages at a time, so each grant serves two waiters.
		FlowControlSettings limits = FlowControlSettings.defaults().withWindow(8, 1024 * 1024)
			.withOverflowTimeout(LONG_OVERFLOW_TIMEOUT);
		PekkoRpcService server = this.services.create("fair-server", (b) -> b.flowControl(limits));
		PekkoRpcService client = this.services.create("fair-client", (b) -> b.flowControl(limits));
		SteppedEndpoint endpoint = new SteppedEndpoint(server, "stepped");
		endpoint.start();
		SteppedGateway gateway = connect(client, endpoint.getAddress());
		try {
			// 0:0 is taken by the main thread, which owes its credit until it takes 0:1; 0:1 to 0:7 wait in
			// the mailbox: 8 in flight, the window is exhausted.
			gateway.send(0, 0);
			await().atMost(BOUND).until(() -> busy(server, "stepped"));
			for (long sequence = 1; sequence <= 7; sequence++) {
				gateway.send(0, sequence);
			}
			await().atMost(BOUND).until(() -> view(server, "stepped").getMailboxDepth() >= 7);
			List<Thread> waiters = startWaitersInTurn(4, (sender) -> gateway.send(sender, 0));
			// Taking 0:1 returns the credit of 0:0 and 0:1: the first two waiters get it, the others wait on.
			endpoint.step(1);
			assertServed(waiters.subList(0, 2), waiters.subList(2, 4));
			// Taking 0:3 returns the credit of 0:2 and 0:3: the last two.
			endpoint.step(2);
			assertServed(waiters.subList(2, 4), List.of());
		}
		finally {
			endpoint.step(100);
		}
		await().atMost(BOUND).until(() -> arrivals(gateway).split(",").length == 12);
		List<String> arrivals = List.of(arrivals(gateway).split(","));
		assertThat(arrivals.subList(0, 8)).as("the window's messages")
			.containsExactly("0:0", "0:1", "0:2", "0:3", "0:4", "0:5", "0:6", "0:7");
		// Two waiters served by one grant send as their threads run; a later grant's waiters send after them.
		assertThat(arrivals.subList(8, 10)).as("the first grant's waiters").containsExactlyInAnyOrder("1:0", "2:0");
		assertThat(arrivals.subList(10, 12)).as("the second grant's waiters").containsExactlyInAnyOrder("3:0", "4:0");
		assertThat(this.senderFailure.get()).isNull();
	}

	@Test
	void fastSendersSharingASlowEndpointAllProgressAndNoneWaitsAnywhereNearTheOverflowTimeout() throws Exception {
		FlowControlSettings limits = FlowControlSettings.defaults().withMailboxCapacity(16)
			.withOverflowTimeout(LONG_OVERFLOW_TIMEOUT);
		PekkoRpcService service = this.services.create("fair-load", (b) -> b.flowControl(limits));
		FlowEndpoint endpoint = new FlowEndpoint(service, "slow", Duration.ofMillis(1), null);
		endpoint.start();
		FlowGateway gateway = service.connect(endpoint.getAddress(), FlowGateway.class)
			.get(BOUND.toSeconds(), TimeUnit.SECONDS);
		assertFastSendersAllProgress(gateway);
	}

	@Test
	void fastSendersSharingAWindowToASlowRemoteEndpointAllProgressAndNoneWaitsAnywhereNearTheOverflowTimeout()
			throws Exception {
		FlowControlSettings limits = FlowControlSettings.defaults().withWindow(16, 1024 * 1024)
			.withOverflowTimeout(LONG_OVERFLOW_TIMEOUT);
		PekkoRpcService server = this.services.create("fair-window-server", (b) -> b.flowControl(limits));
		PekkoRpcService client = this.services.create("fair-window-client", (b) -> b.flowControl(limits));
		FlowEndpoint endpoint = new FlowEndpoint(server, "slow", Duration.ofMillis(1), null);
		endpoint.start();
		FlowGateway gateway = client.connect(endpoint.getAddress(), FlowGateway.class)
			.get(BOUND.toSeconds(), TimeUnit.SECONDS);
		assertFastSendersAllProgress(gateway);
	}

	@Test
	void waiterWhoseCallTimesOutLeavesTheLineAndTheNextWaiterIsServed() throws Exception {
		Stepped stepped = startStepped("fair-timeout", LONG_OVERFLOW_TIMEOUT);
		SteppedEndpoint endpoint = stepped.endpoint();
		SteppedGateway gateway = stepped.gateway();
		try {
			fillMailbox(stepped);
			AtomicReference<CompletableFuture<Long>> impatient = new AtomicReference<>();
			Thread first = startSender("impatient", () -> impatient.set(gateway.ask(1, 0, Duration.ofSeconds(2))));
			awaitInLine(first);
			Thread second = startSender("patient", () -> gateway.send(2, 0));
			awaitInLine(second);
			first.join(BOUND.toMillis());
			assertThat(first.isAlive()).as("the impatient caller left the line").isFalse();
			assertThat(impatient.get()).failsWithin(BOUND)
				.withThrowableOfType(ExecutionException.class)
				.withCauseInstanceOf(RpcTimeoutException.class);
			assertThat(second.isAlive()).as("the patient caller still waits: nothing has room").isTrue();
			endpoint.step(1);
			second.join(BOUND.toMillis());
			assertThat(second.isAlive()).as("the patient caller got the place").isFalse();
		}
		finally {
			endpoint.step(100);
		}
		assertArrivals(gateway, "0:0,0:1,2:0", "the call that timed out was never enqueued");
		assertThat(this.senderFailure.get()).isNull();
	}

	@Test
	void waiterThatReachesTheOverflowTimeoutFailsNamingThePropertyAndLeavesTheLineClean() throws Exception {
		Stepped stepped = startStepped("fair-overflow", Duration.ofSeconds(2));
		SteppedEndpoint endpoint = stepped.endpoint();
		SteppedGateway gateway = stepped.gateway();
		try {
			fillMailbox(stepped);
			assertThatThrownBy(() -> gateway.send(1, 0)).isInstanceOf(RpcRuntimeException.class)
				.hasMessageContaining("mailbox is full")
				.hasMessageContaining("2000 ms")
				.hasMessageContaining("actorrpc.flow-control.overflow-timeout")
				.hasMessageContaining("actorrpc.flow-control.mailbox-capacity");
			// The caller that gave up left no turn behind: the next one is served as soon as there is room.
			Thread next = startSender("next", () -> gateway.send(2, 0));
			endpoint.step(1);
			next.join(BOUND.toMillis());
			assertThat(next.isAlive()).isFalse();
		}
		finally {
			endpoint.step(100);
		}
		assertArrivals(gateway, "0:0,0:1,2:0", "the caller that gave up was never enqueued");
		assertThat(this.senderFailure.get()).as("the next caller was admitted").isNull();
	}

	@Test
	void waiterIsReleasedWithAClearErrorWhenTheEndpointTerminatesWhileItsMailboxIsFull() throws Exception {
		Stepped stepped = startStepped("fair-crash", LONG_OVERFLOW_TIMEOUT);
		SteppedEndpoint endpoint = stepped.endpoint();
		SteppedGateway gateway = stepped.gateway();
		gateway.crash();
		await().atMost(BOUND).until(() -> busy(stepped.service(), "stepped"));
		gateway.send(0, 0);
		AtomicReference<CompletableFuture<Long>> waiting = new AtomicReference<>();
		Thread waiter = startSender("waiter", () -> waiting.set(gateway.ask(1, 0, BOUND)));
		awaitInLine(waiter);
		endpoint.step(1);
		waiter.join(BOUND.toMillis());
		assertThat(waiter.isAlive()).as("the waiter was released").isFalse();
		assertThat(waiting.get()).failsWithin(BOUND)
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(RecipientUnreachableException.class)
			.withMessageContaining(endpoint.getAddress())
			.withMessageContaining("terminated");
		assertThat(endpoint.getTerminationFuture()).failsWithin(BOUND);
	}

	/** A service whose mailboxes hold one message, with a stepped endpoint and a gateway to it. */
	private Stepped startStepped(String systemName, Duration overflowTimeout) throws Exception {
		FlowControlSettings limits = FlowControlSettings.defaults().withMailboxCapacity(1)
			.withOverflowTimeout(overflowTimeout);
		PekkoRpcService service = this.services.create(systemName, (b) -> b.flowControl(limits));
		SteppedEndpoint endpoint = new SteppedEndpoint(service, "stepped");
		endpoint.start();
		return new Stepped(service, endpoint, connect(service, endpoint.getAddress()));
	}

	/**
	 * Lets four senders send 250 messages each as fast as the endpoint (1 ms a message) takes them,
	 * then checks that every message arrived in order per sender and that no send waited anywhere
	 * near the overflow timeout.
	 */
	private void assertFastSendersAllProgress(FlowGateway gateway) throws Exception {
		int senders = 4;
		int perSender = 250;
		AtomicLong longestWaitNanos = new AtomicLong();
		List<Thread> threads = new ArrayList<>();
		byte[] noPayload = new byte[0];
		for (int s = 0; s < senders; s++) {
			int sender = s;
			threads.add(startSender("fast-sender-" + s, () -> {
				for (long i = 0; i < perSender; i++) {
					long start = System.nanoTime();
					gateway.record(sender, i, noPayload);
					longestWaitNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join(BOUND.toMillis() * 2);
			assertThat(thread.isAlive()).as("%s finished", thread.getName()).isFalse();
		}
		assertThat(this.senderFailure.get()).as("no send failed").isNull();
		long expected = (long) senders * perSender;
		await().atMost(BOUND).until(() -> gateway.received().get(30, TimeUnit.SECONDS) == expected);
		assertThat(gateway.verdict().get(30, TimeUnit.SECONDS)).as("every sender's messages in order").isEqualTo("ok");
		// Served in turn, a sender waits for the few senders ahead of it (a few ms each here), never for
		// the others' whole traffic; the bound only leaves room for a loaded machine.
		assertThat(Duration.ofNanos(longestWaitNanos.get())).isLessThan(LONG_OVERFLOW_TIMEOUT.dividedBy(6));
	}

	/** 0:0 is taken by the main thread (it waits for its step), 0:1 fills the one place. */
	private static void fillMailbox(Stepped stepped) throws Exception {
		stepped.gateway().send(0, 0);
		await().atMost(BOUND).until(() -> busy(stepped.service(), "stepped"));
		stepped.gateway().send(0, 1);
	}

	/** Waits until as many messages as expected arrived, then checks which, in order. */
	private static void assertArrivals(SteppedGateway gateway, String expected, String description)
			throws Exception {
		int count = expected.split(",").length;
		await().atMost(BOUND).until(() -> arrivals(gateway).split(",").length == count);
		assertThat(arrivals(gateway)).as(description).isEqualTo(expected);
	}

	/**
	 * Starts waiters one after the other, each once the one before waits in line.
	 * @param count how many; sender numbers 1 to {@code count}
	 * @param send what sender {@code n} does
	 * @return the waiting threads, in the order they started waiting
	 */
	private List<Thread> startWaitersInTurn(int count, SenderAction send) {
		List<Thread> waiters = new ArrayList<>();
		for (int sender = 1; sender <= count; sender++) {
			int number = sender;
			Thread waiter = startSender("waiter-" + number, () -> send.send(number));
			awaitInLine(waiter);
			waiters.add(waiter);
		}
		return waiters;
	}

	/** Frees one place per step and checks that the first waiter, and only it, takes it. */
	private void assertServedOneByOneInOrder(SteppedEndpoint endpoint, List<Thread> waiters) throws Exception {
		for (int i = 0; i < waiters.size(); i++) {
			endpoint.step(1);
			Thread served = waiters.get(i);
			served.join(BOUND.toMillis());
			assertThat(served.isAlive()).as("%s, first in line, got the place", served.getName()).isFalse();
			for (Thread later : waiters.subList(i + 1, waiters.size())) {
				// Woken to try, a later waiter parks again: it was not admitted.
				await().atMost(BOUND).until(() -> waitsInLine(later));
			}
		}
	}

	/** Checks that the served waiters finish their sends and the others still wait in line. */
	private static void assertServed(List<Thread> served, List<Thread> waiting) throws Exception {
		for (Thread thread : served) {
			thread.join(BOUND.toMillis());
			assertThat(thread.isAlive()).as("%s got credit", thread.getName()).isFalse();
		}
		for (Thread thread : waiting) {
			// A waiter wakes now and then to ask for credit, and parks again: it was not served.
			await().atMost(BOUND).until(() -> waitsInLine(thread));
		}
	}

	private Thread startSender(String name, ThrowingRunnable body) {
		Thread thread = new Thread(() -> {
			try {
				body.run();
			}
			catch (Throwable ex) {
				this.senderFailure.compareAndSet(null, ex);
			}
		}, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	private static void awaitInLine(Thread thread) {
		await().atMost(BOUND).until(() -> waitsInLine(thread));
	}

	/**
	 * Whether the thread is parked in a line of callers waiting for capacity: for mailbox room, or
	 * for window credit.
	 */
	private static boolean waitsInLine(Thread thread) {
		Thread.State state = thread.getState();
		return (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING)
				&& Arrays.stream(thread.getStackTrace()).anyMatch((frame) -> LINES.contains(frame.getClassName()));
	}

	private static String arrivals(SteppedGateway gateway) throws Exception {
		return gateway.arrivals().get(BOUND.toSeconds(), TimeUnit.SECONDS);
	}

	/** Whether the endpoint's main thread is inside a message (here: waiting for its step). */
	private static boolean busy(PekkoRpcService service, String endpointId) {
		return view(service, endpointId).getCurrentMethod() != null;
	}

	private static RpcEndpointView view(PekkoRpcService service, String endpointId) {
		return service.getEndpointViews().stream().filter((view) -> view.getEndpointId().equals(endpointId))
			.findFirst().orElseThrow();
	}

	private static SteppedGateway connect(PekkoRpcService client, String address) throws Exception {
		return client.connect(address, SteppedGateway.class).get(BOUND.toSeconds(), TimeUnit.SECONDS);
	}

	private record Stepped(PekkoRpcService service, SteppedEndpoint endpoint, SteppedGateway gateway) {
	}

	@FunctionalInterface
	private interface ThrowingRunnable {

		void run() throws Exception;

	}

	@FunctionalInterface
	private interface SenderAction {

		void send(int sender) throws Exception;

	}

}
