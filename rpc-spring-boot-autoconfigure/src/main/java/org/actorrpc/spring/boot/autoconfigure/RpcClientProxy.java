package org.actorrpc.spring.boot.autoconfigure;

import java.io.Serializable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.actorrpc.FencedRpcGateway;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcService;
import org.actorrpc.exceptions.FencingTokenException;
import org.actorrpc.exceptions.HandshakeException;
import org.actorrpc.exceptions.RecipientUnreachableException;
import org.actorrpc.exceptions.RpcConnectionException;
import org.actorrpc.exceptions.RpcRuntimeException;
import org.actorrpc.exceptions.RpcTimeoutException;
import org.actorrpc.spring.FencedRpcClient;
import org.actorrpc.spring.boot.autoconfigure.RpcClientView.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The invocation handler behind an {@code @RpcClient} proxy: connects lazily, forwards calls to
 * the gateway {@link RpcService#connect} returned, and drops that gateway when a call finds the
 * remote gone so that the next call connects again.
 *
 * <p>Thread-safe. Calls from one thread reach the endpoint in the order they were made, also
 * while the connection is being established: asynchronous and fire-and-forget calls made then
 * are queued behind the connect, in order, and sent once it succeeds.
 *
 * @param <C> the gateway type
 */
final class RpcClientProxy<C extends RpcGateway> implements InvocationHandler {

	private static final Logger logger = LoggerFactory.getLogger(RpcClientProxy.class);

	private final RpcClientSettings settings;

	private final Class<C> gatewayType;

	private final RpcService rpcService;

	private final boolean fenced;

	private final Object lock = new Object();

	/** Current connect attempt or connection; guarded by lock. */
	private CompletableFuture<C> connection;

	/** Last call queued behind {@link #connection} while it was not usable yet; guarded by lock. */
	private CompletableFuture<C> pendingTail;

	/** The connected gateway once no queued call is left; the fast path. */
	private volatile C connected;

	private volatile Serializable fencingToken;

	private volatile State state = State.NOT_CONNECTED;

	private volatile Throwable lastFailure;

	private volatile Instant lastFailureTime;

	RpcClientProxy(RpcClientSettings settings, Class<C> gatewayType, RpcService rpcService) {
		this.settings = settings;
		this.gatewayType = gatewayType;
		this.rpcService = rpcService;
		this.fenced = FencedRpcGateway.class.isAssignableFrom(gatewayType);
	}

	/**
	 * Creates the proxy object.
	 * @return a proxy implementing the gateway (and {@link FencedRpcClient} for fenced gateways)
	 */
	C createProxy() {
		Class<?>[] interfaces = this.fenced ? new Class<?>[] { this.gatewayType, FencedRpcClient.class }
				: new Class<?>[] { this.gatewayType };
		return this.gatewayType.cast(Proxy.newProxyInstance(this.gatewayType.getClassLoader(), interfaces, this));
	}

	RpcClientView view() {
		Throwable failure = this.lastFailure;
		return new RpcClientView(this.settings.name(), this.gatewayType.getName(), this.settings.address(), this.state,
				(failure != null) ? failure.getMessage() : null, this.lastFailureTime);
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
		Class<?> declaringClass = method.getDeclaringClass();
		if (declaringClass == Object.class) {
			return invokeObjectMethod(proxy, method, args);
		}
		if (declaringClass == FencedRpcClient.class || (declaringClass == FencedRpcGateway.class)) {
			return invokeFencingMethod(method, args);
		}
		if (declaringClass == RpcGateway.class) {
			return "getHostname".equals(method.getName()) ? hostname() : address();
		}
		if (method.isDefault()) {
			return InvocationHandler.invokeDefault(proxy, method, args);
		}
		return call(method, args);
	}

	private Object call(Method method, Object[] args) throws Throwable {
		Class<?> returnType = method.getReturnType();
		boolean async = CompletableFuture.class.equals(returnType);
		boolean fireAndForget = void.class.equals(returnType);
		if (this.fenced && this.fencingToken == null) {
			FencingTokenException ex = new FencingTokenException("RPC client '" + this.settings.name() + "' ("
					+ this.gatewayType.getSimpleName() + "." + method.getName() + ") has no fencing token yet: "
					+ "call ((FencedRpcClient<F>) gateway).updateFencingToken(token) with the leader's token first");
			if (async) {
				return CompletableFuture.failedFuture(ex);
			}
			throw throwable(method, ex);
		}
		C gateway = this.connected;
		if (gateway != null) {
			return async ? withTimeout(method, (CompletableFuture<?>) invokeOn(gateway, method, args))
					: invokeOn(gateway, method, args);
		}
		if (!async && !fireAndForget) {
			return invokeOn(awaitConnection(method), method, args);
		}
		CompletableFuture<Object> result = new CompletableFuture<>();
		synchronized (this.lock) {
			CompletableFuture<C> base = connectionLocked();
			if (this.pendingTail != null) {
				base = this.pendingTail;
			}
			this.pendingTail = base.handle((connectedGateway, failure) -> {
				if (failure != null) {
					result.completeExceptionally(connectFailure(failure));
					throw (failure instanceof CompletionException ce) ? ce : new CompletionException(failure);
				}
				try {
					Object value = invokeOn(connectedGateway, method, args);
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
				return connectedGateway;
			});
		}
		if (async) {
			return withTimeout(method, result);
		}
		result.whenComplete((value, failure) -> {
			if (failure != null) {
				logger.warn("Fire-and-forget call {}.{} through RPC client '{}' was not sent: {}",
						this.gatewayType.getSimpleName(), method.getName(), this.settings.name(),
						unwrap(failure).getMessage());
			}
		});
		return null;
	}

	private Object invokeOn(C gateway, Method method, Object[] args) throws Throwable {
		Object value;
		try {
			value = method.invoke(gateway, args);
		}
		catch (InvocationTargetException ex) {
			Throwable cause = ex.getCause();
			onCallFailure(gateway, cause);
			throw cause;
		}
		if (value instanceof CompletableFuture<?> future) {
			future.whenComplete((result, failure) -> {
				if (failure != null) {
					onCallFailure(gateway, failure);
				}
			});
		}
		return value;
	}

	private C awaitConnection(Method method) throws Throwable {
		CompletableFuture<C> base;
		synchronized (this.lock) {
			base = connectionLocked();
			if (this.pendingTail != null) {
				base = this.pendingTail;
			}
		}
		try {
			return base.get(this.settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			throw throwable(method, connectFailure(ex.getCause()));
		}
		catch (TimeoutException ex) {
			throw throwable(method, connectFailure(ex));
		}
	}

	private CompletableFuture<C> connectionLocked() {
		CompletableFuture<C> current = this.connection;
		if (current != null && !current.isCompletedExceptionally()) {
			return current;
		}
		this.pendingTail = null;
		this.state = State.CONNECTING;
		CompletableFuture<C> attempt;
		try {
			attempt = connect();
		}
		catch (RuntimeException ex) {
			attempt = CompletableFuture.failedFuture(ex);
		}
		CompletableFuture<C> started = attempt;
		this.connection = started;
		started.whenComplete((gateway, failure) -> {
			if (failure != null) {
				recordFailure(connectFailure(failure));
				synchronized (this.lock) {
					if (this.connection == started) {
						this.state = State.FAILED;
					}
				}
			}
		});
		promoteWhenDrained(started, started);
		return started;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private CompletableFuture<C> connect() {
		String address = address();
		CompletableFuture<C> future;
		if (this.fenced) {
			future = (CompletableFuture<C>) this.rpcService.connect(address, this.fencingToken,
					(Class) this.gatewayType);
		}
		else {
			future = this.rpcService.connect(address, this.gatewayType);
		}
		return future.orTimeout(this.settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Switches to the fast path once the connection is up and every call queued behind it was
	 * sent, so that no later call can overtake a queued one.
	 */
	private void promoteWhenDrained(CompletableFuture<C> attempt, CompletableFuture<C> observed) {
		observed.thenAccept((gateway) -> {
			synchronized (this.lock) {
				if (this.connection != attempt) {
					return;
				}
				if (this.pendingTail == null || this.pendingTail == observed) {
					this.pendingTail = null;
					this.connected = gateway;
					this.state = State.CONNECTED;
				}
				else {
					promoteWhenDrained(attempt, this.pendingTail);
				}
			}
		});
	}

	private void onCallFailure(C gateway, Throwable failure) {
		Throwable cause = unwrap(failure);
		if (!isConnectionLoss(cause)) {
			return;
		}
		synchronized (this.lock) {
			CompletableFuture<C> current = this.connection;
			if (this.connected == gateway || (current != null && current.getNow(null) == gateway)) {
				this.connected = null;
				this.connection = null;
				this.pendingTail = null;
				this.state = State.NOT_CONNECTED;
			}
		}
		recordFailure(cause);
		logger.debug("RPC client '{}' dropped its connection to {} after: {}", this.settings.name(), address(),
				cause.toString());
	}

	/**
	 * Whether the failure (or one of its causes, for blocking calls that wrap it) says the remote
	 * is gone, unreachable or did not answer; application exceptions keep the connection.
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

	private void recordFailure(Throwable failure) {
		this.lastFailure = failure;
		this.lastFailureTime = Instant.now();
	}

	private CompletableFuture<Object> withTimeout(Method method, CompletableFuture<?> future) {
		CompletableFuture<Object> result = new CompletableFuture<>();
		ScheduledFuture<?> timeout = this.rpcService.getScheduledExecutor().schedule(() -> {
			result.completeExceptionally(new RpcTimeoutException("Call " + this.gatewayType.getSimpleName() + "."
					+ method.getName() + " through RPC client '" + this.settings.name() + "' to " + address()
					+ " did not complete within " + this.settings.timeout() + "; raise actorrpc.clients."
					+ this.settings.name() + ".timeout if the endpoint needs longer", this.settings.timeout()));
		}, this.settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
		future.whenComplete((value, failure) -> {
			timeout.cancel(false);
			complete(result, value, failure);
		});
		return result;
	}

	private static void complete(CompletableFuture<Object> target, Object value, Throwable failure) {
		if (failure != null) {
			target.completeExceptionally(unwrap(failure));
		}
		else {
			target.complete(value);
		}
	}

	private Throwable connectFailure(Throwable failure) {
		Throwable cause = unwrap(failure);
		if (cause instanceof ClientConnectException) {
			return cause;
		}
		String reason = (cause instanceof TimeoutException && cause.getMessage() == null)
				? "no answer within " + this.settings.timeout() + " (actorrpc.clients." + this.settings.name()
						+ ".timeout)"
				: cause.toString();
		return new ClientConnectException("RPC client '" + this.settings.name() + "' ("
				+ this.gatewayType.getSimpleName() + ") cannot reach " + address() + " (actorrpc.clients."
				+ this.settings.name() + ".address): " + reason + ". Calls fail until the endpoint is reachable; "
				+ "the next call connects again", cause);
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable current = failure;
		while ((current instanceof CompletionException || current instanceof ExecutionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	/**
	 * Returns what a proxy method may throw for the failure: the failure itself when it is
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

	private Object invokeFencingMethod(Method method, Object[] args) {
		if ("updateFencingToken".equals(method.getName())) {
			Serializable token = (Serializable) Objects.requireNonNull(args[0], "fencingToken");
			synchronized (this.lock) {
				if (!token.equals(this.fencingToken)) {
					this.fencingToken = token;
					this.connected = null;
					this.connection = null;
					this.pendingTail = null;
					this.state = State.NOT_CONNECTED;
				}
			}
			return null;
		}
		return this.fencingToken;
	}

	private Object invokeObjectMethod(Object proxy, Method method, Object[] args) {
		return switch (method.getName()) {
			case "equals" -> proxy == args[0];
			case "hashCode" -> System.identityHashCode(proxy);
			default -> "RpcClient[name=" + this.settings.name() + ", gateway=" + this.gatewayType.getName()
					+ ", address=" + this.settings.address() + "]";
		};
	}

	private String address() {
		if (this.settings.isLocal()) {
			return this.rpcService
				.getEndpointAddress(this.settings.address().substring(RpcClientSettings.LOCAL_PREFIX.length()));
		}
		return this.settings.address();
	}

	private String hostname() {
		return this.settings.isLocal() ? this.rpcService.getAddress() : this.settings.host();
	}

	/**
	 * A connect failure of this client, naming the client and its address.
	 */
	static final class ClientConnectException extends RpcConnectionException {

		private static final long serialVersionUID = 1L;

		ClientConnectException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
