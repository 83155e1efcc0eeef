package org.actorrpc.pekko;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcService;
import org.actorrpc.exceptions.EndpointNotStartedException;
import org.actorrpc.exceptions.RecipientUnreachableException;
import org.actorrpc.testutil.Bounded;
import org.actorrpc.testutil.EchoEndpoint;
import org.actorrpc.testutil.EchoGateway;
import org.actorrpc.testutil.Failures;
import org.actorrpc.testutil.RpcServicePair;
import org.actorrpc.testutil.RpcServices;

import static org.actorrpc.testutil.Bounded.BOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Endpoint lifecycle: not started, started, stopping (onStop awaited while serving), terminated,
 * and the service's close (Flink's PekkoRpcActorTest / PekkoRpcServiceTest lifecycle cases).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RpcEndpointLifecycleTest {

	/** Long enough that "fails at once" can never be confused with a timeout. */
	private static final Duration LONG_ASK_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration AT_ONCE = Duration.ofSeconds(10);

	/**
	 * Services created in {@link #startServices()} are shared by the tests of this class (each
	 * test uses its own endpoint ids); tests that close a service create their own.
	 */
	@RegisterExtension
	static final RpcServices SERVICES = new RpcServices();

	private RpcServicePair services;

	private PekkoRpcService shared;

	@BeforeAll
	void startServices() {
		this.services = SERVICES.pair((b) -> b.askTimeout(LONG_ASK_TIMEOUT));
		this.shared = this.services.server();
	}

	@Test
	void callBeforeStartFailsWithEndpointNotStartedException() throws Exception {
		PekkoRpcService service = this.shared;
		EchoEndpoint endpoint = new EchoEndpoint(service, "not-started");
		EchoGateway gateway = Bounded.get(service.connect(endpoint.getAddress(), EchoGateway.class));

		Throwable failure = Failures.failureOf(gateway.echo("early"), AT_ONCE);

		assertThat(failure).isInstanceOf(EndpointNotStartedException.class);
		endpoint.start();
		assertThat(Bounded.get(gateway.echo("after start"))).isEqualTo("after start");
	}

	@Test
	void connectHandshakeSucceedsBeforeTheEndpointIsStarted() throws Exception {
		EchoEndpoint endpoint = new EchoEndpoint(this.shared, "not-started-remote");

		EchoGateway gateway = this.services.connect(endpoint, EchoGateway.class);

		assertThat(gateway.getAddress()).isEqualTo(endpoint.getAddress());
		assertThat(Failures.failureOf(gateway.echo("early"), AT_ONCE)).isInstanceOf(EndpointNotStartedException.class);
	}

	@Test
	void onStartRunsWhenTheEndpointStarts() throws Exception {
		PekkoRpcService service = this.shared;
		CompletableFuture<Boolean> runningInOnStart = new CompletableFuture<>();
		LifecycleEndpoint endpoint = new LifecycleEndpoint(service, "starts") {
			@Override
			protected void onStart() {
				runningInOnStart.complete(isRunning());
			}
		};

		endpoint.start();

		assertThat(Bounded.get(runningInOnStart)).isTrue();
	}

	@Test
	void suspendedEndpointAnswersEndpointNotStartedExceptionAndRunsOnStartAgainWhenRestarted() throws Exception {
		AtomicInteger onStartCalls = new AtomicInteger();
		LifecycleEndpoint endpoint = new LifecycleEndpoint(this.shared, "suspended") {
			@Override
			protected void onStart() {
				onStartCalls.incrementAndGet();
			}
		};
		endpoint.start();
		LifecycleGateway gateway = endpoint.getSelfGateway(LifecycleGateway.class);
		Bounded.get(gateway.mainThread());

		endpoint.suspend();

		assertThat(Failures.failureOf(gateway.mainThread(), AT_ONCE)).isInstanceOf(EndpointNotStartedException.class);
		endpoint.start();
		assertThat(Bounded.get(gateway.mainThread())).isNotNull();
		assertThat(onStartCalls.get()).isEqualTo(2);
	}

	@Test
	void failingOnStartFailsTheTerminationFutureWithTheCause() {
		PekkoRpcService service = this.shared;
		IllegalStateException cause = new IllegalStateException("onStart refused");
		LifecycleEndpoint endpoint = new LifecycleEndpoint(service, "fails-start") {
			@Override
			protected void onStart() {
				throw cause;
			}
		};

		endpoint.start();

		Throwable failure = Failures.failureOf(endpoint.getTerminationFuture(), BOUND);
		assertThat(Failures.findCause(failure, IllegalStateException.class)).isSameAs(cause);
	}

	@Test
	void terminationFutureCompletesOnlyAfterClose() throws Exception {
		PekkoRpcService service = this.shared;
		EchoEndpoint endpoint = new EchoEndpoint(service, "terminates");
		endpoint.start();
		Bounded.get(endpoint.getSelfGateway(EchoGateway.class).echo("round trip"));

		assertThat(endpoint.getTerminationFuture()).isNotDone();
		endpoint.closeAsync();

		assertThat(endpoint.getTerminationFuture()).succeedsWithin(BOUND);
	}

	@Test
	void onStopRunsOnTheMainThreadAndTheEndpointKeepsServingUntilItsFutureCompletes() throws Exception {
		PekkoRpcService service = this.shared;
		CompletableFuture<Void> stopDone = new CompletableFuture<>();
		CompletableFuture<Thread> onStopThread = new CompletableFuture<>();
		CompletableFuture<Boolean> runningInOnStop = new CompletableFuture<>();
		LifecycleEndpoint endpoint = new LifecycleEndpoint(service, "slow-stop") {
			@Override
			protected CompletableFuture<Void> onStop() {
				validateRunsInMainThread();
				onStopThread.complete(Thread.currentThread());
				runningInOnStop.complete(isRunning());
				return stopDone;
			}
		};
		endpoint.start();
		LifecycleGateway gateway = endpoint.getSelfGateway(LifecycleGateway.class);
		Thread mainThread = Bounded.get(gateway.mainThread());
		try {
			CompletableFuture<Void> termination = endpoint.closeAsync();

			assertThat(Bounded.get(onStopThread)).isSameAs(mainThread);
			assertThat(Bounded.get(runningInOnStop)).as("isRunning() inside onStop, as Flink").isTrue();
			assertThat(Bounded.get(gateway.mainThread()))
				.as("calls are still served while onStop's future is pending")
				.isSameAs(mainThread);
			assertThat(Bounded.get(gateway.running()))
				.as("isRunning() once onStop was called, while still terminating")
				.isFalse();
			assertThat(termination).isNotDone();

			stopDone.complete(null);

			assertThat(termination).succeedsWithin(BOUND);
		}
		finally {
			stopDone.complete(null);
		}
	}

	@Test
	void mainThreadExecutorStillRunsTasksWhileOnStopIsPending() throws Exception {
		PekkoRpcService service = this.shared;
		CompletableFuture<Thread> ranInExecutor = new CompletableFuture<>();
		AtomicReference<Thread> mainThread = new AtomicReference<>();
		LifecycleEndpoint endpoint = new LifecycleEndpoint(service, "executor-in-stop") {
			@Override
			protected CompletableFuture<Void> onStop() {
				mainThread.set(Thread.currentThread());
				return CompletableFuture.runAsync(() -> ranInExecutor.complete(Thread.currentThread()),
						getMainThreadExecutor());
			}
		};
		endpoint.start();

		assertThat(endpoint.closeAsync()).succeedsWithin(BOUND);
		assertThat(ranInExecutor.get(1, TimeUnit.SECONDS)).isSameAs(mainThread.get());
	}

	@Test
	void failingOnStopFutureFailsTheTerminationFuture() {
		PekkoRpcService service = this.shared;
		IllegalStateException cause = new IllegalStateException("could not stop cleanly");
		LifecycleEndpoint endpoint = new LifecycleEndpoint(service, "fails-stop") {
			@Override
			protected CompletableFuture<Void> onStop() {
				return CompletableFuture.failedFuture(cause);
			}
		};
		endpoint.start();

		Throwable failure = Failures.failureOf(endpoint.closeAsync(), BOUND);

		assertThat(Failures.findCause(failure, IllegalStateException.class)).isSameAs(cause);
	}

	@Test
	void callAfterTerminationFailsAtOnceWithRecipientUnreachableException() throws Exception {
		PekkoRpcService service = this.shared;
		EchoEndpoint endpoint = new EchoEndpoint(service, "terminated");
		endpoint.start();
		EchoGateway gateway = Bounded.get(service.connect(endpoint.getAddress(), EchoGateway.class));
		Bounded.get(endpoint.closeAsync());

		Throwable failure = Failures.failureOfCall(() -> gateway.echo("too late"), AT_ONCE);

		assertThat(failure).isInstanceOf(RecipientUnreachableException.class);
	}

	@Test
	void callQueuedBehindTheLastCallFailsWithRecipientUnreachableExceptionWhenOnStopCompletes() throws Exception {
		PekkoRpcService service = this.shared;
		CompletableFuture<Void> stopDone = new CompletableFuture<>();
		LifecycleEndpoint endpoint = new LifecycleEndpoint(service, "queued") {
			@Override
			protected CompletableFuture<Void> onStop() {
				return stopDone;
			}
		};
		endpoint.start();
		LifecycleGateway gateway = endpoint.getSelfGateway(LifecycleGateway.class);
		CompletableFuture<Void> inBlockingCall = new CompletableFuture<>();
		CompletableFuture<Void> release = new CompletableFuture<>();
		endpoint.closeAsync();
		CompletableFuture<Integer> running = gateway.blockUntil(inBlockingCall, release, 42);
		Bounded.get(inBlockingCall);
		CompletableFuture<Integer> queued = gateway.blockUntil(new CompletableFuture<>(),
				CompletableFuture.completedFuture(null), 43);

		// onStop completes while the first call still runs: the running call finishes, the queued
		// one is answered as unreachable (not executed, not timed out).
		stopDone.complete(null);
		release.complete(null);

		assertThat(Bounded.get(running)).isEqualTo(42);
		assertThat(Failures.failureOf(queued, AT_ONCE)).isInstanceOf(RecipientUnreachableException.class);
		assertThat(endpoint.blockCalls.get()).isEqualTo(1);
	}

	@Test
	void closingTwiceCallsOnStopOnlyOnce() throws Exception {
		PekkoRpcService service = this.shared;
		AtomicInteger onStopCalls = new AtomicInteger();
		CompletableFuture<Void> stopDone = new CompletableFuture<>();
		LifecycleEndpoint endpoint = new LifecycleEndpoint(service, "close-twice") {
			@Override
			protected CompletableFuture<Void> onStop() {
				onStopCalls.incrementAndGet();
				return stopDone;
			}
		};
		endpoint.start();

		CompletableFuture<Void> first = endpoint.closeAsync();
		CompletableFuture<Void> second = endpoint.closeAsync();
		stopDone.complete(null);

		assertThat(first).succeedsWithin(BOUND);
		assertThat(second).succeedsWithin(BOUND);
		assertThat(onStopCalls.get()).isEqualTo(1);
	}

	@Test
	void endpointIdIsReusableAfterTermination() throws Exception {
		PekkoRpcService service = this.shared;
		EchoEndpoint first = new EchoEndpoint(service, "reused");
		first.start();
		String address = first.getAddress();
		Bounded.get(first.closeAsync());

		EchoEndpoint second = new EchoEndpoint(service, "reused");
		second.start();

		assertThat(second.getAddress()).isEqualTo(address);
		EchoGateway gateway = this.services.connect(address, EchoGateway.class);
		assertThat(Bounded.get(gateway.echo("again"))).isEqualTo("again");
	}

	@Test
	void endpointIdIsReusableAfterTerminationForACallerThatTalkedToThePreviousEndpoint() throws Exception {
		EchoEndpoint first = new EchoEndpoint(this.shared, "reused-after-calls");
		first.start();
		String address = first.getAddress();
		EchoGateway oldGateway = this.services.connect(address, EchoGateway.class);
		assertThat(Bounded.get(oldGateway.echo("first"))).isEqualTo("first");
		Bounded.get(first.closeAsync());

		EchoEndpoint second = new EchoEndpoint(this.shared, "reused-after-calls");
		second.start();

		EchoGateway newGateway = this.services.connect(address, EchoGateway.class);
		assertThat(Bounded.get(newGateway.echo("second"))).isEqualTo("second");
		assertThat(Bounded.get(oldGateway.echo("old gateway, new endpoint")))
			.as("an address names an endpoint id, not one incarnation")
			.isEqualTo("old gateway, new endpoint");
	}

	@Test
	void registeringASecondRunningEndpointWithTheSameIdIsRejected() {
		PekkoRpcService service = this.shared;
		new EchoEndpoint(service, "duplicate").start();

		assertThatThrownBy(() -> new EchoEndpoint(service, "duplicate"))
			.isInstanceOf(org.actorrpc.exceptions.RpcRuntimeException.class)
			.hasMessageContaining("duplicate");
	}

	@Test
	void terminationFutureCallbackCanCreateAndStartAnotherEndpoint() throws Exception {
		PekkoRpcService service = this.shared;
		EchoEndpoint first = new EchoEndpoint(service, "first");
		first.start();
		CompletableFuture<String> fromSuccessor = first.getTerminationFuture().thenCompose(ignored -> {
			EchoEndpoint successor = new EchoEndpoint(service, "successor");
			successor.start();
			return successor.getSelfGateway(EchoGateway.class).echo("successor up");
		});

		first.closeAsync();

		assertThat(fromSuccessor).succeedsWithin(BOUND).isEqualTo("successor up");
	}

	@Test
	void closingTheServiceTerminatesItsEndpointsAndWaitsForTheirOnStop() throws Exception {
		PekkoRpcService service = new PekkoRpcService(SERVICES.settings("closing").build());
		List<CompletableFuture<Void>> stops = new CopyOnWriteArrayList<>();
		List<LifecycleEndpoint> endpoints = new java.util.ArrayList<>();
		try {
			for (int i = 0; i < 5; i++) {
				CompletableFuture<Void> stopDone = new CompletableFuture<>();
				stops.add(stopDone);
				LifecycleEndpoint endpoint = new LifecycleEndpoint(service, "endpoint-" + i) {
					@Override
					protected CompletableFuture<Void> onStop() {
						return stopDone;
					}
				};
				endpoint.start();
				endpoints.add(endpoint);
			}

			CompletableFuture<Void> closed = service.closeAsync();
			assertThat(service.closeAsync()).as("closeAsync is idempotent").isSameAs(closed);
			for (int i = 0; i < 4; i++) {
				stops.get(i).complete(null);
			}
			assertThat(endpoints.get(0).getTerminationFuture()).succeedsWithin(BOUND);
			assertThat(closed).as("the service waits for the last endpoint's onStop").isNotDone();

			stops.get(4).complete(null);

			assertThat(closed).succeedsWithin(BOUND);
			assertThat(service.getTerminationFuture()).isDone();
			for (LifecycleEndpoint endpoint : endpoints) {
				assertThat(endpoint.getTerminationFuture()).isCompleted();
			}
			assertThat(service.getActorSystem().getWhenTerminated().toCompletableFuture()).succeedsWithin(BOUND);
		}
		finally {
			stops.forEach(stop -> stop.complete(null));
			service.closeAsync().get(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void closingTheServiceTerminatesTheTransportEvenIfAnEndpointFailsToStop() throws Exception {
		PekkoRpcService service = new PekkoRpcService(SERVICES.settings("closing").build());
		try {
			LifecycleEndpoint failing = new LifecycleEndpoint(service, "fails-stop") {
				@Override
				protected CompletableFuture<Void> onStop() {
					return CompletableFuture.failedFuture(new IllegalStateException("stop failed"));
				}
			};
			failing.start();
			EchoEndpoint healthy = new EchoEndpoint(service, "healthy");
			healthy.start();

			CompletableFuture<Void> closed = service.closeAsync();

			assertThat(closed).failsWithin(BOUND);
			assertThat(Failures.findCause(Failures.failureOf(closed, BOUND), IllegalStateException.class))
				.hasMessage("stop failed");
			assertThat(healthy.getTerminationFuture()).succeedsWithin(BOUND);
			assertThat(service.getActorSystem().getWhenTerminated().toCompletableFuture()).succeedsWithin(BOUND);
		}
		finally {
			service.closeAsync().handle((v, e) -> null).get(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void closingTheServiceCompletesAndTerminatesEndpointsWhenItsActorSystemAlreadyTerminated() throws Exception {
		// e.g. Pekko's coordinated shutdown ran from a JVM shutdown hook before the application
		// closed the service
		PekkoRpcService service = new PekkoRpcService(
				SERVICES.settings("terminated-system").shutdownTimeout(Duration.ofSeconds(2)).build());
		EchoEndpoint endpoint = new EchoEndpoint(service, "orphan");
		endpoint.start();
		service.getActorSystem().terminate();
		Bounded.get(service.getActorSystem().getWhenTerminated().toCompletableFuture());

		CompletableFuture<Void> closed = service.closeAsync();

		assertThat(closed).as("closeAsync after the actor system terminated (shutdownTimeout 2 s)")
			.succeedsWithin(BOUND);
		assertThat(endpoint.getTerminationFuture()).isDone();
	}

	@Test
	void startingAnEndpointOnAClosedServiceIsRejected() throws Exception {
		PekkoRpcService service = new PekkoRpcService(SERVICES.settings("closed").build());
		service.closeAsync().get(30, TimeUnit.SECONDS);

		assertThatThrownBy(() -> new EchoEndpoint(service, "too-late")).isInstanceOf(IllegalStateException.class);
	}

	/** Gateway of {@link LifecycleEndpoint}. */
	public interface LifecycleGateway extends RpcGateway {

		/**
		 * @return the thread the call ran on
		 */
		CompletableFuture<Thread> mainThread();

		/**
		 * @return {@code isRunning()} on the main thread
		 */
		CompletableFuture<Boolean> running();

		/**
		 * Signals {@code entered}, waits (bounded) for {@code release} on the main thread, then
		 * answers {@code value}.
		 * @param entered completed when the call starts running
		 * @param release what the call waits for
		 * @param value the answer
		 * @return the answer
		 */
		@org.actorrpc.Local
		CompletableFuture<Integer> blockUntil(CompletableFuture<Void> entered, CompletableFuture<Void> release,
				int value);

	}

	/** Endpoint whose lifecycle hooks tests override. */
	static class LifecycleEndpoint extends RpcEndpoint implements LifecycleGateway {

		final AtomicInteger blockCalls = new AtomicInteger();

		LifecycleEndpoint(RpcService rpcService, String endpointId) {
			super(rpcService, endpointId);
		}

		@Override
		public CompletableFuture<Thread> mainThread() {
			return CompletableFuture.completedFuture(Thread.currentThread());
		}

		void suspend() {
			stop();
		}

		@Override
		public CompletableFuture<Boolean> running() {
			return CompletableFuture.completedFuture(isRunning());
		}

		@Override
		public CompletableFuture<Integer> blockUntil(CompletableFuture<Void> entered, CompletableFuture<Void> release,
				int value) {
			this.blockCalls.incrementAndGet();
			entered.complete(null);
			release.orTimeout(20, TimeUnit.SECONDS).join();
			return CompletableFuture.completedFuture(value);
		}

	}

}
