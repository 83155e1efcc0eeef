package org.actorrpc.pekko.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.pekko.actor.ActorRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.actorrpc.FencedRpcEndpoint;
import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcMethod;
import org.actorrpc.RpcMethodStats;
import org.actorrpc.RpcObserver;
import org.actorrpc.RpcServer;
import org.actorrpc.exceptions.RecipientUnreachableException;
import org.actorrpc.exceptions.RpcException;

/**
 * The server side of one endpoint: its mailbox, its dedicated main thread (the same
 * {@link Thread} for the endpoint's whole life, named {@code actorrpc-<system>-<endpointId>}), its
 * lifecycle state machine and its statistics. Every message runs on the main thread, one at a
 * time, in mailbox order. Public methods are thread-safe; statistics are racy snapshots.
 */
final class EndpointServer implements RpcServer, RpcEndpoint.MainThreadAware, RpcEndpointView, Runnable {

	private static final Logger logger = LoggerFactory.getLogger(EndpointServer.class);

	private final ServiceRuntime runtime;

	private final RpcEndpoint endpoint;

	private final String endpointId;

	private final String address;

	private final List<Class<? extends RpcGateway>> gateways;

	private final Map<String, String> loggingContext;

	private final EndpointMailbox mailbox = new EndpointMailbox();

	private final Thread thread;

	private final boolean fenced;

	private final CompletableFuture<Void> terminationFuture = new CompletableFuture<>();

	private final ConcurrentHashMap<RpcMethod, MethodStatsCell> stats = new ConcurrentHashMap<>();

	private final Object drainLock = new Object();

	private volatile State state = State.CREATED;

	private volatile boolean terminated;

	private volatile ActorRef ingress;

	// Written by the main thread only; read racily by views.
	private long currentStart;

	private RpcMethod currentMethod;

	private long busyNanos;

	private long processed;

	EndpointServer(ServiceRuntime runtime, RpcEndpoint endpoint, Map<String, String> loggingContext) {
		this.runtime = runtime;
		this.endpoint = endpoint;
		this.endpointId = endpoint.getEndpointId();
		this.address = runtime.endpointAddress(this.endpointId);
		this.gateways = List.copyOf(GatewayInterfaces.of(endpoint.getClass()));
		this.loggingContext = Map.copyOf(loggingContext);
		this.fenced = endpoint instanceof FencedRpcEndpoint<?>;
		this.thread = new Thread(this, "actorrpc-" + runtime.systemName() + "-" + this.endpointId);
		this.thread.setDaemon(true);
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		this.thread.setContextClassLoader((loader != null) ? loader : endpoint.getClass().getClassLoader());
		this.mailbox.bindConsumer(this.thread);
	}

	void startThread(ActorRef ingress) {
		this.ingress = ingress;
		this.thread.start();
	}

	RpcEndpoint endpoint() {
		return this.endpoint;
	}

	RpcObserver observer() {
		return this.runtime.observer();
	}

	ServiceRuntime runtime() {
		return this.runtime;
	}

	boolean isTerminated() {
		return this.terminated;
	}

	// ------------------------------------------------------------------------
	// Enqueueing (any thread)
	// ------------------------------------------------------------------------

	void enqueue(MailboxMessage message) {
		if (this.terminated) {
			message.reject(unreachable());
			return;
		}
		this.mailbox.offer(message);
		if (this.terminated) {
			drain();
		}
	}

	RecipientUnreachableException unreachable() {
		return new RecipientUnreachableException("Could not deliver the message to " + this.address
				+ ", because the recipient is unreachable: the endpoint has terminated.");
	}

	@Override
	public void start() {
		enqueue(new ControlMessage(ControlMessage.Kind.START, null));
	}

	@Override
	public void stop() {
		enqueue(new ControlMessage(ControlMessage.Kind.STOP, null));
	}

	void terminate() {
		enqueue(new ControlMessage(ControlMessage.Kind.TERMINATE, null));
	}

	@Override
	public void runAsync(Runnable runnable) {
		enqueue(new TaskMessage(runnable));
	}

	@Override
	@SuppressWarnings("unchecked")
	public <V> CompletableFuture<V> callAsync(Callable<V> callable, Duration callTimeout) {
		CompletableFuture<Object> future = new CompletableFuture<>();
		this.runtime.timeouts().register(new PendingCall(future, null, this.address, callTimeout, null,
				RpcObserver.ClientCall.NOOP, "callAsync on endpoint " + this.endpointId));
		enqueue(new TaskMessage((Callable<Object>) callable, future));
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
			this.runtime.scheduler().schedule(() -> runAsync(runnable), delayMillis, TimeUnit.MILLISECONDS);
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
		return this.runtime.hostname();
	}

	@Override
	public Thread getMainThread() {
		return this.thread;
	}

	// ------------------------------------------------------------------------
	// Main thread
	// ------------------------------------------------------------------------

	@Override
	public void run() {
		if (!this.loggingContext.isEmpty()) {
			MDC.setContextMap(this.loggingContext);
		}
		try {
			while (!this.terminated) {
				handle(this.mailbox.take());
			}
		}
		finally {
			MDC.clear();
		}
	}

	private void handle(MailboxMessage message) {
		long start = System.nanoTime();
		RpcMethod method = message.method();
		this.currentMethod = method;
		this.currentStart = start;
		Throwable failure;
		try {
			failure = message.process(this);
		}
		catch (Throwable fatal) {
			failure = fatal;
			logger.error("Endpoint {} failed on {}; terminating it (the other endpoints keep running)",
					this.endpointId, method, fatal);
			finish(fatal);
		}
		long took = System.nanoTime() - start;
		this.currentStart = 0;
		this.currentMethod = null;
		this.busyNanos += took;
		this.processed++;
		if (method != ControlMessage.LIFECYCLE) {
			this.stats.computeIfAbsent(method, MethodStatsCell::new).record(took, failure != null);
			RpcObserver observer = this.runtime.observer();
			if (observer != RpcObserver.NOOP) {
				try {
					observer.serverCallCompleted(this, method, start - message.enqueuedAt, took, failure);
				}
				catch (RuntimeException ex) {
					logger.warn("RpcObserver failed on serverCallCompleted", ex);
				}
			}
		}
	}

	boolean isRunningForMessages() {
		State s = this.state;
		return s == State.STARTED || s == State.TERMINATING;
	}

	Throwable checkFencing(InvocationMessage message) {
		if (!this.fenced) {
			return null;
		}
		return InvocationMessage.fencingMismatch(message, ((FencedRpcEndpoint<?>) this.endpoint).getFencingToken(),
				this.address);
	}

	void control(ControlMessage message) {
		switch (message.kind) {
			case START -> {
				if (this.state == State.CREATED || this.state == State.STOPPED) {
					this.state = State.STARTED;
					try {
						this.endpoint.internalCallOnStart();
					}
					catch (Throwable ex) {
						logger.error("Could not start RpcEndpoint {}", this.endpointId, ex);
						finish(ex);
					}
				}
			}
			case STOP -> {
				if (this.state == State.STARTED) {
					this.state = State.STOPPED;
				}
			}
			case TERMINATE -> {
				if (this.state == State.CREATED || this.state == State.STOPPED) {
					finish(null);
				}
				else if (this.state == State.STARTED) {
					this.state = State.TERMINATING;
					CompletableFuture<Void> stopFuture = this.endpoint.internalCallOnStop();
					stopFuture.whenComplete((ignored, failure) -> this.mailbox
						.offer(new ControlMessage(ControlMessage.Kind.STOP_COMPLETED, failure)));
				}
			}
			case STOP_COMPLETED -> finish((message.stopFailure != null) ? InvocationMessage.unwrap(message.stopFailure)
					: null);
		}
	}

	private void finish(Throwable failure) {
		if (this.terminated) {
			return;
		}
		this.state = (failure != null) ? State.FAILED : State.TERMINATED;
		this.terminated = true;
		drain();
		CompletableFuture<Void> ingressStopped = this.runtime.stopIngress(this.ingress);
		ingressStopped.whenCompleteAsync((ignored, ex) -> {
			this.runtime.unregister(this);
			if (failure != null) {
				this.terminationFuture.completeExceptionally(failure);
			}
			else {
				this.terminationFuture.complete(null);
			}
			RpcObserver observer = this.runtime.observer();
			if (observer != RpcObserver.NOOP) {
				observer.endpointTerminated(this, failure);
			}
		}, this.runtime.callbackExecutor());
	}

	private void drain() {
		synchronized (this.drainLock) {
			MailboxMessage message;
			while ((message = this.mailbox.poll()) != null) {
				message.reject(unreachable());
			}
		}
	}

	void rethrowIfFatal(Throwable failure) {
		if (failure instanceof VirtualMachineError error) {
			throw error;
		}
	}

	void logFailedTell(GatewayMethod method, Throwable failure) {
		logger.warn("Fire-and-forget call {} on endpoint {} failed", method.invocationString, this.endpointId, failure);
	}

	void logFailedTask(Throwable failure) {
		logger.error("Caught exception while executing runnable in main thread of endpoint {}.", this.endpointId,
				failure);
	}

	// ------------------------------------------------------------------------
	// RpcEndpointView
	// ------------------------------------------------------------------------

	@Override
	public String getEndpointId() {
		return this.endpointId;
	}

	@Override
	public List<Class<? extends RpcGateway>> getGateways() {
		return this.gateways;
	}

	@Override
	public State getState() {
		return this.state;
	}

	@Override
	public String getMainThreadName() {
		return this.thread.getName();
	}

	@Override
	public int getMailboxDepth() {
		return this.mailbox.depth();
	}

	@Override
	public long getOldestQueuedMessageAgeNanos() {
		long enqueuedAt = this.mailbox.oldestEnqueuedAt();
		return (enqueuedAt != 0) ? Math.max(0, System.nanoTime() - enqueuedAt) : 0;
	}

	@Override
	public long getCurrentMessageAgeNanos() {
		long start = this.currentStart;
		return (start != 0) ? Math.max(0, System.nanoTime() - start) : 0;
	}

	@Override
	public RpcMethod getCurrentMethod() {
		return this.currentMethod;
	}

	@Override
	public long getBusyTimeNanos() {
		return this.busyNanos;
	}

	@Override
	public long getProcessedMessages() {
		return this.processed;
	}

	@Override
	public List<RpcMethodStats> getMethodStats() {
		List<RpcMethodStats> result = new ArrayList<>(this.stats.size());
		for (MethodStatsCell cell : this.stats.values()) {
			result.add(cell.snapshot());
		}
		return result;
	}

	@Override
	public String toString() {
		return "EndpointServer(" + this.address + ", " + this.state + ")";
	}

	/** Per-method totals; written by the main thread only. */
	private static final class MethodStatsCell {

		private final RpcMethod method;

		private long count;

		private long failures;

		private long totalNanos;

		private long maxNanos;

		private long lastNanos;

		MethodStatsCell(RpcMethod method) {
			this.method = method;
		}

		void record(long nanos, boolean failed) {
			this.count++;
			if (failed) {
				this.failures++;
			}
			this.totalNanos += nanos;
			this.lastNanos = nanos;
			if (nanos > this.maxNanos) {
				this.maxNanos = nanos;
			}
		}

		RpcMethodStats snapshot() {
			return new RpcMethodStats(this.method, this.count, this.failures, this.totalNanos, this.maxNanos,
					this.lastNanos);
		}

	}

}
