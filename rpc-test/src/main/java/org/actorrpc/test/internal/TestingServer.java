package org.actorrpc.test.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.actorrpc.FencedRpcEndpoint;
import org.actorrpc.RecordedMessage;
import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcServer;
import org.actorrpc.exceptions.EndpointNotStartedException;
import org.actorrpc.exceptions.FencingTokenException;
import org.actorrpc.exceptions.RecipientUnreachableException;
import org.actorrpc.exceptions.RpcExceptions;
import org.actorrpc.exceptions.RpcTimeoutException;
import org.actorrpc.internal.endpoint.EndpointFence;
import org.actorrpc.internal.endpoint.EndpointStatistics;
import org.actorrpc.internal.endpoint.EndpointView;
import org.actorrpc.internal.endpoint.Fence;
import org.actorrpc.internal.endpoint.GatewayInterfaces;
import org.actorrpc.internal.endpoint.GatewayMethod;
import org.actorrpc.internal.endpoint.Invocation;

/**
 * The server of one endpoint hosted on a testing service: its FIFO queue of main-thread tasks
 * (run by the {@link Driver}), its lifecycle (the same states and answers as the real service:
 * messages to an endpoint that is not started get an {@link EndpointNotStartedException}, messages
 * with a wrong or missing fencing token a {@link FencingTokenException}, messages left when it
 * terminates a {@link RecipientUnreachableException}), and its view.
 *
 * <p>Its "main thread" is the thread that drives the service while one of its tasks runs, so
 * {@code validateRunsInMainThread()} passes inside its tasks and fails everywhere else. Public
 * methods are thread-safe; the lifecycle fields are written by its tasks only.
 */
public final class TestingServer implements RpcServer, RpcEndpoint.MainThreadAware, EndpointView.Source {

	private static final Logger logger = LoggerFactory.getLogger(TestingServer.class);

	private final TestingRuntime runtime;

	private final RpcEndpoint endpoint;

	private final String endpointId;

	private final String address;

	private final List<Class<? extends RpcGateway>> gateways;

	private final Map<String, String> loggingContext;

	private final Driver.MainThreadQueue queue;

	private final CompletableFuture<Void> terminationFuture = new CompletableFuture<>();

	/** {@code endpoint <id>}, for invocation errors and logs. */
	private final String targetName;

	/** Counts gateway calls only, with no times: real time would be meaningless in a virtual world. */
	private final EndpointStatistics statistics = new EndpointStatistics();

	private final EndpointView view = new EndpointView(this);

	private final EndpointFence fence;

	private volatile RpcEndpointView.State state = RpcEndpointView.State.CREATED;

	private volatile boolean killed;

	TestingServer(TestingRuntime runtime, RpcEndpoint endpoint, Map<String, String> loggingContext) {
		this.runtime = runtime;
		this.endpoint = endpoint;
		this.endpointId = endpoint.getEndpointId();
		this.address = runtime.endpointAddress(this.endpointId);
		this.targetName = "endpoint " + this.endpointId;
		this.fence = new EndpointFence(endpoint);
		this.gateways = List.copyOf(GatewayInterfaces.of(endpoint.getClass()));
		this.loggingContext = Map.copyOf(loggingContext);
		this.queue = runtime.driver().newQueue("actorrpc-testing-" + this.endpointId, this.address, this::failed);
	}

	TestingRuntime runtime() {
		return this.runtime;
	}

	/** @return the endpoint */
	public RpcEndpoint endpoint() {
		return this.endpoint;
	}

	/** @return the endpoint id */
	@Override
	public String endpointId() {
		return this.endpointId;
	}

	/** @return the gateway interfaces the endpoint implements */
	@Override
	public List<Class<? extends RpcGateway>> gateways() {
		return this.gateways;
	}

	/** @return the endpoint's task queue */
	public Driver.MainThreadQueue queue() {
		return this.queue;
	}

	/** @return the lifecycle state */
	@Override
	public RpcEndpointView.State state() {
		return this.state;
	}

	/** @return whether the endpoint terminated (normally, by failure, or killed) */
	public boolean isTerminated() {
		return this.state == RpcEndpointView.State.TERMINATED || this.state == RpcEndpointView.State.FAILED;
	}

	/** @return the live view */
	public RpcEndpointView view() {
		return this.view;
	}

	@Override
	public int mailboxDepth() {
		return this.runtime.driver().depth(this.queue);
	}

	/** @return -1: a testing endpoint's queue is unbounded */
	@Override
	public int mailboxCapacity() {
		return -1;
	}

	/** @return 0: queue waits are not measured (they would be real time in a virtual world) */
	@Override
	public long oldestEnqueuedAt() {
		return 0;
	}

	@Override
	public EndpointStatistics statistics() {
		return this.statistics;
	}

	/** @return nothing: a testing endpoint has no flight recorder */
	@Override
	public List<RecordedMessage> recentMessages(int limit) {
		return List.of();
	}

	Object fencingToken() {
		return (this.endpoint instanceof FencedRpcEndpoint<?> fenced) ? fenced.getFencingToken() : null;
	}

	// ------------------------------------------------------------------------
	// RpcServer
	// ------------------------------------------------------------------------

	@Override
	public void start() {
		enqueue("start", Driver.Task.of(this::onStartCommand));
	}

	@Override
	public void stop() {
		enqueue("stop", Driver.Task.of(() -> {
			if (this.state == RpcEndpointView.State.STARTED) {
				this.state = RpcEndpointView.State.STOPPED;
			}
		}));
	}

	/** Runs {@code onStop} on the main thread, then terminates; what stopServer and closeAsync do. */
	public void terminate() {
		enqueue("terminate", Driver.Task.of(this::onTerminateCommand));
	}

	@Override
	public void runAsync(Runnable runnable) {
		Objects.requireNonNull(runnable, "runnable");
		enqueue("runAsync", Driver.Task.of(() -> {
			if (!acceptsMessages()) {
				logger.debug("Discarded a runAsync task of endpoint {}: it is {}", this.endpointId, this.state);
				return;
			}
			try {
				runnable.run();
			}
			catch (RuntimeException ex) {
				logger.error("Caught exception while executing runnable in main thread of endpoint {}.",
						this.endpointId, ex);
				this.runtime.reportTaskFailure(this.endpointId, ex);
			}
		}));
	}

	@Override
	@SuppressWarnings("unchecked")
	public <V> CompletableFuture<V> callAsync(Callable<V> callable, Duration callTimeout) {
		Objects.requireNonNull(callable, "callable");
		CompletableFuture<Object> future = new CompletableFuture<>();
		VirtualTimers.Timer timer = this.runtime.timers()
			.schedule(callTimeout.toNanos(), () -> future.completeExceptionally(new RpcTimeoutException(
					"callAsync on endpoint " + this.endpointId + " did not complete within " + callTimeout.toMillis()
							+ " ms of the TestingRpcService's virtual time",
					callTimeout)));
		future.whenComplete((value, failure) -> timer.cancel());
		Driver.Task task = new Driver.Task() {

			@Override
			protected void run() {
				if (!acceptsMessages()) {
					future.completeExceptionally(Invocation.taskNotStarted("callAsync", TestingServer.this.address));
					return;
				}
				Invocation.call((Callable<Object>) callable, future);
			}

			@Override
			protected void refuse(Throwable reason) {
				future.completeExceptionally(reason);
			}

		};
		enqueue("callAsync", task);
		return (CompletableFuture<V>) future;
	}

	@Override
	public void scheduleRunAsync(Runnable runnable, long delayMillis) {
		if (delayMillis < 0) {
			throw new IllegalArgumentException("delay must be zero or greater but was " + delayMillis);
		}
		if (delayMillis == 0) {
			runAsync(runnable);
		}
		else {
			this.runtime.timers().schedule(Duration.ofMillis(delayMillis).toNanos(), () -> runAsync(runnable));
		}
	}

	@Override
	public CompletableFuture<Void> getTerminationFuture() {
		return this.terminationFuture;
	}

	@Override
	public String getAddress() {
		return this.address;
	}

	@Override
	public String getHostname() {
		return TestingRuntime.HOSTNAME;
	}

	@Override
	public Clock getClock() {
		return this.runtime.clock();
	}

	@Override
	public Thread getMainThread() {
		return this.queue.mainThread();
	}

	// ------------------------------------------------------------------------
	// Messages from gateways
	// ------------------------------------------------------------------------

	/**
	 * Queues a gateway invocation.
	 * @param method the method
	 * @param args its arguments
	 * @param token the fencing token the caller sends, or {@code null}
	 * @param call the caller's pending call, or {@code null} for fire-and-forget
	 */
	public void deliver(GatewayMethod method, Object[] args, Object token, ClientCall call) {
		enqueue(method.invocationString, new Delivery(method, args, Fence.of(token), call));
	}

	/**
	 * One gateway invocation in the queue: admitted and invoked with the shared semantics of
	 * {@link Invocation}, its answer going to the caller's {@link ClientCall}.
	 */
	private final class Delivery extends Driver.Task implements Invocation.Reply {

		private final GatewayMethod method;

		private final Object[] args;

		private final Fence fence;

		private final ClientCall call;

		Delivery(GatewayMethod method, Object[] args, Fence fence, ClientCall call) {
			this.method = method;
			this.args = args;
			this.fence = fence;
			this.call = call;
		}

		@Override
		protected void run() {
			TestingServer server = TestingServer.this;
			server.statistics.started(this.method.descriptor, 0);
			Throwable failure = process(server);
			server.statistics.finished(this.method.descriptor, 0, failure != null);
			// The kit fails the endpoint on any Error of a gateway method (the real service on VirtualMachineError).
			if (failure instanceof Error error) {
				throw error;
			}
		}

		private Throwable process(TestingServer server) {
			if (!server.acceptsMessages()) {
				Throwable failure = Invocation.notStarted(this.method, server.address);
				reject(failure);
				return failure;
			}
			Throwable fencing = server.fence.current().admit(this.fence, this.method.invocationString, server.address);
			if (fencing != null) {
				reject(fencing);
				return fencing;
			}
			return Invocation.invoke(this.method, server.endpoint, this.args, this, server.targetName);
		}

		@Override
		protected void refuse(Throwable reason) {
			reject(reason);
		}

		@Override
		public boolean expectsAnswer() {
			return this.call != null;
		}

		@Override
		public void complete(Object value) {
			this.call.complete(value);
		}

		@Override
		public void fail(Throwable failure) {
			this.call.fail(failure);
		}

		@Override
		public void reject(Throwable failure) {
			if (this.call != null) {
				this.call.fail(failure);
			}
			else {
				logger.warn("Fire-and-forget call {} to endpoint {} was not processed: {}",
						this.method.invocationString, TestingServer.this.endpointId, failure.getMessage());
			}
		}

	}

	/**
	 * Returns the failure to answer with when the endpoint can no longer be reached.
	 * @return the exception
	 */
	public RecipientUnreachableException unreachable() {
		return new RecipientUnreachableException("Could not deliver the message to " + this.address
				+ ", because the recipient is unreachable: the endpoint has "
				+ (this.killed ? "been killed by fault injection." : "terminated."));
	}

	// ------------------------------------------------------------------------
	// Lifecycle, on the main thread
	// ------------------------------------------------------------------------

	private boolean acceptsMessages() {
		return this.state == RpcEndpointView.State.STARTED || this.state == RpcEndpointView.State.TERMINATING;
	}

	private void onStartCommand() {
		if (this.state != RpcEndpointView.State.CREATED && this.state != RpcEndpointView.State.STOPPED) {
			return;
		}
		this.state = RpcEndpointView.State.STARTED;
		try {
			this.endpoint.internalCallOnStart();
			logger.debug("Started rpc endpoint '{}' at {}", this.endpointId, this.address);
		}
		catch (Throwable ex) {
			logger.error("Could not start RpcEndpoint {}", this.endpointId, ex);
			finish(ex);
		}
	}

	private void onTerminateCommand() {
		switch (this.state) {
			case CREATED, STOPPED -> finish(null);
			case STARTED -> {
				this.state = RpcEndpointView.State.TERMINATING;
				CompletableFuture<Void> stopFuture = this.endpoint.internalCallOnStop();
				stopFuture.whenComplete((ignored, failure) -> this.runtime.driver()
					.enqueueFirst(this.queue, Driver.Task.of(() -> finish(
							(failure != null) ? RpcExceptions.stripCompletion(failure) : null))));
			}
			default -> {
			}
		}
	}

	/**
	 * Terminates at once, without {@code onStop}: the endpoint died (fault injection). Its queued
	 * messages are refused as unreachable. Any thread.
	 */
	public void kill() {
		this.killed = true;
		this.runtime.driver().enqueueFirst(this.queue, Driver.Task.of(() -> finish(
				new RecipientUnreachableException("Endpoint " + this.endpointId + " was killed by fault injection"))));
	}

	/** Main thread (or the service closing): terminates the endpoint. */
	void finish(Throwable failure) {
		if (isTerminated()) {
			return;
		}
		this.state = (failure != null) ? RpcEndpointView.State.FAILED : RpcEndpointView.State.TERMINATED;
		List<Driver.Task> left = this.runtime.driver().removeQueue(this.queue);
		this.runtime.terminated(this);
		RecipientUnreachableException unreachable = unreachable();
		for (Driver.Task task : left) {
			task.refuse(unreachable);
		}
		if (this.killed) {
			// A dead peer answers nothing: every call still waiting for it fails now, not at its timeout.
			this.runtime.network().recipientGone(this.address, unreachable);
		}
		this.runtime.driver().enqueueServiceTask(Driver.Task.of(() -> {
			if (failure != null) {
				this.terminationFuture.completeExceptionally(failure);
			}
			else {
				this.terminationFuture.complete(null);
			}
		}));
	}

	private void failed(Throwable failure) {
		logger.error("Endpoint {} failed; terminating it (the other endpoints keep running)", this.endpointId,
				failure);
		this.runtime.reportTaskFailure(this.endpointId, failure);
		finish(failure);
	}

	private void enqueue(String what, Driver.Task task) {
		Driver.Task withContext = this.loggingContext.isEmpty() ? task : new Driver.Task() {

			@Override
			protected void run() {
				Map<String, String> previous = MDC.getCopyOfContextMap();
				MDC.setContextMap(TestingServer.this.loggingContext);
				try {
					task.run();
				}
				finally {
					if (previous != null) {
						MDC.setContextMap(previous);
					}
					else {
						MDC.clear();
					}
				}
			}

			@Override
			protected void refuse(Throwable reason) {
				task.refuse(reason);
			}

		};
		if (!this.runtime.driver().enqueue(this.queue, withContext)) {
			logger.debug("Refused {} for endpoint {}: it has terminated", what, this.endpointId);
			task.refuse(unreachable());
		}
	}

	@Override
	public String toString() {
		return "TestingServer(" + this.address + ", " + this.state + ")";
	}

}
