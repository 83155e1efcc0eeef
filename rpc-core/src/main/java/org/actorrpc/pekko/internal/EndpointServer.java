package org.actorrpc.pekko.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.actorrpc.RecordedMessage;
import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcMethod;
import org.actorrpc.RpcObserver;
import org.actorrpc.RpcServer;
import org.actorrpc.exceptions.RecipientUnreachableException;
import org.actorrpc.exceptions.RpcException;
import org.actorrpc.exceptions.RpcExceptions;
import org.actorrpc.internal.endpoint.EndpointFence;
import org.actorrpc.internal.endpoint.EndpointStatistics;
import org.actorrpc.internal.endpoint.EndpointView;
import org.actorrpc.internal.endpoint.Fence;
import org.actorrpc.internal.endpoint.GatewayInterfaces;
import org.actorrpc.internal.endpoint.GatewayMethod;

/**
 * The server side of one endpoint: its bounded mailbox, its dedicated main thread (the same
 * {@link Thread} for the endpoint's whole life, named {@code actorrpc-<system>-<endpointId>}) and
 * its {@link EndpointLifecycle}. Every message runs on the main thread, one at a time, in mailbox
 * order. Public methods are thread-safe; the view's numbers are racy snapshots. When the endpoint
 * terminates, the server tells its owner through the callback it was created with.
 *
 * <p>(About 430 lines, over the size we aim for: admission to the bounded mailbox, the main loop
 * and the lifecycle hooks share state that only the main thread may write — the lifecycle, the
 * credit ledger, the stop flags — and splitting them would publish that state to other classes.)
 */
final class EndpointServer implements RpcServer, RpcEndpoint.MainThreadAware, Runnable, EndpointView.Source {

	private static final Logger logger = LoggerFactory.getLogger(EndpointServer.class);

	private final ServiceContext context;

	private final RpcEndpoint endpoint;

	private final String endpointId;

	private final String address;

	/** {@code endpoint <id>}, for invocation errors and logs. */
	private final String targetName;

	private final List<Class<? extends RpcGateway>> gateways;

	private final Map<String, String> loggingContext;

	private final Consumer<EndpointServer> onTerminated;

	private final EndpointMailbox mailbox;

	private final EndpointThread thread;

	private final FlightRecorder recorder;

	private final EndpointFence fence;

	private final int capacity;

	private final EndpointStatistics statistics = new EndpointStatistics();

	private final EndpointView view = new EndpointView(this);

	private final EndpointJournal journal;

	/** Main thread only. */
	private final CreditLedger ledger = new CreditLedger();

	private final CompletableFuture<Void> terminationFuture = new CompletableFuture<>();

	private final Object drainLock = new Object();

	/** Written by the main thread only. */
	private volatile EndpointLifecycle lifecycle = EndpointLifecycle.CREATED;

	private volatile boolean terminated;

	/** Set when termination is requested: from then on remote senders are refused as "shutting down". */
	private volatile boolean closing;

	/** Set when onStop's future completed: nothing queued behind it runs any more. */
	private volatile boolean stopCompleted;

	private volatile Throwable stopFailure;

	EndpointServer(ServiceContext context, RpcEndpoint endpoint, Map<String, String> loggingContext,
			Consumer<EndpointServer> onTerminated) {
		this.context = context;
		this.endpoint = endpoint;
		this.endpointId = endpoint.getEndpointId();
		this.address = context.endpointAddress(this.endpointId);
		this.targetName = "endpoint " + this.endpointId;
		this.fence = new EndpointFence(endpoint);
		this.gateways = List.copyOf(GatewayInterfaces.of(endpoint.getClass()));
		this.loggingContext = Map.copyOf(loggingContext);
		this.onTerminated = onTerminated;
		this.capacity = context.settings().flowControl().mailboxCapacityOf(this.endpointId);
		this.mailbox = new EndpointMailbox(this.capacity);
		this.thread = new EndpointThread(this, "actorrpc-" + context.systemName() + "-" + this.endpointId);
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		this.thread.setContextClassLoader((loader != null) ? loader : endpoint.getClass().getClassLoader());
		this.mailbox.bindConsumer(this.thread);
		this.journal = EndpointJournal.of(context, endpoint, this.endpointId, this);
		this.recorder = new FlightRecorder(this.endpointId, this.thread, context.settings().flightRecorderSize());
	}

	void startThread() {
		this.thread.start();
	}

	RpcEndpoint endpoint() {
		return this.endpoint;
	}

	ServiceContext context() {
		return this.context;
	}

	RpcObserver observer() {
		return this.context.observer();
	}

	Fence fence() {
		return this.fence.current();
	}

	boolean isTerminated() {
		return this.terminated;
	}

	// ------------------------------------------------------------------------
	// Enqueueing (any thread)
	// ------------------------------------------------------------------------

	void enqueue(MailboxMessage message) {
		if (this.terminated) {
			message.refuse(unreachable());
			return;
		}
		this.mailbox.offer(message);
		if (this.terminated) {
			drain();
		}
	}

	/** @return whether the mailbox has room for one more gateway call */
	boolean hasCapacity() {
		return this.mailbox.hasRoom();
	}

	/**
	 * Enqueues a local gateway call within the mailbox's capacity. A caller that may wait takes
	 * room at once only when nobody waits for it; otherwise it waits in line, first come first
	 * served, up to the overflow timeout. A caller that must not wait (an endpoint's main thread, the
	 * transport thread, or an overflow timeout of 0) takes any room there is at once, or is refused.
	 * @param message the call, built completely: it is enqueued the moment it is admitted
	 * @param invocation the method, for the error
	 * @param answer the future of a call that expects an answer, or {@code null}: once it is done (the
	 * call's own timeout passed) the caller stops waiting
	 * @return {@code null} when the call was enqueued, otherwise why not (it was not enqueued)
	 */
	RpcException enqueueCall(MailboxMessage message, String invocation, CompletableFuture<?> answer) {
		if (this.terminated) {
			return unreachable();
		}
		if (this.mailbox.offerIfNobodyWaits(message)) {
			drainIfTerminated();
			return null;
		}
		long timeoutNanos = this.context.mayWaitForCapacity()
				? PendingCall.saturatedNanos(this.context.settings().flowControl().overflowTimeout()) : 0;
		long start = System.nanoTime();
		WaitingLine.Outcome outcome;
		if (timeoutNanos == 0) {
			outcome = this.mailbox.offerIfRoom(message) ? WaitingLine.Outcome.ADMITTED : WaitingLine.Outcome.TIMED_OUT;
		}
		else {
			outcome = awaitRoom(message, timeoutNanos, answer);
		}
		RpcObserver observer = this.context.observer();
		if (observer != RpcObserver.NOOP) {
			try {
				observer.capacityWaited(this.address, "mailbox", System.nanoTime() - start,
						outcome == WaitingLine.Outcome.ADMITTED);
			}
			catch (RuntimeException ex) {
				logger.warn("RpcObserver failed on capacityWaited", ex);
			}
		}
		return switch (outcome) {
			case ADMITTED -> {
				drainIfTerminated();
				yield null;
			}
			case TIMED_OUT -> {
				this.statistics.refused();
				yield mailboxFull(invocation, timeoutNanos > 0);
			}
			case GAVE_UP -> this.terminated ? stoppedWhileWaiting(invocation)
					: new RpcException("Gave up delivering " + invocation + " to " + this.address
							+ ": the call's own timeout passed while it waited for room in the endpoint's full mailbox.");
			case INTERRUPTED -> new RpcException("Could not deliver " + invocation + " to " + this.address
					+ ": the calling thread was interrupted while it waited for room in the endpoint's full mailbox.");
		};
	}

	private WaitingLine.Outcome awaitRoom(MailboxMessage message, long timeoutNanos, CompletableFuture<?> answer) {
		if (answer == null) {
			return this.mailbox.offerWhenRoom(message, timeoutNanos, () -> this.terminated);
		}
		// A call whose timeout passes while it waits leaves the line at once, not when room comes.
		Thread waiter = Thread.currentThread();
		answer.whenComplete((value, failure) -> LockSupport.unpark(waiter));
		return this.mailbox.offerWhenRoom(message, timeoutNanos, () -> this.terminated || answer.isDone());
	}

	private void drainIfTerminated() {
		// The endpoint may have terminated after the check above; its drain may have run before this offer.
		if (this.terminated) {
			drain();
		}
	}

	private RecipientUnreachableException stoppedWhileWaiting(String invocation) {
		return new RecipientUnreachableException("Could not deliver " + invocation + " to " + this.address
				+ ": the endpoint terminated while the call waited for room in its full mailbox.");
	}

	RpcException mailboxFull(String invocation, boolean waited) {
		return new RpcException("Could not deliver " + invocation + " to " + this.address + ": its mailbox is full ("
				+ this.mailbox.depth() + " of " + this.capacity + " messages queued)"
				+ (waited ? " and no room came free for this call within "
						+ this.context.settings().flowControl().overflowTimeout().toMillis()
						+ " ms (actorrpc.flow-control.overflow-timeout)" : "")
				+ ". The endpoint processes more slowly than it is called: send less, or raise "
				+ "actorrpc.flow-control.mailbox-capacity (FlowControlSettings.mailboxCapacity, per endpoint: "
				+ "mailboxCapacities).");
	}

	/** A remote call was refused because the mailbox was full. */
	void countRefused() {
		this.statistics.refused();
	}

	RecipientUnreachableException unreachable() {
		return new RecipientUnreachableException("Could not deliver the message to " + this.address
				+ ", because the recipient is unreachable: the endpoint has terminated.");
	}

	@Override
	public void start() {
		enqueue(new ControlMessage(ControlMessage.Kind.START));
	}

	@Override
	public void stop() {
		enqueue(new ControlMessage(ControlMessage.Kind.STOP));
	}

	void terminate() {
		this.closing = true;
		enqueue(new ControlMessage(ControlMessage.Kind.TERMINATE));
	}

	/**
	 * Whether termination was requested. Remote calls and tells that arrive from then on are
	 * refused at the ingress; everything queued before, and local messages (the endpoint's own
	 * tasks, answers to its outbound calls), still run until {@code onStop}'s future completes.
	 * @return whether the endpoint is shutting down
	 */
	boolean isClosing() {
		return this.closing;
	}

	RecipientUnreachableException shuttingDown(String invocation) {
		return new RecipientUnreachableException("Could not deliver " + invocation + " to " + this.address
				+ ": the endpoint is shutting down and accepts no new calls (calls that arrived before the shutdown "
				+ "are still answered). Retry against another instance, or once it has restarted.");
	}

	@Override
	public void runAsync(Runnable runnable) {
		enqueue(new TaskMessage(this.journal.task(runnable)));
	}

	@Override
	@SuppressWarnings("unchecked")
	public <V> CompletableFuture<V> callAsync(Callable<V> callable, Duration callTimeout) {
		CompletableFuture<Object> future = new CompletableFuture<>();
		this.context.timeouts().register(new PendingCall(future, null, this.address, callTimeout, null,
				RpcObserver.ClientCall.NOOP, "callAsync on endpoint " + this.endpointId));
		enqueue(new TaskMessage(this.journal.task((Callable<Object>) callable), future));
		return (CompletableFuture<V>) future;
	}

	@Override
	public void scheduleRunAsync(Runnable runnable, long delayMillis) {
		if (delayMillis < 0) {
			throw new IllegalArgumentException("delay must be zero or greater but was " + delayMillis);
		}
		Runnable timer = this.journal.timer(runnable, delayMillis);
		if (delayMillis == 0) {
			enqueue(new TaskMessage(timer, true));
		}
		else {
			this.context.scheduler().schedule(() -> enqueue(new TaskMessage(timer, true)), delayMillis,
					TimeUnit.MILLISECONDS);
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
		return this.context.hostname();
	}

	@Override
	public Thread getMainThread() {
		return this.thread;
	}

	@Override
	public Clock getClock() {
		return this.journal.clock();
	}

	@Override
	public long getJournalSequence() {
		return this.journal.sequence();
	}

	EndpointJournal journal() {
		return this.journal;
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
				MailboxMessage message = this.mailbox.poll();
				if (message == null) {
					this.ledger.idle();
					message = this.mailbox.take();
				}
				message.taken(this.ledger);
				this.mailbox.wakeRoomWaiters();
				if (this.stopCompleted) {
					message.reject(unreachable());
					finishStop();
				}
				else {
					handle(message);
					this.journal.endMessage();
				}
			}
		}
		finally {
			MDC.clear();
		}
	}

	private void handle(MailboxMessage message) {
		long start = System.nanoTime();
		RpcMethod method = message.method();
		this.statistics.started(method, start);
		this.recorder.begin();
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
		this.recorder.end(message, start, took, failure);
		boolean call = method != ControlMessage.LIFECYCLE;
		this.statistics.finished(call ? method : null, took, failure != null);
		RpcObserver observer = this.context.observer();
		if (call && observer != RpcObserver.NOOP) {
			try {
				observer.serverCallCompleted(this.view, method, start - message.enqueuedAt, took, failure);
			}
			catch (RuntimeException ex) {
				logger.warn("RpcObserver failed on serverCallCompleted", ex);
			}
		}
	}

	boolean isRunningForMessages() {
		return this.lifecycle.acceptsMessages();
	}

	void control(ControlMessage.Kind command) {
		switch (command) {
			case START -> this.lifecycle.start(this);
			case STOP -> this.lifecycle.stop(this);
			case TERMINATE -> this.lifecycle.terminate(this);
			case STOP_COMPLETED -> finishStop();
		}
	}

	// ------------------------------------------------------------------------
	// Lifecycle hooks, called by EndpointLifecycle on the main thread
	// ------------------------------------------------------------------------

	void enter(EndpointLifecycle next) {
		this.lifecycle = next;
	}

	void invokeOnStart() {
		this.journal.lifecycle(true);
		try {
			this.endpoint.internalCallOnStart();
			logger.info("Started rpc endpoint '{}' at {}", this.endpointId, this.address);
		}
		catch (Throwable ex) {
			logger.error("Could not start RpcEndpoint {}", this.endpointId, ex);
			finish(ex);
		}
	}

	void invokeOnStop() {
		this.journal.lifecycle(false);
		CompletableFuture<Void> stopFuture = this.endpoint.internalCallOnStop();
		stopFuture.whenComplete((ignored, failure) -> {
			this.stopFailure = failure;
			this.stopCompleted = true;
			this.mailbox.offer(new ControlMessage(ControlMessage.Kind.STOP_COMPLETED));
		});
	}

	private void finishStop() {
		Throwable failure = this.stopFailure;
		finish((failure != null) ? RpcExceptions.stripCompletion(failure) : null);
	}

	void finish(Throwable failure) {
		if (this.terminated) {
			return;
		}
		this.lifecycle = (failure != null) ? EndpointLifecycle.FAILED : EndpointLifecycle.TERMINATED;
		this.terminated = true;
		this.journal.close();
		this.recorder.terminated(failure);
		drain();
		this.ledger.payAll();
		this.mailbox.releaseRoomWaiters();
		this.onTerminated.accept(this);
		this.context.runCallback(() -> {
			if (failure != null) {
				this.terminationFuture.completeExceptionally(failure);
			}
			else {
				this.terminationFuture.complete(null);
			}
			RpcObserver observer = this.context.observer();
			if (observer != RpcObserver.NOOP) {
				observer.endpointTerminated(this.view, failure);
			}
		});
	}

	private void drain() {
		synchronized (this.drainLock) {
			MailboxMessage message;
			while ((message = this.mailbox.poll()) != null) {
				message.refuse(unreachable());
			}
		}
	}

	void rethrowIfFatal(Throwable failure) {
		if (failure instanceof VirtualMachineError error) {
			throw error;
		}
	}

	void logRefusedTell(GatewayMethod method, Throwable reason) {
		logger.warn("Fire-and-forget call {} to endpoint {} was not processed: {}", method.invocationString,
				this.endpointId, reason.getMessage());
	}

	void logFailedTask(Throwable failure) {
		logger.error("Caught exception while executing runnable in main thread of endpoint {}.", this.endpointId,
				failure);
	}

	// ------------------------------------------------------------------------
	// What the view reads
	// ------------------------------------------------------------------------

	/** @return the live view of this endpoint */
	RpcEndpointView view() {
		return this.view;
	}

	String targetName() {
		return this.targetName;
	}

	@Override
	public String endpointId() {
		return this.endpointId;
	}

	@Override
	public List<Class<? extends RpcGateway>> gateways() {
		return this.gateways;
	}

	@Override
	public RpcEndpointView.State state() {
		return this.lifecycle.view();
	}

	@Override
	public int mailboxDepth() {
		return this.mailbox.depth();
	}

	@Override
	public int mailboxCapacity() {
		return this.capacity;
	}

	@Override
	public long oldestEnqueuedAt() {
		return this.mailbox.oldestEnqueuedAt();
	}

	@Override
	public EndpointStatistics statistics() {
		return this.statistics;
	}

	@Override
	public List<RecordedMessage> recentMessages(int limit) {
		return this.recorder.snapshot(limit);
	}

	@Override
	public String toString() {
		return "EndpointServer(" + this.address + ", " + this.lifecycle + ")";
	}

}
