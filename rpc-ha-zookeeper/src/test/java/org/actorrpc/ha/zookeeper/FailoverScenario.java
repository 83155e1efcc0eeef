package org.actorrpc.ha.zookeeper;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.actorrpc.ha.LeaderInformation;
import org.actorrpc.ha.LeaderRetrievalListener;
import org.actorrpc.ha.LeaderRetrievalService;
import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.pekko.PekkoRpcServiceSettings;
import org.actorrpc.testutil.Failures;

/**
 * Two contender JVMs and a caller that follows the leader through leader retrieval and calls it
 * every few milliseconds with the leader's session id as fencing token; the leader's JVM is killed
 * with SIGKILL and the standby takes over. Records the failover's phases and everything needed for
 * the safety checks. One run per instance; not thread-safe.
 */
final class FailoverScenario {

	private static final Duration BOUND = Duration.ofSeconds(30);

	/** A JVM with Pekko and Curator can take this long to start on a loaded 2-core machine. */
	private static final Duration STARTUP_BOUND = Duration.ofSeconds(90);

	private static final int CALLS_PER_LEADER = 20;

	/** Short, so that calls to a dead leader do not pile up; long enough for a loaded machine. */
	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

	/** A call that succeeded, under which token, answered when. */
	record Success(UUID token, long micros) {
	}

	/**
	 * What a run observed. Times are wall-clock microseconds.
	 * @param firstToken the killed leader's session id
	 * @param secondToken the standby's session id
	 * @param killedAt SIGKILL sent
	 * @param noLeaderAt caller's retrieval reported "no leader" (the killed leader's session expired)
	 * @param grantedAt the standby was granted leadership (its own clock)
	 * @param publishedAt the standby's leader information was written
	 * @param retrievedAt caller's retrieval reported the standby
	 * @param connectedAt caller's connection (handshake) to the standby's endpoint completed
	 * @param firstCallAt first successful call on the standby
	 * @param oldTokenRefusal what a call with the old token to the new leader failed with
	 * @param intervals accept intervals per token, from both JVMs' logs
	 * @param successes calls the caller saw succeed
	 */
	record Result(UUID firstToken, UUID secondToken, long killedAt, long noLeaderAt, long grantedAt, long publishedAt,
			long retrievedAt, long connectedAt, long firstCallAt, Throwable oldTokenRefusal, List<AcceptLog.Interval> intervals,
			List<Success> successes) {

		String breakdown(Duration sessionTimeout) {
			return String.format(
					"session timeout %d ms: failover %d ms = detection %d + election %d + publication %d + retrieval %d + reconnect %d (handshake %d, first call %d)",
					sessionTimeout.toMillis(), ms(this.firstCallAt - this.killedAt), ms(this.noLeaderAt - this.killedAt),
					ms(this.grantedAt - this.noLeaderAt), ms(this.publishedAt - this.grantedAt),
					ms(this.retrievedAt - this.publishedAt), ms(this.firstCallAt - this.retrievedAt),
					ms(this.connectedAt - this.retrievedAt), ms(this.firstCallAt - this.connectedAt));
		}

		long failoverMillis() {
			return ms(this.firstCallAt - this.killedAt);
		}

		private static long ms(long micros) {
			return Math.round(micros / 1000.0);
		}

	}

	private final String connectString;

	private final String clusterId;

	private final Duration sessionTimeout;

	private final Path workDir;

	FailoverScenario(String connectString, String clusterId, Duration sessionTimeout, Path workDir) {
		this.connectString = connectString;
		this.clusterId = clusterId;
		this.sessionTimeout = sessionTimeout;
		this.workDir = workDir;
	}

	Result run() throws Exception {
		PekkoRpcService client = new PekkoRpcService(PekkoRpcServiceSettings.builder()
			.systemName("caller")
			.host("127.0.0.1")
			.port(0)
			.askTimeout(Duration.ofSeconds(10))
			.shutdownTimeout(Duration.ofSeconds(5))
			.build());
		ZooKeeperHighAvailabilityServices ha = new ZooKeeperHighAvailabilityServices(ZooKeeperHaSettings.builder()
			.connectString(this.connectString)
			.clusterId(this.clusterId)
			.sessionTimeout(this.sessionTimeout)
			.connectionTimeout(Duration.ofSeconds(1))
			.retryBaseSleep(Duration.ofMillis(100))
			.build());
		// both JVMs start at once; whichever is granted first leads, the other is the standby
		try (ContenderProcess first = ContenderProcess.start("first", this.connectString, this.clusterId,
				this.sessionTimeout, this.workDir.resolve("first-accepts.log"));
				ContenderProcess second = ContenderProcess.start("second", this.connectString, this.clusterId,
						this.sessionTimeout, this.workDir.resolve("second-accepts.log"))) {
			first.awaitEvent("CONTENDING", STARTUP_BOUND);
			second.awaitEvent("CONTENDING", STARTUP_BOUND);
			return run(client, ha, first, second);
		}
		finally {
			ha.close();
			client.closeAsync().get(BOUND.toSeconds(), TimeUnit.SECONDS);
		}
	}

	private Result run(PekkoRpcService client, ZooKeeperHighAvailabilityServices ha, ContenderProcess first,
			ContenderProcess second) throws Exception {
		Follower follower = new Follower(client);
		LeaderRetrievalService retrieval = ha.createLeaderRetrievalService(ContenderNodeMain.COMPONENT);
		retrieval.start(follower);
		LeaderInformation leader = follower.awaitLeader(null, BOUND);
		ContenderProcess leaderProcess = whoWasGranted(leader.sessionId(), first, second);
		ContenderProcess standby = (leaderProcess == first) ? second : first;
		Caller caller = new Caller(follower);
		Thread callerThread = new Thread(caller, "failover-caller");
		callerThread.start();
		try {
			caller.awaitSuccesses(leader.sessionId(), CALLS_PER_LEADER, BOUND);

			long killedAt = AcceptLog.nowMicros();
			leaderProcess.kill();

			String[] granted = standby.awaitEvent("GRANTED", BOUND.plus(this.sessionTimeout));
			UUID newToken = UUID.fromString(granted[1]);
			String[] published = standby.awaitEvent("PUBLISHED", BOUND);
			caller.awaitSuccesses(newToken, CALLS_PER_LEADER, BOUND);
			Throwable refusal = Failures.failureOf(
					client.connect(published[2], leader.sessionId(), CounterGateway.class)
						.thenCompose((gateway) -> gateway.increment(BOUND)),
					BOUND);
			caller.stop();
			callerThread.join(BOUND.toMillis());
			retrieval.stop();
			return new Result(leader.sessionId(), newToken, killedAt, follower.noLeaderAfter(killedAt),
					Long.parseLong(granted[2]), Long.parseLong(published[3]), follower.leaderAt(newToken),
					follower.connectedAt(newToken), caller.firstSuccess(newToken), refusal,
					AcceptLog.intervals(List.of(first.acceptLog(), second.acceptLog())), List.copyOf(caller.successes));
		}
		finally {
			caller.stop();
			callerThread.join(BOUND.toMillis());
		}
	}

	private static ContenderProcess whoWasGranted(UUID session, ContenderProcess first, ContenderProcess second) {
		long deadline = System.nanoTime() + BOUND.toNanos();
		while (System.nanoTime() < deadline) {
			for (ContenderProcess candidate : List.of(first, second)) {
				if (candidate.printed("GRANTED " + session)) {
					return candidate;
				}
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
		}
		throw new AssertionError("neither contender printed its grant of " + session);
	}

	/** Follows the leader: connects to each announced leader with its session id as token. */
	private static final class Follower implements LeaderRetrievalListener {

		/** A leader's gateway and the number of calls to it not answered yet. */
		record Target(UUID token, CounterGateway gateway, AtomicLong unanswered) {
		}

		private final PekkoRpcService client;

		final AtomicReference<Target> current = new AtomicReference<>();

		final AtomicReference<Throwable> lastFailure = new AtomicReference<>();

		private volatile LeaderInformation latest;

		private final Queue<long[]> noLeader = new ConcurrentLinkedQueue<>();

		private final Queue<Object[]> leaders = new ConcurrentLinkedQueue<>();

		private final Queue<Object[]> connected = new ConcurrentLinkedQueue<>();

		Follower(PekkoRpcService client) {
			this.client = client;
		}

		@Override
		public void notifyLeaderAddress(LeaderInformation leader) {
			this.leaders.add(new Object[] { leader, AcceptLog.nowMicros() });
			this.latest = leader;
			connect(leader);
		}

		/** Connects, retrying while this leader is still the latest announced one. */
		private void connect(LeaderInformation leader) {
			this.client.connect(leader.address(), leader.sessionId(), CounterGateway.class)
				.whenComplete((gateway, failure) -> {
					if (failure == null) {
						this.connected.add(new Object[] { leader.sessionId(), AcceptLog.nowMicros() });
						this.current.set(new Target(leader.sessionId(), gateway, new AtomicLong()));
					}
					else if (leader.equals(this.latest)) {
						this.lastFailure.set(failure);
						CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS).execute(() -> connect(leader));
					}
				});
		}

		@Override
		public void notifyNoLeader() {
			this.noLeader.add(new long[] { AcceptLog.nowMicros() });
			this.latest = null;
			this.current.set(null);
		}

		@Override
		public void handleError(Throwable error) {
			throw new AssertionError("retrieval failed", error);
		}

		LeaderInformation awaitLeader(UUID token, Duration bound) {
			long deadline = System.nanoTime() + bound.toNanos();
			while (System.nanoTime() < deadline) {
				for (Object[] entry : this.leaders) {
					LeaderInformation leader = (LeaderInformation) entry[0];
					if (token == null || leader.sessionId().equals(token)) {
						return leader;
					}
				}
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
			}
			throw new AssertionError("no leader announced within " + bound);
		}

		long connectedAt(UUID token) {
			for (Object[] entry : this.connected) {
				if (entry[0].equals(token)) {
					return (long) entry[1];
				}
			}
			throw new AssertionError("the caller never connected to leader " + token);
		}

		long leaderAt(UUID token) {
			for (Object[] entry : this.leaders) {
				if (((LeaderInformation) entry[0]).sessionId().equals(token)) {
					return (long) entry[1];
				}
			}
			throw new AssertionError("the caller never learned of leader " + token);
		}

		long noLeaderAfter(long micros) {
			for (long[] at : this.noLeader) {
				if (at[0] >= micros) {
					return at[0];
				}
			}
			throw new AssertionError("the caller never learned that the killed leader was gone");
		}

	}

	/**
	 * Calls the current leader every 5 ms, with at most {@value #MAX_UNANSWERED} calls per leader
	 * waiting for an answer (so a dead leader does not collect hundreds); records successes.
	 */
	private static final class Caller implements Runnable {

		private static final int MAX_UNANSWERED = 8;

		private final Follower follower;

		final Queue<Success> successes = new ConcurrentLinkedQueue<>();

		private final AtomicLong outstanding = new AtomicLong();

		private final AtomicLong fired = new AtomicLong();

		private volatile boolean stopped;

		Caller(Follower follower) {
			this.follower = follower;
		}

		@Override
		public void run() {
			while (!this.stopped) {
				Follower.Target target = this.follower.current.get();
				if (target != null && target.unanswered().get() < MAX_UNANSWERED) {
					target.unanswered().incrementAndGet();
					this.outstanding.incrementAndGet();
					this.fired.incrementAndGet();
					call(target).whenComplete((count, failure) -> {
						target.unanswered().decrementAndGet();
						this.outstanding.decrementAndGet();
						if (failure == null) {
							this.successes.add(new Success(target.token(), AcceptLog.nowMicros()));
						}
						else {
							this.follower.lastFailure.set(failure);
						}
					});
				}
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
			}
		}

		private java.util.concurrent.CompletableFuture<Long> call(Follower.Target target) {
			try {
				return target.gateway().increment(CALL_TIMEOUT);
			}
			catch (RuntimeException ex) {
				return java.util.concurrent.CompletableFuture.failedFuture(ex);
			}
		}

		void stop() {
			this.stopped = true;
		}

		void awaitSuccesses(UUID token, int count, Duration bound) {
			long deadline = System.nanoTime() + bound.toNanos();
			while (System.nanoTime() < deadline) {
				if (this.successes.stream().filter((s) -> s.token().equals(token)).count() >= count) {
					return;
				}
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
			}
			throw new AssertionError("fewer than " + count + " calls succeeded under " + token + " within " + bound
					+ " (calls made " + this.fired.get() + ", unanswered " + this.outstanding.get() + ", connected to "
					+ this.follower.current.get() + "); last failure: " + this.follower.lastFailure.get(),
					this.follower.lastFailure.get());
		}

		long firstSuccess(UUID token) {
			return this.successes.stream()
				.filter((s) -> s.token().equals(token))
				.mapToLong(Success::micros)
				.min()
				.orElseThrow();
		}

	}

}
