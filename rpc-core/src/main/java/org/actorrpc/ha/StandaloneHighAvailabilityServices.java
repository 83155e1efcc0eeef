package org.actorrpc.ha;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * High availability without a coordination service, the default when high availability is off:
 * every contender is granted leadership at once, always with {@link #DEFAULT_LEADER_SESSION_ID},
 * and keeps it until it withdraws. There is no failover; use it when only one instance of each
 * component runs.
 *
 * <p>Retrieval announces, per component, the leader confirmed through these services (same
 * process), or else the fixed address given at construction (a component in another process),
 * with {@link #DEFAULT_LEADER_SESSION_ID}; otherwise "no leader".
 *
 * <p>Threading: all callbacks of all contenders and listeners of one instance run one at a time
 * on a single thread it owns ({@code actorrpc-ha-standalone}), stopped by {@link #close()}.
 * Thread-safe.
 */
public final class StandaloneHighAvailabilityServices implements HighAvailabilityServices {

	/** The session id of every standalone leader (Flink uses the same all-zero id). */
	public static final UUID DEFAULT_LEADER_SESSION_ID = new UUID(0L, 0L);

	private final Object lock = new Object();

	private final Map<String, String> fixedAddresses;

	/** Addresses confirmed by contenders of these services, per component; guarded by lock. */
	private final Map<String, String> confirmedAddresses = new HashMap<>();

	/** Elections created and not closed; guarded by lock. */
	private final List<Election> elections = new ArrayList<>();

	/** Started listeners per component; guarded by lock. */
	private final Map<String, List<Retrieval>> retrievals = new HashMap<>();

	private final ExecutorService callbacks;

	private boolean closed;

	/**
	 * Creates services whose retrieval knows only leaders confirmed in this process.
	 */
	public StandaloneHighAvailabilityServices() {
		this(Map.of());
	}

	/**
	 * Creates services that also announce fixed leader addresses.
	 * @param leaderAddresses RPC address of the leader per component id, for components that run
	 * elsewhere
	 */
	public StandaloneHighAvailabilityServices(Map<String, String> leaderAddresses) {
		Objects.requireNonNull(leaderAddresses, "leaderAddresses");
		leaderAddresses.forEach((id, address) -> {
			ComponentIds.requireValid(id);
			new LeaderInformation(DEFAULT_LEADER_SESSION_ID, address);
		});
		this.fixedAddresses = Map.copyOf(leaderAddresses);
		this.callbacks = Executors.newSingleThreadExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "actorrpc-ha-standalone");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public LeaderElection createLeaderElection(String componentId) {
		ComponentIds.requireValid(componentId);
		synchronized (this.lock) {
			requireOpen();
			Election election = new Election(componentId);
			this.elections.add(election);
			return election;
		}
	}

	@Override
	public LeaderRetrievalService createLeaderRetrievalService(String componentId) {
		ComponentIds.requireValid(componentId);
		synchronized (this.lock) {
			requireOpen();
			return new Retrieval(componentId);
		}
	}

	@Override
	public void close() {
		synchronized (this.lock) {
			if (this.closed) {
				return;
			}
			// revocations are queued before the thread stops, so every leader hears of it
			for (Election election : new ArrayList<>(this.elections)) {
				election.close();
			}
			this.closed = true;
			this.retrievals.clear();
		}
		this.callbacks.shutdown();
		try {
			this.callbacks.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void requireOpen() {
		if (this.closed) {
			throw new IllegalStateException("The high-availability services are closed");
		}
	}

	private void submit(Runnable callback) {
		try {
			this.callbacks.execute(callback);
		}
		catch (RejectedExecutionException ex) {
			// closed: nobody listens any more
		}
	}

	/** Current leader of a component; called with lock held. */
	private LeaderInformation leaderOf(String componentId) {
		String address = this.confirmedAddresses.getOrDefault(componentId, this.fixedAddresses.get(componentId));
		return (address != null) ? new LeaderInformation(DEFAULT_LEADER_SESSION_ID, address) : null;
	}

	/** Tells every listener of the component the current leader; called with lock held. */
	private void announce(String componentId) {
		LeaderInformation leader = leaderOf(componentId);
		for (Retrieval retrieval : this.retrievals.getOrDefault(componentId, List.of())) {
			retrieval.publish(leader);
		}
	}

	private final class Election implements LeaderElection {

		private final String componentId;

		/** Guarded by the services' lock. */
		private LeaderContender contender;

		/** Guarded by the services' lock. */
		private boolean leading;

		/** Guarded by the services' lock. */
		private boolean confirmed;

		Election(String componentId) {
			this.componentId = componentId;
		}

		@Override
		public void startLeaderElection(LeaderContender contender) {
			Objects.requireNonNull(contender, "contender");
			synchronized (StandaloneHighAvailabilityServices.this.lock) {
				requireOpen();
				if (this.contender != null) {
					throw new IllegalStateException("The leader election of '" + this.componentId
							+ "' was already started; create a new one per contender");
				}
				this.contender = contender;
				this.leading = true;
				submit(() -> contender.grantLeadership(DEFAULT_LEADER_SESSION_ID));
			}
		}

		@Override
		public CompletableFuture<Void> confirmLeadership(UUID leaderSessionId, String leaderAddress) {
			LeaderInformation information = new LeaderInformation(leaderSessionId, leaderAddress);
			synchronized (StandaloneHighAvailabilityServices.this.lock) {
				if (this.leading && DEFAULT_LEADER_SESSION_ID.equals(information.sessionId())) {
					this.confirmed = true;
					StandaloneHighAvailabilityServices.this.confirmedAddresses.put(this.componentId, leaderAddress);
					announce(this.componentId);
				}
			}
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public boolean hasLeadership(UUID leaderSessionId) {
			synchronized (StandaloneHighAvailabilityServices.this.lock) {
				return this.leading && DEFAULT_LEADER_SESSION_ID.equals(leaderSessionId);
			}
		}

		@Override
		public void close() {
			synchronized (StandaloneHighAvailabilityServices.this.lock) {
				StandaloneHighAvailabilityServices.this.elections.remove(this);
				if (!this.leading) {
					return;
				}
				this.leading = false;
				if (this.confirmed) {
					StandaloneHighAvailabilityServices.this.confirmedAddresses.remove(this.componentId);
					announce(this.componentId);
				}
				LeaderContender revoked = this.contender;
				submit(revoked::revokeLeadership);
			}
		}

	}

	private final class Retrieval implements LeaderRetrievalService {

		private final String componentId;

		/** Guarded by the services' lock. */
		private LeaderRetrievalListener listener;

		/** Guarded by the services' lock. */
		private boolean stopped;

		/** Last announced state, to skip repeats; guarded by the services' lock. */
		private LeaderInformation last;

		/** Whether anything was announced yet; guarded by the services' lock. */
		private boolean announced;

		Retrieval(String componentId) {
			this.componentId = componentId;
		}

		@Override
		public void start(LeaderRetrievalListener listener) {
			Objects.requireNonNull(listener, "listener");
			synchronized (StandaloneHighAvailabilityServices.this.lock) {
				requireOpen();
				if (this.listener != null || this.stopped) {
					throw new IllegalStateException("The leader retrieval of '" + this.componentId
							+ "' was already started; create a new one per listener");
				}
				this.listener = listener;
				StandaloneHighAvailabilityServices.this.retrievals
					.computeIfAbsent(this.componentId, (id) -> new ArrayList<>())
					.add(this);
				publish(leaderOf(this.componentId));
			}
		}

		/** Called with the services' lock held. */
		void publish(LeaderInformation leader) {
			if (this.announced && Objects.equals(this.last, leader)) {
				return;
			}
			this.announced = true;
			this.last = leader;
			LeaderRetrievalListener target = this.listener;
			submit(() -> {
				synchronized (StandaloneHighAvailabilityServices.this.lock) {
					if (this.stopped) {
						return;
					}
				}
				if (leader != null) {
					target.notifyLeaderAddress(leader);
				}
				else {
					target.notifyNoLeader();
				}
			});
		}

		@Override
		public void stop() {
			synchronized (StandaloneHighAvailabilityServices.this.lock) {
				this.stopped = true;
				List<Retrieval> list = StandaloneHighAvailabilityServices.this.retrievals.get(this.componentId);
				if (list != null) {
					list.remove(this);
				}
			}
		}

	}

}
