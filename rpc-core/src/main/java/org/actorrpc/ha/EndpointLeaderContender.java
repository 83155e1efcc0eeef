package org.actorrpc.ha;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.actorrpc.FencedRpcEndpoint;
import org.actorrpc.MainThreadExecutable;
import org.actorrpc.RpcGateway;

/**
 * Drives a {@link FencedRpcEndpoint} whose token follows leadership through a
 * {@link LeaderElection}: when leadership is granted, the endpoint's fencing token becomes the new
 * leader session id, its {@link LeadershipListener}s are told on its main thread, and then the
 * leadership is confirmed with the endpoint's address, so followers learn about it; when
 * leadership is revoked, the token is cleared at once (the endpoint refuses every call from the
 * next message on, queued ones included) and the listeners are told.
 *
 * <pre class="code">
 * JobMaster jobMaster = new JobMaster(rpcService);            // super(rpcService, "jobmaster"): no token
 * jobMaster.start();
 * EndpointLeaderContender contender = new EndpointLeaderContender(jobMaster,
 *         ha.createLeaderElection("jobmaster"), List.of());
 * contender.start();
 * // ... on shutdown: withdraw first, so that a standby takes over at once, then stop the endpoint
 * contender.close();
 * jobMaster.closeAsync();
 * </pre>
 *
 * <p>The listeners are the endpoint itself when it implements {@link LeadershipListener}, then
 * the ones given at construction, called in that order. If one of them throws from
 * {@link LeadershipListener#onLeadershipGranted}, the endpoint stops leading (token cleared,
 * listeners told of the revocation) and the contender withdraws from the election, so another
 * contender can lead; its state becomes {@link LeadershipView.State#FAILED}. The same happens when
 * the election reports an error.
 *
 * <p>Threading: {@link #start()}, {@link #close()} and {@link #view()} may be called from any
 * thread. The token switches on the election's callback thread; listener callbacks run on the
 * endpoint's main thread. Start the endpoint before the contender: the callbacks are main-thread
 * tasks.
 */
public final class EndpointLeaderContender implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EndpointLeaderContender.class);

	private final FencedRpcEndpoint<UUID> endpoint;

	private final LeaderElection election;

	private final List<LeadershipListener> listeners;

	/** The endpoint's self gateway, through which tasks reach its main thread. */
	private final MainThreadExecutable mainThread;

	private final Object lock = new Object();

	/** @GuardedBy("lock") */
	private LeadershipView.State state = LeadershipView.State.NOT_STARTED;

	/** The session granted last and not revoked. @GuardedBy("lock") */
	private UUID session;

	/** @GuardedBy("lock") */
	private Instant since;

	/** @GuardedBy("lock") */
	private long changes;

	/** The session whose grant the listeners heard and whose revocation they did not. Main thread only. */
	private UUID delivered;

	/**
	 * Creates the contender; nothing happens until {@link #start()}.
	 * @param endpoint the endpoint, created without a fencing token
	 * ({@code FencedRpcEndpoint(rpcService, endpointId)}); its id is the election's component
	 * @param election the election to take part in, not started
	 * @param listeners further listeners, after the endpoint itself when it implements
	 * {@link LeadershipListener}
	 * @throws IllegalArgumentException if the endpoint has a fixed fencing token
	 */
	public EndpointLeaderContender(FencedRpcEndpoint<UUID> endpoint, LeaderElection election,
			List<LeadershipListener> listeners) {
		this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
		this.election = Objects.requireNonNull(election, "election");
		if (endpoint.hasFixedFencingToken()) {
			throw new IllegalArgumentException("Endpoint '" + endpoint.getEndpointId()
					+ "' has a fixed fencing token, so leadership cannot change it: create it with "
					+ "FencedRpcEndpoint(rpcService, endpointId), without a token");
		}
		if (!(endpoint.getSelfGateway(RpcGateway.class) instanceof MainThreadExecutable executable)) {
			throw new IllegalArgumentException("The self gateway of endpoint '" + endpoint.getEndpointId()
					+ "' cannot run tasks on its main thread (its RpcService does not make it an RpcServer)");
		}
		this.mainThread = executable;
		List<LeadershipListener> all = new ArrayList<>();
		if (endpoint instanceof LeadershipListener self) {
			all.add(self);
		}
		all.addAll(listeners);
		this.listeners = List.copyOf(all);
		this.since = Instant.now();
	}

	/**
	 * Enters the election.
	 * @throws IllegalStateException if already started or closed
	 */
	public void start() {
		synchronized (this.lock) {
			if (this.state != LeadershipView.State.NOT_STARTED) {
				throw new IllegalStateException("The contender of endpoint '" + this.endpoint.getEndpointId()
						+ "' was already started");
			}
			enterLocked(LeadershipView.State.STANDBY, null, false);
		}
		this.election.startLeaderElection(new Contender());
	}

	/**
	 * Withdraws from the election: the endpoint stops leading at once (token cleared, listeners
	 * told on its main thread) and the published leader information is removed, so a standby
	 * can take over without waiting for a session to expire. The endpoint keeps running.
	 * Idempotent.
	 */
	@Override
	public void close() {
		boolean wasLeader;
		synchronized (this.lock) {
			if (this.state == LeadershipView.State.STOPPED || this.state == LeadershipView.State.FAILED) {
				return;
			}
			wasLeader = this.state == LeadershipView.State.LEADER;
			enterLocked(LeadershipView.State.STOPPED, null, wasLeader);
		}
		this.endpoint.updateFencingToken(null);
		if (wasLeader) {
			runOnMainThread(this::deliverRevocation);
		}
		this.election.close();
	}

	/**
	 * Returns a snapshot of the leadership.
	 * @return the view
	 */
	public LeadershipView view() {
		synchronized (this.lock) {
			return new LeadershipView(this.endpoint.getEndpointId(), this.endpoint.getAddress(), this.state,
					this.session, this.since, this.changes);
		}
	}

	/**
	 * Returns the endpoint this contender drives.
	 * @return the endpoint
	 */
	public FencedRpcEndpoint<UUID> endpoint() {
		return this.endpoint;
	}

	/** @GuardedBy("lock") */
	private void enterLocked(LeadershipView.State next, UUID nextSession, boolean change) {
		this.state = next;
		this.session = nextSession;
		this.since = Instant.now();
		if (change) {
			this.changes++;
		}
	}

	private UUID currentSession() {
		synchronized (this.lock) {
			return this.session;
		}
	}

	// ------------------------------------------------------------------------
	// Election callbacks (the election's thread)
	// ------------------------------------------------------------------------

	private void granted(UUID leaderSessionId) {
		synchronized (this.lock) {
			if (this.state != LeadershipView.State.STANDBY) {
				return;
			}
			enterLocked(LeadershipView.State.LEADER, leaderSessionId, true);
		}
		this.endpoint.updateFencingToken(leaderSessionId);
		logger.info("Endpoint '{}' leads under session {}", this.endpoint.getEndpointId(), leaderSessionId);
		runOnMainThread(() -> deliverGrant(leaderSessionId));
	}

	private void revoked(LeadershipView.State next) {
		boolean wasLeader;
		synchronized (this.lock) {
			if (this.state == LeadershipView.State.STOPPED || this.state == LeadershipView.State.FAILED) {
				return;
			}
			wasLeader = this.state == LeadershipView.State.LEADER;
			enterLocked(next, null, wasLeader);
		}
		// cleared before anything else, so the next message the main thread takes is refused
		this.endpoint.updateFencingToken(null);
		if (wasLeader) {
			logger.info("Endpoint '{}' no longer leads", this.endpoint.getEndpointId());
			runOnMainThread(this::deliverRevocation);
		}
	}

	// ------------------------------------------------------------------------
	// Listener callbacks (the endpoint's main thread)
	// ------------------------------------------------------------------------

	private void deliverGrant(UUID leaderSessionId) {
		if (!leaderSessionId.equals(currentSession()) || !this.election.hasLeadership(leaderSessionId)) {
			// revoked before this ran; its revocation is skipped too (nothing was delivered)
			return;
		}
		if (this.delivered != null) {
			deliverRevocation();
		}
		this.delivered = leaderSessionId;
		for (LeadershipListener listener : this.listeners) {
			try {
				listener.onLeadershipGranted(leaderSessionId);
			}
			catch (RuntimeException ex) {
				logger.error("Endpoint '{}' failed to take up leadership (session {}); it withdraws from the "
						+ "election so that another contender can lead", this.endpoint.getEndpointId(),
						leaderSessionId, ex);
				withdrawAfterFailure();
				return;
			}
		}
		this.election.confirmLeadership(leaderSessionId, this.endpoint.getAddress())
			.whenComplete((ignored, failure) -> {
				if (failure != null) {
					logger.warn("Endpoint '{}' could not publish its leadership (session {}); followers do not "
							+ "learn about it until the election grants again", this.endpoint.getEndpointId(),
							leaderSessionId, failure);
				}
			});
	}

	private void deliverRevocation() {
		if (this.delivered == null) {
			return;
		}
		this.delivered = null;
		for (LeadershipListener listener : this.listeners) {
			try {
				listener.onLeadershipRevoked();
			}
			catch (RuntimeException ex) {
				logger.warn("A leadership listener of endpoint '{}' failed on revocation",
						this.endpoint.getEndpointId(), ex);
			}
		}
	}

	/** Main thread: a listener refused the leadership. */
	private void withdrawAfterFailure() {
		synchronized (this.lock) {
			boolean wasLeader = this.state == LeadershipView.State.LEADER;
			enterLocked(LeadershipView.State.FAILED, null, wasLeader);
		}
		this.endpoint.updateFencingToken(null);
		deliverRevocation();
		// closing may wait for the coordination service: not on the main thread
		try {
			this.endpoint.getRpcService().getScheduledExecutor().execute(this.election::close);
		}
		catch (RejectedExecutionException ex) {
			this.election.close();
		}
	}

	private void runOnMainThread(Runnable task) {
		this.mainThread.runAsync(task);
	}

	/** The election's view of this contender; kept private so that only the election calls it. */
	private final class Contender implements LeaderContender {

		@Override
		public void grantLeadership(UUID leaderSessionId) {
			granted(leaderSessionId);
		}

		@Override
		public void revokeLeadership() {
			revoked(LeadershipView.State.STANDBY);
		}

		@Override
		public void handleError(Throwable error) {
			logger.error("The leader election of endpoint '{}' failed; it no longer leads",
					EndpointLeaderContender.this.endpoint.getEndpointId(), error);
			revoked(LeadershipView.State.FAILED);
		}

	}

}
