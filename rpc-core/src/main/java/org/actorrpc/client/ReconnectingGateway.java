package org.actorrpc.client;

import java.io.Serializable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.actorrpc.FencedRpcGateway;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcMethod;
import org.actorrpc.RpcObserver;
import org.actorrpc.RpcService;
import org.actorrpc.client.ConnectOptionsSupport.ConnectOptions;
import org.actorrpc.client.RpcClientView.State;
import org.actorrpc.exceptions.FencingTokenException;
import org.actorrpc.exceptions.HandshakeException;
import org.actorrpc.exceptions.RecipientUnreachableException;
import org.actorrpc.exceptions.RpcConnectionException;
import org.actorrpc.exceptions.RpcExceptions;
import org.actorrpc.exceptions.RpcRuntimeException;
import org.actorrpc.exceptions.RpcTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gateway of type {@code C} that connects by itself and keeps connecting: it connects lazily on
 * the first call, queues the calls made while the connection is being established and sends them
 * in order once it exists, reconnects with back-off after a failed connect or a lost connection,
 * and, for {@link FencedRpcGateway} types, reconnects with a new fencing token when one is set
 * ({@link FencedRpcClient}). Plain Java and the Spring Boot starter's {@code @RpcClient} use it
 * alike:
 *
 * <pre class="code">
 * ReconnectingGateway&lt;JobMasterGateway&gt; client = ReconnectingGateway
 *     .builder(rpcService, JobMasterGateway.class)
 *     .settings(ClientSettings.of("jobmaster", "pekko://jobmaster@127.0.0.1:6123/user/rpc/jobmaster"))
 *     .build();
 * JobMasterGateway jobMaster = client.gateway();
 * </pre>
 *
 * <h2>Connection states</h2>
 * <ul>
 * <li>{@link State#NOT_CONNECTED}: nothing tried yet. The first call starts a connect attempt.
 * <li>{@link State#CONNECTING}: an attempt is in flight. Asynchronous and fire-and-forget calls
 * are queued behind it; blocking calls wait for it (at most {@link ClientSettings#timeout()}).
 * Each attempt is bounded by the timeout as well.
 * <li>{@link State#CONNECTED}: calls go straight to the connected gateway, once every call queued
 * behind the connect has been sent. A call that fails because the remote is gone
 * ({@link RecipientUnreachableException}, {@link RpcConnectionException},
 * {@link HandshakeException}) or did not answer in time (a {@link TimeoutException}: a restarted
 * remote can leave the old connection silent) drops the connection and starts a new attempt at
 * once (state {@code CONNECTING}, calls queue again). Application exceptions keep it.
 * <li>{@link State#FAILED}: an attempt failed. Reconnect attempts run in the background, the
 * first after {@link ClientSettings#initialBackoff()}, each further one after twice the delay
 * before, at most {@link ClientSettings#maxBackoff()}. Until one succeeds, every call fails at
 * once (it neither waits nor is queued) with an {@link RpcConnectionException} naming the client,
 * its address, the reason and the next attempt; also while a background attempt is in flight.
 * <li>{@link State#CLOSED}: after {@link #close()}; calls fail at once.
 * </ul>
 *
 * <h2>Re-targeting</h2>
 * What the client connects to can change while it runs: {@link #retarget} points it at another
 * address and fencing token (a leader retrieval announcing a new leader does this, see
 * {@code org.actorrpc.ha.LeaderFollowingGateway}), and {@link #clearTarget} leaves it without
 * an endpoint. Either drops the connection as a new fencing token does: the client is
 * {@code NOT_CONNECTED}, its failure count and back-off start again, and the next call connects
 * to the new target; calls already sent, or queued behind a connect to the old target, still go
 * to the old one. Without a target, every call fails at once (it neither waits nor is queued)
 * with the failure given to {@code clearTarget}, the view shows state {@code FAILED} with that
 * failure and no failed attempt, and {@link RpcGateway#getAddress()},
 * {@link RpcGateway#getHostname()} and {@link FencedRpcClient#getFencingToken()} return
 * {@code null}.
 *
 * <h2>How calls fail</h2>
 * A call the client cannot send fails with an {@link RpcConnectionException}: asynchronous calls
 * return a future failed with it; blocking calls throw it if the method declares it, else an
 * unchecked {@link RpcRuntimeException} caused by it; fire-and-forget calls throw an
 * {@link RpcRuntimeException} caused by it (they are never queued for a connection that is known
 * to be down). A fire-and-forget call queued behind an attempt that then fails cannot throw any
 * more: it is logged at WARN. Every call the client fails itself is reported to the
 * {@link RpcObserver} as a client call that completed with that failure, so failure metrics count
 * it; calls that reach the gateway are observed by the service as usual.
 *
 * <h2>One deadline per call</h2>
 * The client's {@link ClientSettings#timeout()} is the default timeout of the gateway it
 * connects, when its service implements {@link ConnectOptionsSupport}: the gateway's timer is the
 * only one, and its timeout error names {@code settings.settingName("timeout")}. With another
 * service, the gateway keeps the service's ask timeout and the client bounds asynchronous calls
 * with a timer of its own whose error names the same setting; blocking calls then use the
 * service's ask timeout.
 *
 * <h2>Thread safety, locking and ordering</h2>
 * Thread-safe. All connection state is guarded by one private lock ({@code @GuardedBy("lock")}
 * below). Connect attempts are started while it is held ({@code RpcService.connect} does not
 * block), but no call is sent, awaited or logged under it, and attempt outcomes are recorded on
 * the service's scheduler, never on the thread that holds it. Calls from one thread reach the
 * endpoint in the order they were made: calls made while not connected are appended to a chain
 * of futures under the lock and drained in order by whichever thread completes the connect; the
 * fast path ({@code connected}) is opened only after the last queued call was sent, so no later
 * call overtakes a queued one. Calls from different threads are not ordered with each other.
 * Queued calls are sent on the thread that completed the connect or the previous queued call (an
 * RPC thread of the service). Back-off timers run on the service's scheduler.
 *
 * <p>Why one class of this size (about 550 lines of code): the call paths and the connection
 * state machine share the one lock and the queue of calls behind a connect, and the ordering
 * guarantee above can only be checked by reading them together (grpc-java keeps its
 * {@code DelayedClientCall} in one file for the same reason).
 *
 * @param <C> the gateway type
 */
public final class ReconnectingGateway<C extends RpcGateway> implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ReconnectingGateway.class);

	private final ClientSettings settings;

	private final Class<C> gatewayType;

	private final RpcService rpcService;

	private final RpcObserver observer;

	private final boolean fenced;

	private final C gateway;

	private final Object lock = new Object();

	/** Connection state. @GuardedBy("lock") */
	private State state = State.NOT_CONNECTED;

	/** The attempt in flight or the one that connected; {@code null} when none. @GuardedBy("lock") */
	private CompletableFuture<C> attempt;

	/**
	 * Completes when the last call queued behind {@link #attempt} was sent; {@code null} when no
	 * call is queued. @GuardedBy("lock")
	 */
	private CompletableFuture<C> queueTail;

	/** Connect attempts failed in a row. @GuardedBy("lock") */
	private int failedAttempts;

	/** Why the last attempt failed, while {@code failedAttempts > 0}. @GuardedBy("lock") */
	private RpcConnectionException connectFailure;

	/** The next background attempt, or {@code null}. @GuardedBy("lock") */
	private ScheduledFuture<?> retry;

	/** When {@link #retry} runs. @GuardedBy("lock") */
	private Instant retryAt;

	/**
	 * The connected gateway once no queued call is left: the fast path, read without the lock;
	 * written under the lock only.
	 */
	private volatile C connected;

	/**
	 * The address and fencing token to connect with, or none. Written under the lock; connect
	 * attempts read it under the lock, the proxy's infrastructure methods and messages racily.
	 */
	private volatile ClientTarget target;

	private volatile Throwable lastFailure;

	private volatile Instant lastFailureTime;

	private ReconnectingGateway(Builder<C> builder) {
		this.settings = builder.settings;
		this.gatewayType = builder.gatewayType;
		this.rpcService = builder.rpcService;
		this.observer = builder.observer;
		this.fenced = FencedRpcGateway.class.isAssignableFrom(this.gatewayType);
		this.target = ClientTarget.of(this.settings);
		Class<?>[] interfaces = this.fenced ? new Class<?>[] { this.gatewayType, FencedRpcClient.class }
				: new Class<?>[] { this.gatewayType };
		this.gateway = this.gatewayType.cast(Proxy.newProxyInstance(this.gatewayType.getClassLoader(), interfaces,
				new Handler()));
	}

	/**
	 * Starts building a client.
	 * @param rpcService the service the client connects through
	 * @param gatewayType the gateway interface
	 * @param <C> the gateway type
	 * @return a builder
	 */
	public static <C extends RpcGateway> Builder<C> builder(RpcService rpcService, Class<C> gatewayType) {
		return new Builder<>(rpcService, gatewayType);
	}

	/**
	 * Returns the gateway. It implements {@code C} and, for fenced gateway types,
	 * {@link FencedRpcClient}. Creating the client connects nothing; the first call does.
	 * @return the gateway, the same object on every call
	 */
	public C gateway() {
		return this.gateway;
	}

	/**
	 * Returns the client's settings.
	 * @return the settings
	 */
	public ClientSettings settings() {
		return this.settings;
	}

	/**
	 * Returns a snapshot of the client's state.
	 * @return the view
	 */
	public RpcClientView view() {
		State current;
		int failed;
		ClientTarget targetNow;
		synchronized (this.lock) {
			current = this.state;
			failed = this.failedAttempts;
			targetNow = this.target;
		}
		if (!targetNow.isSet() && current != State.CLOSED) {
			// Calls fail at once, as in FAILED, but no attempt failed and none is scheduled.
			current = State.FAILED;
		}
		C gatewayNow = this.connected;
		boolean connectedNow = current == State.CONNECTED && gatewayNow != null;
		Throwable failure = connectedNow ? null : this.lastFailure;
		return new RpcClientView(this.settings.name(), this.gatewayType.getName(), targetNow.address(), current,
				connectedNow ? gatewayNow.getAddress() : null, failed, (failure != null) ? failure.getMessage() : null,
				(failure != null) ? this.lastFailureTime : null);
	}

	/**
	 * Points the client at another endpoint, as described under "Re-targeting" above. Setting the
	 * current target again changes nothing. On a closed client it only changes what
	 * {@link #view()} shows.
	 * @param address the endpoint address, {@code pekko://system@host:port/user/rpc/endpoint-id}
	 * or {@code local:<endpoint-id>}
	 * @param fencingToken the token to connect with: for a {@link FencedRpcGateway} type the
	 * leader's token ({@code null}: calls fail with a {@link FencingTokenException} until one is
	 * set), else {@code null}
	 * @param origin what supplied the address, named by connect errors instead of the address
	 * setting, for example {@code "leader of endpoint 'jobmaster', from leader retrieval"}
	 * @throws IllegalArgumentException if the address is blank, or a token is given for a gateway
	 * type that is not fenced
	 */
	public void retarget(String address, Serializable fencingToken, String origin) {
		Objects.requireNonNull(address, "address");
		Objects.requireNonNull(origin, "origin");
		String trimmed = address.trim();
		if (trimmed.isEmpty() || trimmed.equals(ClientSettings.LOCAL_PREFIX)) {
			throw new IllegalArgumentException(describe() + " cannot be retargeted to '" + address
					+ "': pass pekko://<system>@<host>:<port>/user/rpc/<endpoint-id> or local:<endpoint-id>");
		}
		if (fencingToken != null && !this.fenced) {
			throw new IllegalArgumentException(describe() + " is not fenced (" + this.gatewayType.getName()
					+ " does not extend FencedRpcGateway): retarget it with a null fencing token");
		}
		retarget(new ClientTarget(trimmed, fencingToken, origin, null), null);
	}

	/**
	 * Leaves the client without an endpoint, as described under "Re-targeting" above, until the
	 * next {@link #retarget}.
	 * @param placeholder what stands for the address in the view and in observer events, for
	 * example {@code "leader of 'jobmaster'"}
	 * @param reason creates the failure of each call meanwhile (called on the calling thread,
	 * without the client's lock; it must only create the exception)
	 */
	public void clearTarget(String placeholder, Supplier<? extends RpcConnectionException> reason) {
		Objects.requireNonNull(placeholder, "placeholder");
		Objects.requireNonNull(reason, "reason");
		retarget(ClientTarget.none(placeholder, reason), reason.get());
	}

	/**
	 * Applies a new target, with the failure that is now behind the client's state ({@code null}
	 * when none is); returns whether it changed anything.
	 */
	private boolean retarget(ClientTarget next, Throwable failure) {
		synchronized (this.lock) {
			ClientTarget previous = this.target;
			if (next.isSet() && next.address().equals(previous.address())
					&& Objects.equals(next.fencingToken(), previous.fencingToken()) && previous.isSet()) {
				return false;
			}
			this.target = next;
			if (this.state == State.CLOSED) {
				return false;
			}
			cancelRetryLocked();
			resetLocked();
			this.failedAttempts = 0;
			this.connectFailure = null;
			this.state = State.NOT_CONNECTED;
			// The failure behind the old target's state is not behind the new one's.
			this.lastFailure = failure;
			this.lastFailureTime = (failure != null) ? Instant.now() : null;
			return true;
		}
	}

	/**
	 * Stops reconnecting. Later calls fail at once; calls already sent complete as usual.
	 * Idempotent.
	 */
	@Override
	public void close() {
		synchronized (this.lock) {
			this.state = State.CLOSED;
			cancelRetryLocked();
			resetLocked();
		}
	}

	// ------------------------------------------------------------------------
	// Calls
	// ------------------------------------------------------------------------

	private Object call(Method method, Object[] args) throws Throwable {
		CallKind kind = CallKind.of(method);
		// Connected implies a target with a token: the fast path needs no check.
		C direct = this.connected;
		if (direct != null) {
			return send(direct, method, args, kind);
		}
		CompletableFuture<C> previous = null;
		CompletableFuture<C> link = new CompletableFuture<>();
		Throwable refused = null;
		ClientTarget absent = null;
		synchronized (this.lock) {
			ClientTarget targetNow = this.target;
			if (this.state == State.CLOSED) {
				refused = new RpcConnectionException(describe() + " is closed");
			}
			else if (!targetNow.isSet()) {
				absent = targetNow;
			}
			else if (this.fenced && targetNow.fencingToken() == null) {
				refused = new FencingTokenException("RPC client '" + this.settings.name() + "' ("
						+ this.gatewayType.getSimpleName() + "." + method.getName() + ") has no fencing token yet: "
						+ "call ((FencedRpcClient<F>) gateway).updateFencingToken(token) with the leader's token first");
			}
			else {
				switch (this.state) {
					case FAILED -> refused = failFastLocked();
					case CONNECTING -> refused = (this.failedAttempts > 0) ? failFastLocked() : null;
					case NOT_CONNECTED -> previous = startAttemptLocked();
					case CONNECTED -> {
						// Connected, but queued calls are still being sent: queue behind them.
					}
				}
				if (refused == null && previous == null) {
					previous = (this.queueTail != null) ? this.queueTail : this.attempt;
				}
				if (refused == null && kind != CallKind.BLOCKING) {
					this.queueTail = link;
				}
			}
		}
		if (absent != null) {
			return failAtOnce(method, kind, absent.absence().get());
		}
		if (refused != null) {
			return failAtOnce(method, kind, refused);
		}
		if (kind == CallKind.BLOCKING) {
			return send(awaitConnection(method, previous), method, args, kind);
		}
		return enqueue(previous, link, method, args, kind);
	}

	private Object enqueue(CompletableFuture<C> previous, CompletableFuture<C> link, Method method, Object[] args,
			CallKind kind) {
		CompletableFuture<Object> result = new CompletableFuture<>();
		previous.whenComplete((target, failure) -> {
			if (failure != null) {
				Throwable cause = RpcExceptions.stripCompletion(failure);
				observeFailure(method, cause);
				result.completeExceptionally(cause);
				link.completeExceptionally(cause);
				return;
			}
			try {
				Object value = send(target, method, args, kind);
				if (value instanceof CompletableFuture<?> future) {
					future.whenComplete((v, e) -> complete(result, v, e));
				}
				else {
					result.complete(null);
				}
			}
			catch (Throwable ex) {
				result.completeExceptionally(ex);
			}
			finally {
				link.complete(target);
			}
		});
		if (kind == CallKind.ASYNC) {
			return result;
		}
		result.whenComplete((value, failure) -> {
			if (failure != null) {
				logger.warn("Fire-and-forget call {}.{} through RPC client '{}' was not sent: {}",
						this.gatewayType.getSimpleName(), method.getName(), this.settings.name(),
						RpcExceptions.stripCompletion(failure).getMessage());
			}
		});
		return null;
	}

	private C awaitConnection(Method method, CompletableFuture<C> previous) throws Throwable {
		try {
			// The attempt bounds itself by the timeout; waiting twice as long only guards against
			// a future that never completes, and lets the attempt report its own failure.
			long nanos = ClientDeadline.saturatedNanos(this.settings.timeout());
			return previous.get((nanos > Long.MAX_VALUE / 2) ? Long.MAX_VALUE : nanos * 2, TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			Throwable cause = RpcExceptions.stripCompletion(ex);
			observeFailure(method, cause);
			throw throwable(method, cause);
		}
		catch (TimeoutException ex) {
			RpcConnectionException failure = connectFailure(ex, this.target);
			observeFailure(method, failure);
			throw throwable(method, failure);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RpcRuntimeException(describe() + " was interrupted while connecting to " + address(), ex);
		}
	}

	private Object send(C target, Method method, Object[] args, CallKind kind) throws Throwable {
		Object value;
		try {
			value = method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			Throwable cause = ex.getCause();
			onCallFailure(target, cause);
			throw cause;
		}
		if (value instanceof CompletableFuture<?> future) {
			future.whenComplete((result, failure) -> {
				if (failure != null) {
					onCallFailure(target, failure);
				}
			});
			if (kind == CallKind.ASYNC && !(this.rpcService instanceof ConnectOptionsSupport)) {
				return ClientDeadline.bound(future, this.rpcService.getScheduledExecutor(), this.settings.timeout(),
						() -> new RpcTimeoutException("Call " + this.gatewayType.getSimpleName() + "."
								+ method.getName() + " through RPC client '" + this.settings.name() + "' to "
								+ address() + " did not complete within " + this.settings.timeout() + "; raise "
								+ this.settings.settingName("timeout") + " if the endpoint needs longer",
								this.settings.timeout()));
			}
		}
		return value;
	}

	private Object failAtOnce(Method method, CallKind kind, Throwable failure) throws Throwable {
		observeFailure(method, failure);
		return switch (kind) {
			case ASYNC -> CompletableFuture.failedFuture(failure);
			case BLOCKING -> throw throwable(method, failure);
			case TELL -> throw (failure instanceof RuntimeException runtime) ? runtime
					: new RpcRuntimeException(failure.getMessage(), failure);
		};
	}

	private void observeFailure(Method method, Throwable failure) {
		if (this.observer == RpcObserver.NOOP) {
			return;
		}
		try {
			RpcMethod descriptor = new RpcMethod(this.gatewayType.getName(), this.gatewayType.getSimpleName(),
					method.getName());
			this.observer.clientCallStarted(descriptor, address()).completed(failure);
		}
		catch (RuntimeException ex) {
			logger.warn("RpcObserver failed on a call that RPC client '{}' failed itself", this.settings.name(), ex);
		}
	}

	private static void complete(CompletableFuture<Object> target, Object value, Throwable failure) {
		if (failure != null) {
			target.completeExceptionally(RpcExceptions.stripCompletion(failure));
		}
		else {
			target.complete(value);
		}
	}

	/**
	 * Returns what a gateway method may throw for the failure: the failure itself when it is
	 * unchecked or declared by the method, else an {@link RpcRuntimeException} wrapping it.
	 */
	private static Throwable throwable(Method method, Throwable failure) {
		if (failure instanceof RuntimeException || failure instanceof Error) {
			return failure;
		}
		for (Class<?> declared : method.getExceptionTypes()) {
			if (declared.isInstance(failure)) {
				return failure;
			}
		}
		return new RpcRuntimeException(failure.getMessage(), failure);
	}

	// ------------------------------------------------------------------------
	// Connecting
	// ------------------------------------------------------------------------

	/**
	 * Starts a connect attempt; queued and waiting calls chain on the returned future. It
	 * completes only after {@link #attemptCompleted} recorded the outcome (on the service's
	 * scheduler, never on a thread holding the lock), so a call that sees the attempt fail also
	 * sees the client in state {@code FAILED}. A failure is rewritten once, so every call behind
	 * the attempt gets the same {@link RpcConnectionException} naming the client.
	 */
	private CompletableFuture<C> startAttemptLocked() {
		this.state = State.CONNECTING;
		this.queueTail = null;
		ClientTarget connecting = this.target;
		CompletableFuture<C> started;
		try {
			long bound = ClientDeadline.saturatedNanos(this.settings.timeout());
			started = connect(connecting).orTimeout(bound, TimeUnit.NANOSECONDS);
		}
		catch (RuntimeException ex) {
			started = CompletableFuture.failedFuture(ex);
		}
		CompletableFuture<C> settled = new CompletableFuture<>();
		this.attempt = settled;
		started.whenCompleteAsync((target, failure) -> {
			RpcConnectionException described = (failure != null) ? connectFailure(failure, connecting) : null;
			attemptCompleted(settled, target, described);
			if (described != null) {
				settled.completeExceptionally(described);
			}
			else {
				settled.complete(target);
			}
		}, this::runOnScheduler);
		return settled;
	}

	/** Runs on the service's scheduler, or here once the service refuses tasks (it is closing). */
	private void runOnScheduler(Runnable task) {
		try {
			this.rpcService.getScheduledExecutor().execute(task);
		}
		catch (RejectedExecutionException ex) {
			task.run();
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private CompletableFuture<C> connect(ClientTarget to) {
		String address = to.resolve(this.rpcService);
		Serializable token = to.fencingToken();
		if (this.rpcService instanceof ConnectOptionsSupport options) {
			ConnectOptions connectOptions = new ConnectOptions(this.settings.timeout(),
					this.settings.settingName("timeout"));
			return this.fenced
					? (CompletableFuture<C>) options.connect(address, token, (Class) this.gatewayType, connectOptions)
					: options.connect(address, this.gatewayType, connectOptions);
		}
		return this.fenced ? (CompletableFuture<C>) this.rpcService.connect(address, token, (Class) this.gatewayType)
				: this.rpcService.connect(address, this.gatewayType);
	}

	private void attemptCompleted(CompletableFuture<C> completed, C target, RpcConnectionException cause) {
		synchronized (this.lock) {
			if (this.attempt != completed || this.state == State.CLOSED) {
				return;
			}
			if (cause == null) {
				this.state = State.CONNECTED;
				this.failedAttempts = 0;
				this.connectFailure = null;
				promoteWhenDrainedLocked(completed, target);
				return;
			}
			this.state = State.FAILED;
			this.failedAttempts++;
			this.connectFailure = cause;
			this.attempt = null;
			this.queueTail = null;
			Duration delay = this.settings.backoff(this.failedAttempts);
			this.retryAt = Instant.now().plus(delay);
			try {
				this.retry = this.rpcService.getScheduledExecutor()
					.schedule(this::retry, ClientDeadline.saturatedNanos(delay), TimeUnit.NANOSECONDS);
			}
			catch (RejectedExecutionException ex) {
				// The service is shutting down: nothing left to reconnect through.
				this.retryAt = null;
			}
		}
		recordFailure(cause);
		logger.debug("RPC client '{}' could not connect to {}: {}", this.settings.name(), address(),
				cause.getMessage());
	}

	/**
	 * Opens the fast path once the connection is up and every call queued behind it was sent, so
	 * that no later call overtakes a queued one.
	 */
	private void promoteWhenDrainedLocked(CompletableFuture<C> connectedAttempt, C target) {
		CompletableFuture<C> tail = this.queueTail;
		if (tail == null) {
			this.connected = target;
			return;
		}
		tail.whenComplete((ignored, failure) -> {
			synchronized (this.lock) {
				if (this.attempt != connectedAttempt || this.state != State.CONNECTED) {
					return;
				}
				if (this.queueTail == tail) {
					this.queueTail = null;
					this.connected = target;
				}
				else {
					promoteWhenDrainedLocked(connectedAttempt, target);
				}
			}
		});
	}

	private void retry() {
		synchronized (this.lock) {
			if (this.state != State.FAILED) {
				return;
			}
			this.retry = null;
			this.retryAt = null;
			startAttemptLocked();
		}
	}

	private RpcConnectionException failFastLocked() {
		RpcConnectionException cause = this.connectFailure;
		String next = (this.retryAt != null)
				? "next attempt in " + Math.max(0, Duration.between(Instant.now(), this.retryAt).toMillis()) + " ms"
				: "an attempt is in flight";
		return new RpcConnectionException(cause.getMessage() + " Calls fail at once while " + this.failedAttempts
				+ " connect attempt(s) failed in a row; reconnecting in the background (" + next + ").", cause);
	}

	private void onCallFailure(C target, Throwable failure) {
		Throwable cause = RpcExceptions.stripCompletion(failure);
		if (!isConnectionLoss(cause)) {
			return;
		}
		synchronized (this.lock) {
			CompletableFuture<C> current = this.attempt;
			boolean currentConnection = this.connected == target
					|| (current != null && current.isDone() && !current.isCompletedExceptionally()
							&& current.getNow(null) == target);
			if (!currentConnection || this.state == State.CLOSED) {
				return;
			}
			resetLocked();
			startAttemptLocked();
		}
		recordFailure(cause);
		logger.debug("RPC client '{}' lost its connection to {} and reconnects: {}", this.settings.name(), address(),
				cause.toString());
	}

	/**
	 * Whether the failure (or one of its causes, for blocking calls that wrap it) says the remote
	 * is gone, refused the connection or did not answer; application exceptions keep the
	 * connection. A timeout counts because a remote that restarted can leave the old connection
	 * silent; reconnecting to a remote that is merely slow costs one handshake.
	 */
	private static boolean isConnectionLoss(Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < 5; cause = cause.getCause(), depth++) {
			if (cause instanceof RecipientUnreachableException || cause instanceof RpcConnectionException
					|| cause instanceof HandshakeException || cause instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}

	/** Forgets the connection; calls already queued behind it keep their gateway. */
	private void resetLocked() {
		this.connected = null;
		this.attempt = null;
		this.queueTail = null;
	}

	private void cancelRetryLocked() {
		if (this.retry != null) {
			this.retry.cancel(false);
			this.retry = null;
			this.retryAt = null;
		}
	}

	private void updateFencingToken(Serializable token) {
		synchronized (this.lock) {
			ClientTarget current = this.target;
			if (current.isSet()) {
				retarget(current.withFencingToken(token), null);
			}
			else {
				// No endpoint to connect to: the token waits for the next retarget to replace it.
				this.target = current.withFencingToken(token);
			}
		}
	}

	private void recordFailure(Throwable failure) {
		this.lastFailure = failure;
		this.lastFailureTime = Instant.now();
	}

	private RpcConnectionException connectFailure(Throwable failure, ClientTarget to) {
		Throwable cause = RpcExceptions.stripCompletion(failure);
		String reason = (cause instanceof TimeoutException && cause.getMessage() == null)
				? "no answer within " + this.settings.timeout() + " (" + this.settings.settingName("timeout") + ")"
				: cause.getMessage();
		return new RpcConnectionException(
				describe() + " cannot reach " + to.resolve(this.rpcService) + " (" + to.origin() + "): " + reason + ".",
				cause);
	}

	private String describe() {
		return "RPC client '" + this.settings.name() + "' (" + this.gatewayType.getSimpleName() + ")";
	}

	/** The current target's address, resolved; its placeholder while there is none. */
	private String address() {
		return this.target.resolve(this.rpcService);
	}

	@Override
	public String toString() {
		return "ReconnectingGateway[name=" + this.settings.name() + ", gateway=" + this.gatewayType.getName()
				+ ", address=" + this.target.address() + "]";
	}

	/** The three shapes of gateway methods, by return type. */
	private enum CallKind {

		ASYNC, BLOCKING, TELL;

		static CallKind of(Method method) {
			Class<?> returnType = method.getReturnType();
			if (CompletableFuture.class.equals(returnType)) {
				return ASYNC;
			}
			return void.class.equals(returnType) ? TELL : BLOCKING;
		}

	}

	/** The proxy's brain: answers infrastructure methods itself and hands RPCs to the client. */
	private final class Handler implements InvocationHandler {

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			Class<?> declaringClass = method.getDeclaringClass();
			if (declaringClass == Object.class) {
				return switch (method.getName()) {
					case "equals" -> proxy == args[0];
					case "hashCode" -> System.identityHashCode(proxy);
					default -> ReconnectingGateway.this.toString();
				};
			}
			if (declaringClass == FencedRpcClient.class || declaringClass == FencedRpcGateway.class) {
				if ("updateFencingToken".equals(method.getName())) {
					updateFencingToken((Serializable) Objects.requireNonNull(args[0], "fencingToken"));
					return null;
				}
				return ReconnectingGateway.this.target.fencingToken();
			}
			if (declaringClass == RpcGateway.class) {
				ClientTarget now = ReconnectingGateway.this.target;
				if (!now.isSet()) {
					return null;
				}
				return "getHostname".equals(method.getName()) ? now.hostname(ReconnectingGateway.this.rpcService)
						: now.resolve(ReconnectingGateway.this.rpcService);
			}
			if (method.isDefault()) {
				return InvocationHandler.invokeDefault(proxy, method, args);
			}
			return call(method, args);
		}

	}

	/**
	 * Builds a {@link ReconnectingGateway}. Not thread-safe; the built client is.
	 *
	 * @param <C> the gateway type
	 */
	public static final class Builder<C extends RpcGateway> {

		private final RpcService rpcService;

		private final Class<C> gatewayType;

		private ClientSettings settings;

		private RpcObserver observer = RpcObserver.NOOP;

		private Builder(RpcService rpcService, Class<C> gatewayType) {
			this.rpcService = Objects.requireNonNull(rpcService, "rpcService");
			this.gatewayType = Objects.requireNonNull(gatewayType, "gatewayType");
			if (!gatewayType.isInterface() || !RpcGateway.class.isAssignableFrom(gatewayType)) {
				throw new IllegalArgumentException(gatewayType.getName()
						+ " is not an RpcGateway interface: pass an interface extending org.actorrpc.RpcGateway");
			}
		}

		/**
		 * Sets the client's settings (required).
		 * @param settings the settings
		 * @return this builder
		 */
		public Builder<C> settings(ClientSettings settings) {
			this.settings = Objects.requireNonNull(settings, "settings");
			return this;
		}

		/**
		 * Sets the observer told about calls the client fails itself (pass the service's observer
		 * so that its failure metrics count them). Default: {@link RpcObserver#NOOP}.
		 * @param observer the observer
		 * @return this builder
		 */
		public Builder<C> observer(RpcObserver observer) {
			this.observer = Objects.requireNonNull(observer, "observer");
			return this;
		}

		/**
		 * Creates the client. Nothing connects yet.
		 * @return the client
		 * @throws IllegalStateException if no settings were given
		 */
		public ReconnectingGateway<C> build() {
			if (this.settings == null) {
				throw new IllegalStateException(
						"ReconnectingGateway.builder(...).settings(ClientSettings) is required");
			}
			return new ReconnectingGateway<>(this);
		}

	}

}
