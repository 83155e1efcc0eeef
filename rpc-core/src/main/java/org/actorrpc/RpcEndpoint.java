package org.actorrpc;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Base class of RPC endpoints: components that implement one or more {@link RpcGateway}
 * interfaces and process every message on <em>one dedicated main thread, in arrival order</em>.
 *
 * <h2>Single-threaded execution</h2>
 * Every message an endpoint receives — remote calls, local calls, {@link #runAsync},
 * {@link #callAsync}, scheduled runs, {@link #onStart()} and {@link #onStop()} — runs on the
 * endpoint's own main thread, one at a time; messages from one sender run in the order they were
 * sent. The main thread is a real {@link Thread} owned by this endpoint for its whole life and
 * named after it ({@code actorrpc-<system>-<endpointId>}), so the endpoint's state needs no locks
 * and thread dumps show which endpoint is busy. {@link #validateRunsInMainThread()} checks it.
 *
 * <h2>Lifecycle</h2>
 * <ul>
 * <li>The constructor registers the endpoint with the {@link RpcService}: it is reachable (connect
 * handshakes succeed) but answers every message with an
 * {@link org.actorrpc.exceptions.EndpointNotStartedException}.</li>
 * <li>{@link #start()} makes it process messages; {@link #onStart()} runs first, on the main
 * thread. If it throws, the endpoint terminates and its termination future fails.</li>
 * <li>{@link #closeAsync()} runs {@link #onStop()} on the main thread, after every message that
 * arrived before it. From the moment it is called, remote calls and fire-and-forget messages that
 * arrive are refused at once with a {@link org.actorrpc.exceptions.RecipientUnreachableException}
 * saying the endpoint is shutting down; local messages (its own tasks, answers to its outbound
 * calls) are still processed until the future returned by {@code onStop()} completes. Then the
 * endpoint terminates: messages still queued are answered with a
 * {@link org.actorrpc.exceptions.RecipientUnreachableException}.</li>
 * <li>A failure that escapes a main-thread task (an {@link Error} thrown by a
 * {@code runAsync} runnable) terminates this endpoint only: its termination future fails, the
 * other endpoints of the service keep serving.</li>
 * </ul>
 *
 * <p>Methods of this class are thread-safe unless their Javadoc says they must be called from the
 * main thread.
 *
 * <p>(The file is long because it is the contract endpoint authors read: two fifths of it is
 * Javadoc, and the nested {@link MainThreadExecutor} stays here as in Flink, where code being ported
 * expects it.)
 */
public abstract class RpcEndpoint implements RpcGateway, AutoCloseableAsync {

	private final RpcService rpcService;

	private final String endpointId;

	private final RpcServer rpcServer;

	private final MainThreadExecutor mainThreadExecutor;

	/** Written and read on the main thread only. */
	private boolean running;

	/**
	 * Creates the endpoint and registers it with the service under the given id.
	 * @param rpcService the service hosting this endpoint
	 * @param endpointId id, unique among the service's running endpoints; it is the last element
	 * of the endpoint's address
	 * @param loggingContext MDC entries set on the main thread
	 */
	protected RpcEndpoint(RpcService rpcService, String endpointId, Map<String, String> loggingContext) {
		this.rpcService = Objects.requireNonNull(rpcService, "rpcService");
		this.endpointId = Objects.requireNonNull(endpointId, "endpointId");
		this.rpcServer = rpcService.startServer(this, Objects.requireNonNull(loggingContext, "loggingContext"));
		this.mainThreadExecutor = new MainThreadExecutor(this.rpcServer, this::validateRunsInMainThread,
				rpcService);
	}

	/**
	 * Creates the endpoint and registers it with the service under the given id.
	 * @param rpcService the service hosting this endpoint
	 * @param endpointId id, unique among the service's running endpoints
	 */
	protected RpcEndpoint(RpcService rpcService, String endpointId) {
		this(rpcService, endpointId, Map.of());
	}

	/**
	 * Creates the endpoint under a random id. Prefer a stable id: it appears in addresses, thread
	 * names and metrics.
	 * @param rpcService the service hosting this endpoint
	 */
	protected RpcEndpoint(RpcService rpcService) {
		this(rpcService, UUID.randomUUID().toString());
	}

	/**
	 * Returns the endpoint id.
	 * @return the id
	 */
	public String getEndpointId() {
		return this.endpointId;
	}

	/**
	 * Whether the endpoint has started and {@link #onStop()} has not run yet. Main thread only.
	 * @return whether the endpoint is running
	 */
	protected boolean isRunning() {
		validateRunsInMainThread();
		return this.running;
	}

	// ------------------------------------------------------------------------
	// Lifecycle
	// ------------------------------------------------------------------------

	/**
	 * Starts processing messages; {@link #onStart()} runs first, on the main thread.
	 */
	public final void start() {
		this.rpcServer.start();
	}

	/**
	 * Suspends processing: until {@link #start()} is called again, messages are answered with an
	 * {@link org.actorrpc.exceptions.EndpointNotStartedException}.
	 */
	protected final void stop() {
		this.rpcServer.stop();
	}

	/**
	 * Called by the RPC service on the main thread when the endpoint starts. IMPORTANT: never call
	 * it directly.
	 * @throws Exception whatever {@link #onStart()} throws
	 */
	public final void internalCallOnStart() throws Exception {
		validateRunsInMainThread();
		this.running = true;
		onStart();
	}

	/**
	 * Called by the RPC service on the main thread when the endpoint is closed. IMPORTANT: never
	 * call it directly.
	 * @return the future returned by {@link #onStop()}, combined with cancelling scheduled tasks
	 */
	public final CompletableFuture<Void> internalCallOnStop() {
		validateRunsInMainThread();
		this.mainThreadExecutor.cancelAll();
		CompletableFuture<Void> stopFuture;
		try {
			stopFuture = Objects.requireNonNull(onStop(), "onStop() returned null");
		}
		catch (Throwable ex) {
			stopFuture = CompletableFuture.failedFuture(ex);
		}
		finally {
			this.running = false;
		}
		return stopFuture;
	}

	/**
	 * Hook run on the main thread when the endpoint starts. Throwing terminates the endpoint.
	 * @throws Exception to fail the start
	 */
	protected void onStart() throws Exception {
	}

	/**
	 * Hook run on the main thread when the endpoint is closed. The endpoint keeps processing
	 * messages until the returned future completes.
	 * @return a future completed when stopping is done
	 */
	protected CompletableFuture<Void> onStop() {
		return CompletableFuture.completedFuture(null);
	}

	/**
	 * Terminates the endpoint: {@link #onStop()} runs on the main thread, then the endpoint stops.
	 * @return the termination future
	 */
	@Override
	public final CompletableFuture<Void> closeAsync() {
		this.rpcService.stopServer(this.rpcServer);
		return getTerminationFuture();
	}

	/**
	 * Returns a future completed once the endpoint has terminated (exceptionally when it failed).
	 * @return the termination future
	 */
	public CompletableFuture<Void> getTerminationFuture() {
		return this.rpcServer.getTerminationFuture();
	}

	// ------------------------------------------------------------------------
	// Basic information
	// ------------------------------------------------------------------------

	/**
	 * Returns a local gateway to this endpoint; calls through it are enqueued like any other
	 * message.
	 * @param selfGatewayType a gateway interface this endpoint implements
	 * @param <C> gateway type
	 * @return the self gateway
	 * @throws IllegalArgumentException if this endpoint does not implement the gateway
	 */
	public <C extends RpcGateway> C getSelfGateway(Class<C> selfGatewayType) {
		return this.rpcService.getSelfGateway(selfGatewayType, this.rpcServer);
	}

	@Override
	public String getAddress() {
		return this.rpcServer.getAddress();
	}

	@Override
	public String getHostname() {
		return this.rpcServer.getHostname();
	}

	/**
	 * Returns the service hosting this endpoint.
	 * @return the service
	 */
	public RpcService getRpcService() {
		return this.rpcService;
	}

	/**
	 * Returns the clock this endpoint should read time from instead of
	 * {@link System#currentTimeMillis()}: the server's clock, so that a testing service can drive
	 * it virtually and a journal can record every reading for a deterministic replay.
	 * @return the endpoint's clock
	 */
	protected Clock getClock() {
		return this.rpcServer.getClock();
	}

	/**
	 * Returns the number under which the message being processed is recorded in this endpoint's
	 * journal, for example to hand it out with an answer (a query's result then says "replay the
	 * journal to message n to see this state"). A replay of the endpoint returns the recorded
	 * number for the same message. Main thread only.
	 * @return the sequence number of the current message, 0 when the endpoint is not journaled
	 */
	protected long getJournalSequence() {
		return this.rpcServer.getJournalSequence();
	}

	/**
	 * Returns an executor that runs tasks on this endpoint's main thread, for example to continue
	 * future chains there ({@code future.thenAcceptAsync(action, getMainThreadExecutor())}).
	 * @return the main-thread executor
	 */
	protected MainThreadExecutor getMainThreadExecutor() {
		return this.mainThreadExecutor;
	}

	// ------------------------------------------------------------------------
	// Asynchronous executions
	// ------------------------------------------------------------------------

	/**
	 * Runs the runnable on the main thread, after the messages already queued. An exception it
	 * throws is logged; an {@link Error} terminates this endpoint.
	 * @param runnable the code to run
	 */
	protected void runAsync(Runnable runnable) {
		this.rpcServer.runAsync(runnable);
	}

	/**
	 * Runs the runnable on the main thread once the delay has passed.
	 * @param runnable the code to run
	 * @param delay the delay, zero or greater
	 */
	protected void scheduleRunAsync(Runnable runnable, Duration delay) {
		scheduleRunAsync(runnable, delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Runs the runnable on the main thread once the delay has passed.
	 * @param runnable the code to run
	 * @param delay the delay, zero or greater
	 * @param unit unit of the delay
	 */
	protected void scheduleRunAsync(Runnable runnable, long delay, TimeUnit unit) {
		this.rpcServer.scheduleRunAsync(runnable, unit.toMillis(delay));
	}

	/**
	 * Runs the callable on the main thread and returns its result.
	 * @param callable the code to run
	 * @param timeout how long to wait for the result
	 * @param <V> result type
	 * @return a future of the result; fails with a timeout exception after the timeout
	 */
	protected <V> CompletableFuture<V> callAsync(Callable<V> callable, Duration timeout) {
		return this.rpcServer.callAsync(callable, timeout);
	}

	// ------------------------------------------------------------------------
	// Main thread validation
	// ------------------------------------------------------------------------

	/**
	 * Checks that the calling thread is this endpoint's main thread. Always on (not only under
	 * {@code -ea}): it is one thread comparison.
	 * @throws IllegalStateException when called from another thread
	 */
	public void validateRunsInMainThread() {
		Thread mainThread = ((MainThreadAware) this.rpcServer).getMainThread();
		Thread current = Thread.currentThread();
		if (current != mainThread) {
			throw new IllegalStateException("This method must be called from within the main thread of endpoint '"
					+ this.endpointId + "': expected thread '" + mainThread.getName() + "' but running in '"
					+ current.getName() + "'. Use runAsync/callAsync or getMainThreadExecutor() to get there.");
		}
	}

	/**
	 * Implemented by {@link RpcServer}s that own a dedicated main thread. An SPI for
	 * {@link RpcService} implementations, not for endpoint code.
	 */
	public interface MainThreadAware {

		/**
		 * Returns the endpoint's main thread.
		 * @return the main thread
		 */
		Thread getMainThread();

	}

	// ------------------------------------------------------------------------
	// Main thread executor
	// ------------------------------------------------------------------------

	/**
	 * Executes and schedules tasks on the endpoint's main thread. Thread-safe. Scheduled tasks
	 * that have not run when the endpoint stops are cancelled and never run.
	 */
	public static final class MainThreadExecutor implements Executor {

		private final MainThreadExecutable gateway;

		private final Runnable mainThreadCheck;

		private final RpcService rpcService;

		private final Set<ScheduledFuture<?>> pending = ConcurrentHashMap.newKeySet();

		private volatile boolean closed;

		MainThreadExecutor(MainThreadExecutable gateway, Runnable mainThreadCheck, RpcService rpcService) {
			this.gateway = gateway;
			this.mainThreadCheck = mainThreadCheck;
			this.rpcService = rpcService;
		}

		@Override
		public void execute(Runnable command) {
			this.gateway.runAsync(command);
		}

		/** Hands a task whose delay has passed to the main thread, as a scheduled run. */
		private void runScheduled(Runnable command) {
			this.gateway.scheduleRunAsync(command, 0);
		}

		/**
		 * Runs the command on the main thread after the delay.
		 * @param command the code to run
		 * @param delay the delay
		 * @param unit its unit
		 * @return a future that can cancel the run
		 */
		public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
			return schedule(new FutureTask<>(command, null), delay, unit);
		}

		/**
		 * Runs the callable on the main thread after the delay.
		 * @param callable the code to run
		 * @param delay the delay
		 * @param unit its unit
		 * @param <V> result type
		 * @return a future of the result that can cancel the run
		 */
		public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
			return schedule(new FutureTask<>(callable), delay, unit);
		}

		/**
		 * Runs the command on the main thread repeatedly, at a fixed rate, until cancelled or the
		 * endpoint stops.
		 * @param command the code to run
		 * @param initialDelay delay of the first run
		 * @param period period between run starts
		 * @param unit unit of both
		 * @return a future that cancels further runs
		 */
		public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period,
				TimeUnit unit) {
			return track(this.rpcService.getScheduledExecutor()
				.scheduleAtFixedRate(() -> runScheduled(command), initialDelay, period, unit));
		}

		/**
		 * Runs the command on the main thread repeatedly, with a fixed delay between the end of a
		 * hand-over and the next, until cancelled or the endpoint stops.
		 * @param command the code to run
		 * @param initialDelay delay of the first run
		 * @param delay delay between runs
		 * @param unit unit of both
		 * @return a future that cancels further runs
		 */
		public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
				TimeUnit unit) {
			return track(this.rpcService.getScheduledExecutor()
				.scheduleWithFixedDelay(() -> runScheduled(command), initialDelay, delay, unit));
		}

		/**
		 * Checks that the caller runs on the main thread.
		 * @throws IllegalStateException otherwise
		 */
		public void assertRunningInMainThread() {
			this.mainThreadCheck.run();
		}

		private <V> ScheduledFuture<V> schedule(FutureTask<V> task, long delay, TimeUnit unit) {
			ScheduledTask<V> scheduled = new ScheduledTask<>(task);
			if (this.closed) {
				scheduled.cancel(false);
				return scheduled;
			}
			scheduled.timer = this.rpcService.getScheduledExecutor().schedule(() -> {
				this.pending.remove(scheduled);
				if (!task.isDone()) {
					runScheduled(task);
				}
			}, delay, unit);
			this.pending.add(scheduled);
			if (this.closed) {
				scheduled.cancel(false);
			}
			return scheduled;
		}

		private <V> ScheduledFuture<V> track(ScheduledFuture<V> future) {
			this.pending.add(future);
			if (this.closed) {
				future.cancel(false);
			}
			return future;
		}

		void cancelAll() {
			this.closed = true;
			for (ScheduledFuture<?> future : this.pending) {
				future.cancel(false);
			}
			this.pending.clear();
		}

	}

	private static final class ScheduledTask<V> implements ScheduledFuture<V> {

		private final FutureTask<V> task;

		private volatile ScheduledFuture<?> timer;

		ScheduledTask(FutureTask<V> task) {
			this.task = task;
		}

		@Override
		public long getDelay(TimeUnit unit) {
			ScheduledFuture<?> t = this.timer;
			return (t != null) ? t.getDelay(unit) : 0;
		}

		@Override
		public int compareTo(java.util.concurrent.Delayed other) {
			return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
		}

		@Override
		public boolean cancel(boolean mayInterruptIfRunning) {
			ScheduledFuture<?> t = this.timer;
			if (t != null) {
				t.cancel(false);
			}
			return this.task.cancel(mayInterruptIfRunning);
		}

		@Override
		public boolean isCancelled() {
			return this.task.isCancelled();
		}

		@Override
		public boolean isDone() {
			return this.task.isDone();
		}

		@Override
		public V get() throws InterruptedException, java.util.concurrent.ExecutionException {
			return this.task.get();
		}

		@Override
		public V get(long timeout, TimeUnit unit)
				throws InterruptedException, java.util.concurrent.ExecutionException,
				java.util.concurrent.TimeoutException {
			return this.task.get(timeout, unit);
		}

	}

}
