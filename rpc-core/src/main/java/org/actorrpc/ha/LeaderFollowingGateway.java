package org.actorrpc.ha;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.actorrpc.FencedRpcGateway;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcObserver;
import org.actorrpc.RpcService;
import org.actorrpc.client.ClientSettings;
import org.actorrpc.client.FencedRpcClient;
import org.actorrpc.client.ReconnectingGateway;
import org.actorrpc.client.RpcClientView;
import org.actorrpc.exceptions.RpcConnectionException;

/**
 * A client of a fenced gateway that always calls the current leader of a component: its address
 * and fencing token (the leader session id) come from a {@link LeaderRetrievalService} and are
 * renewed on every change, with no code of the caller's. It is one {@link ReconnectingGateway}
 * that the retrieval re-targets ({@link ReconnectingGateway#retarget}) with each announced
 * leader, so calls to a known leader connect lazily and reconnect as that class describes. While
 * no leader is known the client has no target ({@link ReconnectingGateway#clearTarget}): every
 * call fails at once with an {@link RpcConnectionException} "no leader for '&lt;name&gt;'" that
 * names the followed component.
 *
 * <pre class="code">
 * LeaderFollowingGateway&lt;JobMasterGateway&gt; client = LeaderFollowingGateway
 *     .builder(rpcService, JobMasterGateway.class, "jobmaster", ha.createLeaderRetrievalService("jobmaster"))
 *     .settings(ClientSettings.of("jobmaster", "leader of jobmaster"))   // the address is replaced by the leader's
 *     .build();
 * client.start();
 * JobMasterGateway jobMaster = client.gateway();
 * </pre>
 *
 * <p>Calls already sent when the leader changes complete as the old leader answers them; the old
 * leader refuses those it takes after its revocation with a
 * {@link org.actorrpc.exceptions.FencingTokenException}. The gateway's
 * {@link FencedRpcGateway#getFencingToken()} returns the current leader session id ({@code null}
 * without a leader) and {@link RpcGateway#getAddress()} the current leader's address
 * ({@code null} without one). Being the reconnecting client's gateway, it is a
 * {@link FencedRpcClient} too; the retrieval owns its token, so a token set by hand lasts only
 * until the next announcement.
 *
 * <p>Threading: thread-safe. Leader changes are applied on the retrieval's callback thread (under
 * a private lock, without calling anything remote); the extra listeners given to the builder are
 * called there too, after the change was applied, and must return quickly.
 *
 * @param <C> the gateway type, a {@link FencedRpcGateway} with {@link UUID} tokens
 */
public final class LeaderFollowingGateway<C extends RpcGateway> implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LeaderFollowingGateway.class);

	private final Class<C> gatewayType;

	private final String componentId;

	private final LeaderRetrievalService retrieval;

	private final List<LeaderRetrievalListener> listeners;

	/** Calls the current leader; re-targeted on every change. */
	private final ReconnectingGateway<C> client;

	private final Object lock = new Object();

	/** The current leader, {@code null} without one. @GuardedBy("lock") */
	private LeaderInformation leader;

	/** @GuardedBy("lock") */
	private boolean started;

	/** @GuardedBy("lock") */
	private boolean closed;

	/** When the current state (a leader, or none) began. @GuardedBy("lock") */
	private Instant since = Instant.now();

	/** Leader changes observed (a new leader, or "no leader"). @GuardedBy("lock") */
	private long changes;

	/** Nanos without a leader, before the current leaderless stretch. @GuardedBy("lock") */
	private long leaderlessNanos;

	/** When the current leaderless stretch began ({@code System.nanoTime}), or -1 while a leader is known. @GuardedBy("lock") */
	private long leaderlessSince = System.nanoTime();

	private LeaderFollowingGateway(Builder<C> builder) {
		this.gatewayType = builder.gatewayType;
		this.componentId = builder.componentId;
		this.retrieval = builder.retrieval;
		this.listeners = List.copyOf(builder.listeners);
		this.client = builder.client.build();
		this.client.clearTarget(leaderPlaceholder(), this::noLeader);
	}

	/**
	 * Starts building a client.
	 * @param rpcService the service the client connects through
	 * @param gatewayType a gateway interface extending {@code FencedRpcGateway<UUID>}
	 * @param componentId the followed component (the leader-elected endpoint's id), for messages
	 * @param retrieval the retrieval service of that component, not started
	 * @param <C> the gateway type
	 * @return a builder
	 * @throws IllegalArgumentException if the gateway is not fenced with {@link UUID} tokens
	 */
	public static <C extends RpcGateway> Builder<C> builder(RpcService rpcService, Class<C> gatewayType,
			String componentId, LeaderRetrievalService retrieval) {
		return new Builder<>(rpcService, gatewayType, componentId, retrieval);
	}

	/**
	 * Starts following the leader.
	 * @throws IllegalStateException if already started or closed
	 */
	public void start() {
		synchronized (this.lock) {
			if (this.started || this.closed) {
				throw new IllegalStateException(describe() + " was already started or is closed");
			}
			this.started = true;
		}
		this.retrieval.start(new Listener());
	}

	/**
	 * Returns the gateway: it implements {@code C} and calls the current leader.
	 * @return the gateway, the same object on every call
	 */
	public C gateway() {
		return this.client.gateway();
	}

	/**
	 * Returns the followed component.
	 * @return the component id
	 */
	public String componentId() {
		return this.componentId;
	}

	/**
	 * Returns the connection view of the client: that of its connection to the current leader,
	 * or, without a leader, a view in state {@code FAILED} whose failure says there is none and
	 * whose address is a placeholder naming the followed component.
	 * @return the view
	 */
	public RpcClientView view() {
		return this.client.view();
	}

	/**
	 * Returns a snapshot of what the client knows about the leader.
	 * @return the view
	 */
	public LeaderFollowerView followerView() {
		synchronized (this.lock) {
			long leaderless = this.leaderlessNanos
					+ ((this.leaderlessSince >= 0) ? System.nanoTime() - this.leaderlessSince : 0);
			return new LeaderFollowerView(this.client.settings().name(), this.componentId, this.leader, this.since,
					this.changes, Duration.ofNanos(leaderless));
		}
	}

	/**
	 * Stops following the leader and closes the client; later calls fail at once. Idempotent.
	 */
	@Override
	public void close() {
		synchronized (this.lock) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			this.leader = null;
		}
		this.retrieval.stop();
		this.client.close();
	}

	// ------------------------------------------------------------------------
	// Leader changes (the retrieval's thread)
	// ------------------------------------------------------------------------

	private void leaderChanged(LeaderInformation announced) {
		synchronized (this.lock) {
			if (this.closed) {
				return;
			}
			// The same endpoint leading again under a new session only re-fences the connection.
			this.client.retarget(announced.address(), announced.sessionId(),
					"leader of endpoint '" + this.componentId + "', from leader retrieval");
			this.leader = announced;
			changedLocked(false);
		}
		logger.info("{} follows the leader of '{}' at {} (session {})", describe(), this.componentId,
				announced.address(), announced.sessionId());
		notifyListeners((listener) -> listener.notifyLeaderAddress(announced));
	}

	private void leaderLost() {
		synchronized (this.lock) {
			if (this.closed) {
				return;
			}
			this.client.clearTarget(leaderPlaceholder(), this::noLeader);
			this.leader = null;
			changedLocked(true);
		}
		logger.info("{}: no leader for '{}' is known; calls fail at once until one is", describe(),
				this.componentId);
		notifyListeners(LeaderRetrievalListener::notifyNoLeader);
	}

	/** @GuardedBy("lock") */
	private void changedLocked(boolean leaderless) {
		long now = System.nanoTime();
		if (this.leaderlessSince >= 0) {
			this.leaderlessNanos += now - this.leaderlessSince;
		}
		this.leaderlessSince = leaderless ? now : -1;
		this.since = Instant.now();
		this.changes++;
	}

	private void notifyListeners(Consumer<LeaderRetrievalListener> notification) {
		for (LeaderRetrievalListener listener : this.listeners) {
			try {
				notification.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("A leader listener of {} failed", describe(), ex);
			}
		}
	}

	private RpcConnectionException noLeader() {
		return new RpcConnectionException("no leader for '" + this.client.settings().name() + "' ("
				+ this.gatewayType.getSimpleName() + " client following the leader of endpoint '" + this.componentId
				+ "'): no leader is known yet, or the last one was lost; calls fail at once until leader retrieval "
				+ "announces the next one.");
	}

	private String leaderPlaceholder() {
		return "leader of '" + this.componentId + "'";
	}

	private String describe() {
		return "RPC client '" + this.client.settings().name() + "' (" + this.gatewayType.getSimpleName() + ")";
	}

	@Override
	public String toString() {
		return "LeaderFollowingGateway[name=" + this.client.settings().name() + ", gateway="
				+ this.gatewayType.getName() + ", component=" + this.componentId + "]";
	}

	/** Receives the retrieval's notifications. */
	private final class Listener implements LeaderRetrievalListener {

		@Override
		public void notifyLeaderAddress(LeaderInformation leader) {
			leaderChanged(leader);
		}

		@Override
		public void notifyNoLeader() {
			leaderLost();
		}

		@Override
		public void handleError(Throwable error) {
			logger.error("Leader retrieval of '{}' for {} failed; treating it as no leader",
					LeaderFollowingGateway.this.componentId, describe(), error);
			leaderLost();
			notifyListeners((listener) -> listener.handleError(error));
		}

	}

	/**
	 * Builds a {@link LeaderFollowingGateway}. Not thread-safe; the built client is.
	 *
	 * @param <C> the gateway type
	 */
	public static final class Builder<C extends RpcGateway> {

		private final Class<C> gatewayType;

		private final String componentId;

		private final LeaderRetrievalService retrieval;

		/** Builds the client the retrieval re-targets; it gets the settings and observer. */
		private final ReconnectingGateway.Builder<C> client;

		private boolean settingsGiven;

		private final List<LeaderRetrievalListener> listeners = new CopyOnWriteArrayList<>();

		private Builder(RpcService rpcService, Class<C> gatewayType, String componentId,
				LeaderRetrievalService retrieval) {
			Objects.requireNonNull(rpcService, "rpcService");
			this.gatewayType = Objects.requireNonNull(gatewayType, "gatewayType");
			this.componentId = ComponentIds.requireValid(componentId);
			this.retrieval = Objects.requireNonNull(retrieval, "retrieval");
			requireUuidFenced(gatewayType);
			this.client = ReconnectingGateway.builder(rpcService, gatewayType);
		}

		/**
		 * Sets the client's name, timeout and back-off (required). Its address is not used: each
		 * leader's address replaces it.
		 * @param settings the settings
		 * @return this builder
		 */
		public Builder<C> settings(ClientSettings settings) {
			this.client.settings(settings);
			this.settingsGiven = true;
			return this;
		}

		/**
		 * Sets the observer told about calls the client fails itself. Default:
		 * {@link RpcObserver#NOOP}.
		 * @param observer the observer
		 * @return this builder
		 */
		public Builder<C> observer(RpcObserver observer) {
			this.client.observer(observer);
			return this;
		}

		/**
		 * Adds a listener told of every leader change after the client applied it, on the
		 * retrieval's thread (it must return quickly).
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder<C> listener(LeaderRetrievalListener listener) {
			this.listeners.add(Objects.requireNonNull(listener, "listener"));
			return this;
		}

		/**
		 * Creates the client; call {@link LeaderFollowingGateway#start()} to follow the leader.
		 * @return the client
		 * @throws IllegalStateException if no settings were given
		 */
		public LeaderFollowingGateway<C> build() {
			if (!this.settingsGiven) {
				throw new IllegalStateException(
						"LeaderFollowingGateway.builder(...).settings(ClientSettings) is required");
			}
			return new LeaderFollowingGateway<>(this);
		}

		private static void requireUuidFenced(Class<?> gatewayType) {
			if (!gatewayType.isInterface() || !FencedRpcGateway.class.isAssignableFrom(gatewayType)) {
				throw new IllegalArgumentException(gatewayType.getName() + " is not a fenced gateway: a client that "
						+ "follows a leader needs an interface extending FencedRpcGateway<UUID>, whose token is the "
						+ "leader session id");
			}
			Type token = tokenType(gatewayType);
			if (token != null && !UUID.class.equals(token)) {
				throw new IllegalArgumentException(gatewayType.getName() + " is fenced with " + token.getTypeName()
						+ " tokens, but leader session ids are UUIDs: extend FencedRpcGateway<UUID> to follow a leader");
			}
		}


		/** The {@code F} of {@code FencedRpcGateway<F>} as declared on the interface, or null if unknown. */
		private static Type tokenType(Class<?> type) {
			for (Type candidate : type.getGenericInterfaces()) {
				if (candidate instanceof ParameterizedType parameterized
						&& parameterized.getRawType() == FencedRpcGateway.class) {
					return parameterized.getActualTypeArguments()[0];
				}
				Class<?> raw = (candidate instanceof ParameterizedType parameterized)
						? (Class<?>) parameterized.getRawType() : (Class<?>) candidate;
				if (FencedRpcGateway.class.isAssignableFrom(raw)) {
					Type found = tokenType(raw);
					if (found != null) {
						return found;
					}
				}
			}
			return null;
		}

	}

}
