package org.actorrpc.test;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

import org.actorrpc.FencedRpcGateway;
import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcServer;
import org.actorrpc.RpcService;
import org.actorrpc.internal.endpoint.ConnectChecks;
import org.actorrpc.test.internal.TestingRuntime;
import org.actorrpc.test.internal.TestingServer;

/**
 * An {@link RpcService} for tests (Flink's {@code TestingRpcService} idea): no ports, no actor
 * system, no threads of its own. Endpoints run on a <em>manually driven main thread</em> and on
 * <em>virtual time</em>, so a test decides exactly what runs when, and timeouts, heartbeats and
 * periodic work are tested without sleeping.
 *
 * <h2>Endpoints and their main thread</h2>
 * {@link #startServer} gives every endpoint its own FIFO queue of main-thread tasks: gateway calls,
 * {@code runAsync}, {@code callAsync}, scheduled runs and lifecycle steps. The queues are run by
 * the thread that <em>drives</em> the service, one task at a time, the oldest queued task first —
 * so a run is deterministic. While a task of an endpoint runs, the driving thread is that
 * endpoint's main thread: {@code validateRunsInMainThread()} passes inside its tasks and fails
 * everywhere else (the test thread, other endpoints' tasks).
 *
 * <h2>Driving</h2>
 * <ul>
 * <li>{@link Driving#AUTOMATIC} (default, {@link #create()}): whenever the test (or any thread
 * that is not already driving) enqueues work — calls a gateway, starts an endpoint — the service
 * runs on that thread until it is idle before the call returns. An endpoint's answer is therefore
 * there as soon as the gateway call returns, unless it waits for virtual time.</li>
 * <li>{@link Driving#MANUAL} ({@link #manual()}): enqueuing only queues; the test runs the queues
 * with {@link #runNext()}, {@link #runNext(RpcGateway)} or {@link #runUntilIdle()}, and can look
 * at an endpoint between two of its messages ({@link #queuedTasks(RpcGateway)}).</li>
 * </ul>
 * In both modes time stands still until {@link #advanceTime(Duration)} moves the
 * {@link ManualClock}: it stops at every timer due on the way, sets the clock to the timer's due
 * time, fires it and runs the service until idle, then moves on. {@link #closeAsync()} also drives
 * (it runs every endpoint's {@code onStop}).
 *
 * <h2>Calls</h2>
 * Gateways from {@link #connect} and {@link RpcEndpoint#getSelfGateway} have the real service's
 * invocation semantics: a {@code CompletableFuture} return is an asynchronous call, {@code void}
 * is fire-and-forget, any other return type blocks. Arguments pass by reference. The futures
 * complete as tasks of the service, never on an endpoint's main thread; a call that is not
 * answered within its timeout ({@code @RpcTimeout}, else {@link Builder#askTimeout}) fails with an
 * {@link org.actorrpc.exceptions.RpcTimeoutException} once virtual time passes it. A
 * <em>blocking</em> call runs the service on the calling thread until its answer is there; if the
 * service becomes idle without it (the answer waits for virtual time), the call fails at once with
 * an {@code RpcTimeoutException} saying so — time never passes by itself. An endpoint's blocking
 * call to itself is refused, as by the real service.
 *
 * <h2>Fakes</h2>
 * {@link #registerGateway(String, RpcGateway)} makes {@code connect(address, type)} return a
 * gateway that calls the fake directly on the calling thread. Fenced connects to hosted endpoints
 * carry the token and are checked per message, as by the real service ({@code FencingTokenException}
 * for a wrong or missing token); fakes that are {@link FencedRpcGateway}s with a token are checked
 * too. An unknown address fails the connect with an
 * {@link org.actorrpc.exceptions.RpcConnectionException}.
 *
 * <p>Thread-safe. Close it after the test ({@link TestingRpcServiceExtension} does).
 */
public final class TestingRpcService implements RpcService {

	/** The instant a service's clock shows until time is advanced, unless the builder sets another. */
	public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

	/** The default timeout of calls without {@code @RpcTimeout}, in virtual time. */
	public static final Duration DEFAULT_ASK_TIMEOUT = Duration.ofSeconds(10);

	/** The sender address of calls the test makes outside every endpoint's task. */
	public static final String OUTSIDE = TestingRuntime.OUTSIDE_SENDER;

	/** How the service's queues are run. */
	public enum Driving {

		/** A thread that enqueues work while nobody drives runs the service until idle. */
		AUTOMATIC,
		/** Only the test's explicit calls ({@code runNext}, {@code runUntilIdle}, {@code advanceTime}) run it. */
		MANUAL

	}

	private final TestingRuntime runtime;

	private final Driving driving;

	private final FaultInjector faults;

	private TestingRpcService(Builder builder) {
		this.driving = builder.driving;
		this.runtime = new TestingRuntime(builder.systemName, builder.askTimeout, builder.clock,
				builder.driving == Driving.AUTOMATIC);
		this.faults = new FaultInjector(this.runtime);
	}

	/**
	 * Creates a service that drives itself on the calling thread ({@link Driving#AUTOMATIC}),
	 * with its clock at {@link #DEFAULT_START}.
	 * @return the service
	 */
	public static TestingRpcService create() {
		return builder().build();
	}

	/**
	 * Creates a service that runs only when the test says so ({@link Driving#MANUAL}).
	 * @return the service
	 */
	public static TestingRpcService manual() {
		return builder().driving(Driving.MANUAL).build();
	}

	/**
	 * Starts building a service.
	 * @return a builder with the defaults
	 */
	public static Builder builder() {
		return new Builder();
	}

	// ------------------------------------------------------------------------
	// Driving and virtual time
	// ------------------------------------------------------------------------

	/**
	 * Returns how this service is driven.
	 * @return the driving mode
	 */
	public Driving getDriving() {
		return this.driving;
	}

	/**
	 * Runs timers that are already due and queued tasks until nothing is left to run now.
	 * @return the number of tasks and timers run
	 */
	public int runUntilIdle() {
		return this.runtime.driver().runUntilIdle();
	}

	/**
	 * Fires the first timer that is already due (one due before the current time fires before queued
	 * tasks), or else runs the oldest queued task of all endpoints (or of the service).
	 * @return whether something ran
	 */
	public boolean runNext() {
		return this.runtime.driver().runNext();
	}

	/**
	 * Runs the oldest task queued for one endpoint, leaving every other queue as it is.
	 * @param endpoint the endpoint, or any gateway of it from this service
	 * @return whether a task ran ({@code false} when its queue is empty)
	 * @throws IllegalArgumentException if it is not an endpoint of this service
	 */
	public boolean runNext(RpcGateway endpoint) {
		return this.runtime.driver().runNext(server(endpoint).queue());
	}

	/**
	 * Returns how many tasks an endpoint has queued.
	 * @param endpoint the endpoint, or any gateway of it from this service
	 * @return the queue's depth
	 * @throws IllegalArgumentException if it is not an endpoint of this service
	 */
	public int queuedTasks(RpcGateway endpoint) {
		return this.runtime.driver().depth(server(endpoint).queue());
	}

	/**
	 * Whether nothing is queued and no timer is due now (timers due later do not count).
	 * @return whether the service is idle
	 */
	public boolean isIdle() {
		return this.runtime.driver().isIdle();
	}

	/**
	 * Moves virtual time forward by the duration, firing the timers due on the way in order, each at
	 * its own due time, and running the service until idle after each (so work a timer schedules
	 * fires too if it falls due within the duration).
	 * @param duration how far, zero or positive; zero just runs what is due now
	 * @throws IllegalArgumentException if the duration is negative
	 */
	public void advanceTime(Duration duration) {
		this.runtime.driver().advance(Objects.requireNonNull(duration, "duration"));
	}

	/**
	 * Returns how long until the next timer is due.
	 * @return the delay (zero when one is due already), or {@code null} when no timer is set
	 */
	public Duration timeUntilNextTimer() {
		long due = this.runtime.timers().nextDue();
		if (due == Long.MAX_VALUE) {
			return null;
		}
		return Duration.ofNanos(Math.max(0, due - this.runtime.clock().nanos()));
	}

	/**
	 * Returns the exceptions that escaped main-thread tasks so far ({@code runAsync} runnables that
	 * threw, errors that terminated an endpoint). The real service only logs them; a test can
	 * assert that there were none.
	 * @return the failures, oldest first
	 */
	public List<Throwable> getTaskFailures() {
		return this.runtime.taskFailures();
	}

	// ------------------------------------------------------------------------
	// Fakes and faults
	// ------------------------------------------------------------------------

	/**
	 * Registers a fake: {@code connect(address, type)} then returns a gateway that calls it (when the
	 * fake implements {@code type}). It takes precedence over an endpoint hosted at the same address.
	 * @param address the address, for example what {@link #getEndpointAddress} returns for an id
	 * @param gateway the fake
	 * @param <C> its gateway type
	 */
	public <C extends RpcGateway> void registerGateway(String address, C gateway) {
		this.runtime.registerGateway(Objects.requireNonNull(address, "address"),
				Objects.requireNonNull(gateway, "gateway"));
	}

	/**
	 * Removes a fake: later connects to its address fail; gateways connected before fail their calls.
	 * @param address the address
	 * @return whether a fake was registered there
	 */
	public boolean unregisterGateway(String address) {
		return this.runtime.unregisterGateway(address);
	}

	/**
	 * Returns the fault injector of this service: drop, delay, reorder, partition, kill.
	 * @return the fault injector
	 */
	public FaultInjector faults() {
		return this.faults;
	}

	// ------------------------------------------------------------------------
	// RpcService
	// ------------------------------------------------------------------------

	/** @return {@code ""}: the service is not reachable remotely */
	@Override
	public String getAddress() {
		return "";
	}

	/** @return {@code -1}: the service is not reachable remotely */
	@Override
	public int getPort() {
		return -1;
	}

	/**
	 * Returns {@code pekko://<system-name>/user/rpc/<endpointId>} (the system name defaults to
	 * {@code testing}).
	 */
	@Override
	public String getEndpointAddress(String endpointId) {
		return this.runtime.endpointAddress(endpointId);
	}

	@Override
	public <C extends RpcGateway> C getSelfGateway(Class<C> selfGatewayType, RpcServer rpcServer) {
		return this.runtime.selfGateway(selfGatewayType, rpcServer);
	}

	@Override
	public <C extends RpcGateway> CompletableFuture<C> connect(String address, Class<C> clazz) {
		return this.runtime.connect(address, clazz, null);
	}

	@Override
	public <F extends Serializable, C extends FencedRpcGateway<F>> CompletableFuture<C> connect(String address,
			F fencingToken, Class<C> clazz) {
		if (fencingToken == null) {
			return ConnectChecks.missingFencingToken();
		}
		return this.runtime.connect(address, clazz, fencingToken);
	}

	@Override
	public RpcServer startServer(RpcEndpoint rpcEndpoint, Map<String, String> loggingContext) {
		return this.runtime.startServer(rpcEndpoint, loggingContext);
	}

	@Override
	public void stopServer(RpcServer selfGateway) {
		this.runtime.stopServer(selfGateway);
	}

	/**
	 * Returns the scheduler on virtual time: {@code execute} queues a task of the service (run by
	 * the driver, on no endpoint's main thread), {@code schedule*} fire as {@link #advanceTime}
	 * passes them. It cannot be shut down by callers.
	 */
	@Override
	public ScheduledExecutorService getScheduledExecutor() {
		return this.runtime.scheduledExecutor();
	}

	/** Returns the virtual clock, which every endpoint of this service reads. */
	@Override
	public ManualClock getClock() {
		return this.runtime.clock();
	}

	/**
	 * Terminates every endpoint — their {@code onStop} runs, driven on the calling thread in either
	 * mode — then the service. Endpoints whose {@code onStop} future is still incomplete when
	 * nothing is left to run are terminated anyway, and the returned future fails naming them.
	 * Idempotent.
	 */
	@Override
	public CompletableFuture<Void> closeAsync() {
		return this.runtime.close();
	}

	@Override
	public CompletableFuture<Void> getTerminationFuture() {
		return this.runtime.terminationFuture();
	}

	@Override
	public Collection<RpcEndpointView> getEndpointViews() {
		return this.runtime.endpointViews();
	}

	private TestingServer server(RpcGateway endpoint) {
		TestingServer server = this.runtime.serverOf(endpoint);
		if (server == null) {
			throw new IllegalArgumentException(endpoint + " is not a running endpoint of this TestingRpcService");
		}
		return server;
	}

	@Override
	public String toString() {
		return "TestingRpcService(" + this.driving + ", " + getClock().instant() + ")";
	}

	/**
	 * Settings of a {@link TestingRpcService}. Not thread-safe; build once.
	 */
	public static final class Builder {

		private Driving driving = Driving.AUTOMATIC;

		private String systemName = "testing";

		private Duration askTimeout = DEFAULT_ASK_TIMEOUT;

		private ManualClock clock;

		private Builder() {
		}

		/**
		 * Sets how the service is driven.
		 * @param driving the mode; {@link Driving#AUTOMATIC} by default
		 * @return this builder
		 */
		public Builder driving(Driving driving) {
			this.driving = Objects.requireNonNull(driving, "driving");
			return this;
		}

		/**
		 * Sets the system name in endpoint addresses.
		 * @param systemName letters, digits, '-' and '_'; {@code testing} by default
		 * @return this builder
		 */
		public Builder systemName(String systemName) {
			if (systemName == null || !systemName.matches("[a-zA-Z0-9][a-zA-Z0-9_-]*")) {
				throw new IllegalArgumentException("systemName must start with a letter or digit and contain only "
						+ "letters, digits, '-' and '_', but was '" + systemName + "'");
			}
			this.systemName = systemName;
			return this;
		}

		/**
		 * Sets the timeout of calls without {@code @RpcTimeout}, in virtual time.
		 * @param askTimeout a positive duration; {@link #DEFAULT_ASK_TIMEOUT} by default
		 * @return this builder
		 */
		public Builder askTimeout(Duration askTimeout) {
			Objects.requireNonNull(askTimeout, "askTimeout");
			if (askTimeout.isNegative() || askTimeout.isZero()) {
				throw new IllegalArgumentException("askTimeout must be positive, but was " + askTimeout);
			}
			this.askTimeout = askTimeout;
			return this;
		}

		/**
		 * Sets the instant the clock shows at the start.
		 * @param start the instant; {@link #DEFAULT_START} by default
		 * @return this builder
		 */
		public Builder startTime(Instant start) {
			this.clock = new ManualClock(Objects.requireNonNull(start, "start"));
			return this;
		}

		/**
		 * Uses the given clock, for example one shared with code outside the service.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(ManualClock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * Creates the service.
		 * @return the service
		 */
		public TestingRpcService build() {
			if (this.clock == null) {
				this.clock = new ManualClock(DEFAULT_START);
			}
			return new TestingRpcService(this);
		}

	}

}
