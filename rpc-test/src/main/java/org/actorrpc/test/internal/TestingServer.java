package org.actorrpc.test.internal;

import java.lang.reflect.InvocationTargetException;
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
import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcServer;
import org.actorrpc.exceptions.EndpointNotStartedException;
import org.actorrpc.exceptions.FencingTokenException;
import org.actorrpc.exceptions.RecipientUnreachableException;
import org.actorrpc.exceptions.RpcException;
import org.actorrpc.exceptions.RpcExceptions;
import org.actorrpc.exceptions.RpcTimeoutException;

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
public final class TestingServer implements RpcServer, RpcEndpoint.MainThreadAware {

	private static final Logger logger = LoggerFactory.getLogger(TestingServer.class);

	private final TestingRuntime runtime;

	private final RpcEndpoint endpoint;

	private final String endpointId;

	private final String address;

	private final List<Class<? extends RpcGateway>> gateways;

	private final Map<String, String> loggingContext;

	private final Driver.MainThreadQueue queue;

	private final CompletableFuture<Void> terminationFuture = new CompletableFuture<>();

	private final TestingEndpointView view;

	private volatile RpcEndpointView.State state = RpcEndpointView.State.CREATED;

	private volatile boolean killed;

	private volatile long processed;

	TestingServer(TestingRuntime runtime, RpcEndpoint endpoint, Map<String, String> loggingContext) {
		this.runtime = runtime;
		this.endpoint = endpoint;
		this.endpointId = endpoint.getEndpointId();
		this.address = runtime.endpointAddress(this.endpointId);
		this.gateways = List.copyOf(GatewayMethods.gatewaysOf(endpoint.getClass()));
		this.loggingContext = Map.copyOf(loggingContext);
		this.queue = runtime.driver().newQueue("actorrpc-testing-" + this.endpointId, this.address, this::failed);
		this.view = new TestingEndpointView(this);
	}

	TestingRuntime runtime() {
		return this.runtime;
	}

	/** @return the endpoint */
	public RpcEndpoint endpoint() {
		return this.endpoint;
	}

	/** @return the endpoint id */
	public String endpointId() {
		return this.endpointId;
	}

	/** @return the gateway interfaces the endpoint implements */
	public List<Class<? extends RpcGateway>> gateways() {
		return this.gateways;
	}

	/** @return the endpoint's task queue */
	public Driver.MainThreadQueue queue() {
		return this.queue;
	}

	/** @return the lifecycle state */
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

	int depth() {
		return this.runtime.driver().depth(this.queue);
	}

	long processed() {
		return this.processed;
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
					future.completeExceptionally(new EndpointNotStartedException("Discard callAsync task, because the "
							+ "rpc endpoint " + TestingServer.this.address + " has not been started yet."));
					return;
				}
				try {
					future.complete(callable.call());
				}
				catch (Exception ex) {
					future.completeExceptionally(ex);
				}
				catch (Error ex) {
					future.completeExceptionally(ex);
					throw ex;
				}
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
		Driver.Task task = new Driver.Task() {

			@Override
			protected void run() {
				invoke(method, args, token, call);
			}

			@Override
			protected void refuse(Throwable reason) {
				reject(method, call, reason);
			}

		};
		enqueue(method.invocationString(), task);
	}

	private void invoke(GatewayMethod method, Object[] args, Object token, ClientCall call) {
		this.processed++;
		if (!acceptsMessages()) {
			reject(method, call, new EndpointNotStartedException("Discard message " + method.invocationString()
					+ ", because the rpc endpoint " + this.address + " has not been started yet."));
			return;
		}
		FencingTokenException fencing = admit(token, method.invocationString());
		if (fencing != null) {
			reject(method, call, fencing);
			return;
		}
		Object result;
		try {
			result = method.method().invoke(this.endpoint, args);
		}
		catch (InvocationTargetException ex) {
			Throwable cause = ex.getTargetException();
			if (call != null) {
				call.fail(cause);
			}
			else {
				logger.warn("Fire-and-forget call {} on endpoint {} failed", method.invocationString(),
						this.endpointId, cause);
			}
			if (cause instanceof Error error) {
				throw error;
			}
			return;
		}
		catch (IllegalAccessException | IllegalArgumentException ex) {
			reject(method, call, new RpcException("Could not invoke " + method.invocationString() + " on endpoint "
					+ this.endpointId + ": " + ex.getMessage(), ex));
			return;
		}
		if (call == null) {
			return;
		}
		if (method.kind() == GatewayMethod.Kind.ASYNC) {
			if (result == null) {
				call.fail(new RpcException(method.invocationString() + " returned null instead of a CompletableFuture"));
				return;
			}
			((CompletableFuture<?>) result).whenComplete((value, failure) -> {
				if (failure != null) {
					call.fail(RpcExceptions.stripCompletion(failure));
				}
				else {
					call.complete(value);
				}
			});
			return;
		}
		call.complete(result);
	}

	private void reject(GatewayMethod method, ClientCall call, Throwable reason) {
		if (call != null) {
			call.fail(reason);
		}
		else {
			logger.warn("Fire-and-forget call {} to endpoint {} was not processed: {}", method.invocationString(),
					this.endpointId, reason.getMessage());
		}
	}

	private FencingTokenException admit(Object received, String invocation) {
		Object expected = fencingToken();
		if (expected == null) {
			return null;
		}
		if (received == null) {
			return new FencingTokenException("Fencing token missing: Ignoring message " + invocation + " sent to "
					+ this.address + " because it carries no fencing token. The endpoint is fenced: connect with "
					+ "RpcService#connect(address, fencingToken, gatewayClass).");
		}
		if (!Objects.equals(expected, received)) {
			return new FencingTokenException("Fencing token mismatch: Ignoring message " + invocation
					+ " because the fencing token " + received + " did not match the expected fencing token "
					+ expected + ".");
		}
		return null;
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
