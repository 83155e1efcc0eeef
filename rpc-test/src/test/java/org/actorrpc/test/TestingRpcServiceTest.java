package org.actorrpc.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.actorrpc.FencedRpcEndpoint;
import org.actorrpc.FencedRpcGateway;
import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcService;
import org.actorrpc.exceptions.EndpointNotStartedException;
import org.actorrpc.exceptions.FencingTokenException;
import org.actorrpc.exceptions.HandshakeException;
import org.actorrpc.exceptions.RecipientUnreachableException;
import org.actorrpc.exceptions.RpcConnectionException;
import org.actorrpc.exceptions.RpcTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The testing service's main-thread model, virtual time, call semantics, fakes, fencing and
 * lifecycle — the behaviour the test kit's users rely on.
 */
class TestingRpcServiceTest {

	private final List<TestingRpcService> services = new ArrayList<>();

	@AfterEach
	void closeServices() {
		this.services.forEach(TestingRpcService::close);
	}

	private TestingRpcService automatic() {
		TestingRpcService service = TestingRpcService.create();
		this.services.add(service);
		return service;
	}

	private TestingRpcService manual() {
		TestingRpcService service = TestingRpcService.manual();
		this.services.add(service);
		return service;
	}

	private static CounterGateway connect(RpcService service, String endpointId) {
		return service.connect(service.getEndpointAddress(endpointId), CounterGateway.class).join();
	}

	// ------------------------------------------------------------------------
	// Main thread
	// ------------------------------------------------------------------------

	@Test
	void mainThreadCheckPassesInsideTasksAndFailsOutside() {
		TestingRpcService service = automatic();
		CounterEndpoint endpoint = new CounterEndpoint(service, "counter");
		endpoint.start();

		assertThat(endpoint.events).containsExactly("started");
		assertThatThrownBy(endpoint::validateRunsInMainThread).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("must be called from within the main thread of endpoint 'counter'")
			.hasMessageContaining(Thread.currentThread().getName());
		CompletableFuture<String> inside = new CompletableFuture<>();
		endpoint.runNow(() -> {
			endpoint.validateRunsInMainThread();
			inside.complete("checked");
		});
		assertThat(inside).isCompletedWithValue("checked");
	}

	@Test
	void anotherEndpointsTaskIsNotThisEndpointsMainThread() {
		TestingRpcService service = automatic();
		CounterEndpoint first = new CounterEndpoint(service, "first");
		CounterEndpoint second = new CounterEndpoint(service, "second");
		first.start();
		second.start();
		CompletableFuture<Throwable> outcome = new CompletableFuture<>();

		first.runNow(() -> {
			try {
				second.validateRunsInMainThread();
				outcome.complete(null);
			}
			catch (IllegalStateException ex) {
				outcome.complete(ex);
			}
		});

		assertThat(outcome.join()).isInstanceOf(IllegalStateException.class).hasMessageContaining("'second'");
	}

	// ------------------------------------------------------------------------
	// Driving
	// ------------------------------------------------------------------------

	@Test
	void automaticServiceAnswersBeforeTheCallReturns() {
		TestingRpcService service = automatic();
		new CounterEndpoint(service, "counter").start();
		CounterGateway gateway = connect(service, "counter");

		assertThat(gateway.increment()).isCompletedWithValue(1);
		gateway.add(5);
		assertThat(gateway.get()).isEqualTo(6);
		assertThat(service.isIdle()).isTrue();
	}

	@Test
	void manualServiceQueuesUntilTheTestRunsIt() {
		TestingRpcService service = manual();
		CounterEndpoint endpoint = new CounterEndpoint(service, "counter");
		endpoint.start();
		CounterGateway gateway = connect(service, "counter");

		CompletableFuture<Integer> first = gateway.increment();
		gateway.add(10);
		CompletableFuture<Integer> second = gateway.increment();

		assertThat(service.queuedTasks(endpoint)).isEqualTo(4);
		assertThat(first).isNotDone();
		assertThat(service.runNext(endpoint)).as("onStart").isTrue();
		assertThat(service.runNext(endpoint)).as("first increment").isTrue();
		assertThat(endpoint.events).containsExactly("started", "increment");
		assertThat(first).as("the answer is delivered as a task of the service").isNotDone();

		service.runUntilIdle();

		assertThat(first).isCompletedWithValue(1);
		assertThat(second).isCompletedWithValue(12);
		assertThat(endpoint.events).containsExactly("started", "increment", "add 10", "increment");
		assertThat(service.runNext()).isFalse();
	}

	@Test
	void runNextOfOneEndpointLeavesTheOthersQueued() {
		TestingRpcService service = manual();
		CounterEndpoint first = new CounterEndpoint(service, "first");
		CounterEndpoint second = new CounterEndpoint(service, "second");
		first.start();
		second.start();

		service.runNext(second);

		assertThat(second.events).containsExactly("started");
		assertThat(first.events).isEmpty();
		assertThat(service.queuedTasks(first)).isEqualTo(1);
	}

	@Test
	void tasksRunInTheOrderTheyWereQueuedAcrossEndpoints() {
		TestingRpcService service = manual();
		CounterEndpoint a = new CounterEndpoint(service, "a");
		CounterEndpoint b = new CounterEndpoint(service, "b");
		List<String> order = new ArrayList<>();
		a.start();
		b.start();
		a.runNow(() -> order.add("a1"));
		b.runNow(() -> order.add("b1"));
		a.runNow(() -> order.add("a2"));
		b.runNow(() -> order.add("b2"));

		service.runUntilIdle();

		assertThat(order).containsExactly("a1", "b1", "a2", "b2");
	}

	@Test
	void aTaskThatKeepsRequeueingItselfIsReportedInsteadOfHanging() {
		TestingRpcService service = manual();
		CounterEndpoint endpoint = new CounterEndpoint(service, "busy");
		endpoint.start();
		Runnable[] loop = new Runnable[1];
		loop[0] = () -> endpoint.runNow(loop[0]);
		endpoint.runNow(loop[0]);

		assertThatThrownBy(service::runUntilIdle).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("without becoming idle");
	}

	// ------------------------------------------------------------------------
	// Virtual time
	// ------------------------------------------------------------------------

	@Test
	void endpointsReadTheVirtualClock() {
		TestingRpcService service = TestingRpcService.builder().startTime(Instant.parse("2030-05-01T10:00:00Z")).build();
		this.services.add(service);
		CounterEndpoint endpoint = new CounterEndpoint(service, "clock");
		endpoint.start();
		CounterGateway gateway = connect(service, "clock");

		assertThat(endpoint.clock()).isSameAs(service.getClock());
		assertThat(gateway.nowMillis().join()).isEqualTo(Instant.parse("2030-05-01T10:00:00Z").toEpochMilli());
		service.advanceTime(Duration.ofMinutes(3));
		assertThat(gateway.nowMillis().join()).isEqualTo(Instant.parse("2030-05-01T10:03:00Z").toEpochMilli());
	}

	@Test
	void scheduledRunsFireInDueOrderEachAtItsOwnTime() {
		TestingRpcService service = automatic();
		CounterEndpoint endpoint = new CounterEndpoint(service, "timers");
		endpoint.start();
		Instant start = service.getClock().instant();
		List<String> fired = new ArrayList<>();
		endpoint.runNow(() -> {
			endpoint.runLater(() -> fired.add("5s at " + Duration.between(start, endpoint.clock().instant())),
					Duration.ofSeconds(5));
			endpoint.runLater(() -> {
				fired.add("1s at " + Duration.between(start, endpoint.clock().instant()));
				// Set while time advances: it falls due within the same advance and fires in order.
				endpoint.runLater(() -> fired.add("1s+2s at " + Duration.between(start, endpoint.clock().instant())),
						Duration.ofSeconds(2));
			}, Duration.ofSeconds(1));
		});

		service.advanceTime(Duration.ofMillis(999));
		assertThat(fired).isEmpty();
		service.advanceTime(Duration.ofSeconds(9));

		assertThat(fired).containsExactly("1s at PT1S", "1s+2s at PT3S", "5s at PT5S");
		assertThat(service.getClock().instant()).isEqualTo(start.plusMillis(9999));
	}

	@Test
	void anAnswerThatWaitsForATimerArrivesWhenTimePasses() {
		TestingRpcService service = automatic();
		new CounterEndpoint(service, "echo").start();
		CounterGateway gateway = connect(service, "echo");

		CompletableFuture<String> answer = gateway.echoLater("hi", Duration.ofSeconds(2));

		assertThat(answer).isNotDone();
		service.advanceTime(Duration.ofSeconds(2));
		assertThat(answer).isCompletedWithValue("hi");
	}

	@Test
	void callAsyncTimesOutOnVirtualTime() {
		TestingRpcService service = manual();
		CounterEndpoint endpoint = new CounterEndpoint(service, "slow");
		endpoint.start();

		CompletableFuture<String> result = endpoint.call(() -> "late", Duration.ofSeconds(1));
		service.advanceTime(Duration.ZERO);
		assertThat(result).as("it ran on the main thread at once").isCompletedWithValue("late");

		CompletableFuture<String> stuck = endpoint.call(() -> "never run", Duration.ofSeconds(1));
		endpoint.runNow(() -> {
		});
		assertThat(stuck).isNotDone();
		// The endpoint did not get to the task for a second: the clock moved while it stayed queued.
		service.getClock().advance(Duration.ofSeconds(1));
		service.runNext();
		assertThat(stuck).as("the due timer fires before the queued task runs").isCompletedExceptionally();
		assertThatThrownBy(stuck::join).hasCauseInstanceOf(RpcTimeoutException.class)
			.hasMessageContaining("callAsync on endpoint slow")
			.hasMessageContaining("1000 ms");
	}

	@Test
	void anUnansweredCallTimesOutWhenVirtualTimePassesItsTimeout() {
		TestingRpcService service = TestingRpcService.builder().askTimeout(Duration.ofSeconds(3)).build();
		this.services.add(service);
		new CounterEndpoint(service, "silent").start();
		CounterGateway gateway = connect(service, "silent");

		CompletableFuture<String> byDefault = gateway.never();
		CompletableFuture<String> byArgument = gateway.neverWithin(Duration.ofSeconds(10));
		service.advanceTime(Duration.ofMillis(2999));
		assertThat(byDefault).isNotDone();
		service.advanceTime(Duration.ofMillis(1));

		assertThatThrownBy(byDefault::join).hasCauseInstanceOf(RpcTimeoutException.class)
			.hasMessageContaining("CounterGateway.never()")
			.hasMessageContaining("3000 ms")
			.hasMessageContaining("ask timeout");
		assertThat(byArgument).isNotDone();
		service.advanceTime(Duration.ofSeconds(7));
		assertThatThrownBy(byArgument::join).hasCauseInstanceOf(RpcTimeoutException.class)
			.hasMessageContaining("@RpcTimeout argument");
	}

	@Test
	void scheduledExecutorRunsOnVirtualTimeAndCannotBeShutDownByCallers() {
		TestingRpcService service = automatic();
		AtomicInteger periodic = new AtomicInteger();
		List<Long> atMillis = new ArrayList<>();
		long start = service.getClock().millis();

		ScheduledFuture<?> fixedRate = service.getScheduledExecutor()
			.scheduleAtFixedRate(() -> atMillis.add(service.getClock().millis() - start), 100, 100,
					TimeUnit.MILLISECONDS);
		ScheduledFuture<?> once = service.getScheduledExecutor()
			.schedule(periodic::incrementAndGet, 250, TimeUnit.MILLISECONDS);
		service.advanceTime(Duration.ofMillis(350));

		assertThat(atMillis).containsExactly(100L, 200L, 300L);
		assertThat(once.isDone()).isTrue();
		assertThat(periodic).hasValue(1);
		fixedRate.cancel(false);
		service.advanceTime(Duration.ofSeconds(1));
		assertThat(atMillis).hasSize(3);
		assertThatThrownBy(() -> service.getScheduledExecutor().shutdown())
			.isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void timeCannotGoBackwards() {
		TestingRpcService service = automatic();
		assertThatThrownBy(() -> service.advanceTime(Duration.ofSeconds(-1)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("forward");
		assertThatThrownBy(() -> service.getClock().advance(Duration.ofSeconds(-1)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	// ------------------------------------------------------------------------
	// Blocking calls
	// ------------------------------------------------------------------------

	@Test
	void aBlockingCallRunsTheManualServiceUntilItsAnswerIsThere() {
		TestingRpcService service = manual();
		CounterEndpoint endpoint = new CounterEndpoint(service, "counter");
		endpoint.start();
		CounterGateway gateway = connect(service, "counter");
		gateway.add(3);

		assertThat(gateway.get()).isEqualTo(3);
		assertThat(endpoint.events).containsExactly("started", "add 3");
	}

	@Test
	void aBlockingCallFromAnEndpointToAnotherRunsTheOtherOneMeanwhile() {
		TestingRpcService service = automatic();
		new CounterEndpoint(service, "caller").start();
		new CounterEndpoint(service, "callee").start();
		connect(service, "callee").add(7);

		CompletableFuture<String> answer = connect(service, "caller").callOther(service.getEndpointAddress("callee"));

		assertThat(answer).isCompletedWithValue("other says 7");
	}

	@Test
	void aCycleOfBlockingCallsFailsAtOnceInsteadOfDeadlocking() {
		TestingRpcService service = automatic();
		new BlockingEndpoint(service, "ping").start();
		new BlockingEndpoint(service, "pong").start();
		BlockingGateway ping = service.connect(service.getEndpointAddress("ping"), BlockingGateway.class).join();

		// ping blocks on pong, which blocks on ping: ping is busy, so nothing can answer.
		assertThatThrownBy(() -> ping.callBack(service.getEndpointAddress("pong"), service.getEndpointAddress("ping")))
			.isInstanceOf(org.actorrpc.exceptions.RpcRuntimeException.class)
			.hasRootCauseInstanceOf(RpcTimeoutException.class)
			.rootCause()
			.hasMessageContaining("virtual time does not pass while a call blocks");
	}

	@Test
	void aBlockingCallOfAnEndpointToItselfIsRefused() {
		TestingRpcService service = automatic();
		new CounterEndpoint(service, "self").start();

		assertThatThrownBy(() -> connect(service, "self").getSelfBlocking()).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("Blocking call CounterGateway.get() refused");
	}

	// ------------------------------------------------------------------------
	// Connecting and fakes
	// ------------------------------------------------------------------------

	@Test
	void connectReturnsAGatewayThatCallsTheRegisteredFake() {
		TestingRpcService service = automatic();
		String address = "pekko://elsewhere@10.0.0.1:6123/user/rpc/counter";
		FakeCounter fake = new FakeCounter(address);
		service.registerGateway(address, fake);

		CounterGateway gateway = service.connect(address, CounterGateway.class).join();

		assertThat(gateway.increment()).isCompletedWithValue(41);
		assertThat(gateway.get()).isEqualTo(42);
		assertThat(gateway.getAddress()).isEqualTo(address);
		assertThat(fake.calls).containsExactly("increment", "get");
	}

	@Test
	void aFakeTakesPrecedenceOverAHostedEndpointAtTheSameAddress() {
		TestingRpcService service = automatic();
		new CounterEndpoint(service, "counter").start();
		service.registerGateway(service.getEndpointAddress("counter"), new FakeCounter("fake"));

		assertThat(connect(service, "counter").get()).isEqualTo(42);
		assertThat(service.unregisterGateway(service.getEndpointAddress("counter"))).isTrue();
		assertThat(connect(service, "counter").get()).isZero();
	}

	@Test
	void connectingToAnUnknownAddressFailsNamingWhatIsThere() {
		TestingRpcService service = automatic();
		new CounterEndpoint(service, "known").start();

		CompletableFuture<CounterGateway> connection = service.connect(service.getEndpointAddress("unknown"),
				CounterGateway.class);

		assertThatThrownBy(connection::join).hasCauseInstanceOf(RpcConnectionException.class)
			.hasMessageContaining("/user/rpc/unknown")
			.hasMessageContaining("/user/rpc/known")
			.hasMessageContaining("registerGateway");
	}

	@Test
	void connectingWithAGatewayTheTargetDoesNotImplementIsAHandshakeFailure() {
		TestingRpcService service = automatic();
		new CounterEndpoint(service, "counter").start();
		service.registerGateway("fake-address", new FakeCounter("fake-address"));

		assertThatThrownBy(() -> service.connect(service.getEndpointAddress("counter"), OtherGateway.class).join())
			.hasCauseInstanceOf(HandshakeException.class);
		assertThatThrownBy(() -> service.connect("fake-address", OtherGateway.class).join())
			.hasCauseInstanceOf(HandshakeException.class)
			.hasMessageContaining("FakeCounter");
	}

	// ------------------------------------------------------------------------
	// Fencing and lifecycle
	// ------------------------------------------------------------------------

	@Test
	void aFencedEndpointAcceptsOnlyItsOwnToken() {
		TestingRpcService service = automatic();
		UUID token = UUID.randomUUID();
		new FencedCounter(service, token).start();
		String address = service.getEndpointAddress("fenced");

		FencedCounterGateway right = service.connect(address, token, FencedCounterGateway.class).join();
		FencedCounterGateway wrong = service.connect(address, UUID.randomUUID(), FencedCounterGateway.class).join();
		FencedCounterGateway none = service.connect(address, FencedCounterGateway.class).join();

		assertThat(right.ping()).isCompletedWithValue("pong");
		assertThat(right.getFencingToken()).isEqualTo(token);
		assertThatThrownBy(() -> wrong.ping().join()).hasCauseInstanceOf(FencingTokenException.class)
			.hasMessageContaining("mismatch");
		assertThatThrownBy(() -> none.ping().join()).hasCauseInstanceOf(FencingTokenException.class)
			.hasMessageContaining("missing");
	}

	@Test
	void aFencedEndpointFollowingLeadershipRefusesCallsUntilItLeadsAsTheRealServiceDoes() {
		TestingRpcService service = automatic();
		LeaderCounter endpoint = new LeaderCounter(service);
		endpoint.start();
		UUID session = UUID.randomUUID();
		FencedCounterGateway gateway = service.connect(endpoint.getAddress(), session, FencedCounterGateway.class)
			.join();

		assertThatThrownBy(() -> gateway.ping().join()).hasCauseInstanceOf(FencingTokenException.class)
			.hasMessageContaining("Not the leader");
		endpoint.updateFencingToken(session);
		assertThat(gateway.ping()).isCompletedWithValue("pong");
		endpoint.updateFencingToken(null);
		assertThatThrownBy(() -> gateway.ping().join()).hasCauseInstanceOf(FencingTokenException.class)
			.hasMessageContaining("Not the leader");
	}

	@Test
	void aFencedConnectToAFakeChecksTheFakesToken() {
		TestingRpcService service = automatic();
		UUID token = UUID.randomUUID();
		service.registerGateway("fenced-fake", new FakeFencedCounter(token));

		assertThat(service.connect("fenced-fake", token, FencedCounterGateway.class).join().ping())
			.isCompletedWithValue("fake pong");
		assertThatThrownBy(
				() -> service.connect("fenced-fake", UUID.randomUUID(), FencedCounterGateway.class).join().ping().join())
			.hasCauseInstanceOf(FencingTokenException.class);
	}

	@Test
	void anEndpointThatIsNotStartedRefusesMessages() {
		TestingRpcService service = automatic();
		new CounterEndpoint(service, "idle");

		assertThatThrownBy(() -> connect(service, "idle").increment().join())
			.hasCauseInstanceOf(EndpointNotStartedException.class);
	}

	@Test
	void closingRunsOnStopAndLaterCallsFindTheRecipientUnreachable() {
		TestingRpcService service = automatic();
		CounterEndpoint endpoint = new CounterEndpoint(service, "closing");
		endpoint.start();
		CounterGateway gateway = connect(service, "closing");

		endpoint.closeAsync();

		assertThat(endpoint.getTerminationFuture()).isCompleted();
		assertThat(endpoint.stopped).isTrue();
		assertThatThrownBy(() -> gateway.increment().join()).hasCauseInstanceOf(RecipientUnreachableException.class);
		assertThatThrownBy(() -> service.connect(service.getEndpointAddress("closing"), CounterGateway.class).join())
			.hasCauseInstanceOf(RpcConnectionException.class);
		assertThat(service.getEndpointViews()).isEmpty();
	}

	@Test
	void messagesQueuedBehindTheEndOfAnEndpointAreRefusedAsUnreachable() {
		TestingRpcService service = manual();
		CounterEndpoint endpoint = new CounterEndpoint(service, "ending");
		endpoint.start();
		CounterGateway gateway = connect(service, "ending");
		endpoint.closeAsync();
		CompletableFuture<Integer> late = gateway.increment();

		service.runUntilIdle();

		assertThat(endpoint.getTerminationFuture()).isCompleted();
		assertThatThrownBy(late::join).hasCauseInstanceOf(RecipientUnreachableException.class);
	}

	@Test
	void anErrorInATaskTerminatesOnlyThatEndpoint() {
		TestingRpcService service = automatic();
		CounterEndpoint failing = new CounterEndpoint(service, "failing");
		CounterEndpoint healthy = new CounterEndpoint(service, "healthy");
		failing.start();
		healthy.start();

		failing.runNow(() -> {
			throw new AssertionError("boom");
		});

		assertThat(failing.getTerminationFuture()).isCompletedExceptionally();
		assertThat(service.getTaskFailures()).singleElement().hasToString("java.lang.AssertionError: boom");
		assertThat(connect(service, "healthy").increment()).isCompletedWithValue(1);
	}

	@Test
	void closingTheServiceStopsEveryEndpointAndRefusesNewOnes() {
		TestingRpcService service = TestingRpcService.manual();
		CounterEndpoint first = new CounterEndpoint(service, "first");
		CounterEndpoint second = new CounterEndpoint(service, "second");
		first.start();
		second.start();

		service.close();

		assertThat(first.stopped).isTrue();
		assertThat(second.stopped).isTrue();
		assertThat(service.getTerminationFuture()).isCompleted();
		assertThatThrownBy(() -> new CounterEndpoint(service, "late")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void endpointViewsShowStateAndQueueDepth() {
		TestingRpcService service = manual();
		CounterEndpoint endpoint = new CounterEndpoint(service, "viewed");
		endpoint.start();

		RpcEndpointView view = service.getEndpointViews().iterator().next();
		assertThat(view.getState()).isEqualTo(RpcEndpointView.State.CREATED);
		assertThat(view.getMailboxDepth()).isEqualTo(1);
		service.runUntilIdle();
		assertThat(view.getState()).isEqualTo(RpcEndpointView.State.STARTED);
		assertThat(view.getMailboxDepth()).isZero();
		assertThat(view.getGateways()).containsExactly(CounterGateway.class);
	}

	@Test
	void endpointViewsCountCallsPerMethodAsTheRealServiceDoes() {
		TestingRpcService service = automatic();
		new CounterEndpoint(service, "counted").start();
		CounterGateway gateway = connect(service, "counted");

		gateway.increment().join();
		gateway.increment().join();
		gateway.add(3);

		RpcEndpointView view = service.getEndpointViews().iterator().next();
		assertThat(view.getProcessedMessages()).isEqualTo(3);
		assertThat(view.getMethodStats()).extracting((stats) -> stats.method().method(), (stats) -> stats.count())
			.containsExactlyInAnyOrder(tuple("increment", 2L), tuple("add", 1L));
		assertThat(view.getCurrentMethod()).isNull();
	}

	@Test
	void twoEndpointsWithTheSameIdAreRefused() {
		TestingRpcService service = automatic();
		new CounterEndpoint(service, "twin");

		assertThatThrownBy(() -> new CounterEndpoint(service, "twin"))
			.isInstanceOf(org.actorrpc.exceptions.RpcRuntimeException.class)
			.hasMessageContaining("twin");
	}

	// ------------------------------------------------------------------------
	// Test fixtures
	// ------------------------------------------------------------------------

	interface OtherGateway extends org.actorrpc.RpcGateway {

		CompletableFuture<String> other();

	}

	interface FencedCounterGateway extends FencedRpcGateway<UUID> {

		CompletableFuture<String> ping();

	}

	interface BlockingGateway extends org.actorrpc.RpcGateway {

		String callBack(String address, String then);

	}

	static final class BlockingEndpoint extends org.actorrpc.RpcEndpoint implements BlockingGateway {

		BlockingEndpoint(RpcService service, String id) {
			super(service, id);
		}

		@Override
		public String callBack(String address, String then) {
			if (address == null) {
				return "answered by " + getEndpointId();
			}
			return getRpcService().connect(address, BlockingGateway.class).join().callBack(then, null);
		}

	}

	static final class FencedCounter extends FencedRpcEndpoint<UUID> implements FencedCounterGateway {

		FencedCounter(RpcService service, UUID token) {
			super(service, "fenced", token);
		}

		@Override
		public CompletableFuture<String> ping() {
			return CompletableFuture.completedFuture("pong");
		}

	}

	static final class LeaderCounter extends FencedRpcEndpoint<UUID> implements FencedCounterGateway {

		LeaderCounter(RpcService service) {
			super(service, "leader");
		}

		@Override
		public CompletableFuture<String> ping() {
			return CompletableFuture.completedFuture("pong");
		}

	}

	static final class FakeFencedCounter implements FencedCounterGateway {

		private final UUID token;

		FakeFencedCounter(UUID token) {
			this.token = token;
		}

		@Override
		public UUID getFencingToken() {
			return this.token;
		}

		@Override
		public CompletableFuture<String> ping() {
			return CompletableFuture.completedFuture("fake pong");
		}

		@Override
		public String getAddress() {
			return "fenced-fake";
		}

		@Override
		public String getHostname() {
			return "localhost";
		}

	}

}
