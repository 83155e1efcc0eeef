package org.actorrpc.ha.zookeeper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.actorrpc.ha.LeaderContender;
import org.actorrpc.ha.LeaderElection;
import org.actorrpc.ha.LeaderInformation;

/**
 * One contender's participation in the election of a component, on a Curator {@link LeaderLatch}.
 *
 * <p>Every grant gets a fresh random session id. The leader information is published as an
 * ephemeral node of this process's ZooKeeper session, in a transaction that also checks that the
 * latch node under which the leadership was granted still exists: that node exists only while
 * this contender leads (it is the lowest of the latch, and a deleted node is never re-created), so
 * a deposed leader's write fails instead of overwriting its successor.
 *
 * <p>Threading: latch events, confirmations and the close run one at a time on this election's
 * own thread ({@code actorrpc-ha-election-<componentId>}), which also calls the contender; so a
 * confirmation can never interleave with a revocation. Thread-safe.
 */
final class ZooKeeperLeaderElection implements LeaderElection {

	private static final Logger logger = LoggerFactory.getLogger(ZooKeeperLeaderElection.class);

	private static final int PUBLISH_ATTEMPTS = 5;

	private final CuratorFramework client;

	private final String componentId;

	private final String latchPath;

	private final String infoPath;

	private final Consumer<ZooKeeperLeaderElection> onClose;

	private final CallbackThread events;

	private final Object lock = new Object();

	/** Guarded by lock. */
	private LeaderLatch latch;

	/** Guarded by lock; read on the events thread after start. */
	private LeaderContender contender;

	private volatile boolean closed;

	/** The current grant, null when not leading; written on the events thread only. */
	private volatile UUID currentSession;

	/** The latch node the current grant belongs to; events thread only. */
	private String grantedLatchNode;

	ZooKeeperLeaderElection(CuratorFramework client, String componentId, Consumer<ZooKeeperLeaderElection> onClose) {
		this.client = client;
		this.componentId = componentId;
		this.latchPath = ZooKeeperPaths.latch(componentId);
		this.infoPath = ZooKeeperPaths.connectionInfo(componentId);
		this.onClose = onClose;
		this.events = new CallbackThread("actorrpc-ha-election-" + componentId);
	}

	@Override
	public void startLeaderElection(LeaderContender contender) {
		Objects.requireNonNull(contender, "contender");
		synchronized (this.lock) {
			if (this.closed) {
				throw new IllegalStateException("The leader election of '" + this.componentId + "' is closed");
			}
			if (this.contender != null) {
				throw new IllegalStateException("The leader election of '" + this.componentId
						+ "' was already started; create a new one per contender");
			}
			this.contender = contender;
			this.latch = new LeaderLatch(this.client, this.latchPath);
			this.latch.addListener(new LatchListener(), this.events);
			try {
				this.latch.start();
			}
			catch (Exception ex) {
				throw new IllegalStateException("Could not start the leader latch of '" + this.componentId + "'", ex);
			}
		}
	}

	@Override
	public CompletableFuture<Void> confirmLeadership(UUID leaderSessionId, String leaderAddress) {
		LeaderInformation leader = new LeaderInformation(leaderSessionId, leaderAddress);
		CompletableFuture<Void> published = new CompletableFuture<>();
		boolean queued = this.events.tryExecute(() -> {
			try {
				if (leaderSessionId.equals(this.currentSession)) {
					publish(leader);
				}
				else {
					logger.debug("Ignoring the confirmation of {} for '{}': that session is not current",
							leaderSessionId, this.componentId);
				}
				published.complete(null);
			}
			catch (Exception ex) {
				published.completeExceptionally(ex);
			}
		});
		if (!queued) {
			published.complete(null);
		}
		return published;
	}

	@Override
	public boolean hasLeadership(UUID leaderSessionId) {
		LeaderLatch current;
		synchronized (this.lock) {
			current = this.latch;
		}
		return leaderSessionId != null && leaderSessionId.equals(this.currentSession) && current != null
				&& current.hasLeadership();
	}

	@Override
	public void close() {
		LeaderLatch toClose;
		synchronized (this.lock) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			toClose = this.latch;
		}
		if (toClose != null) {
			this.events.tryExecute(() -> withdraw(toClose));
		}
		this.events.stop();
		this.onClose.accept(this);
	}

	/** Events thread: removes our published information, leaves the latch, revokes. */
	private void withdraw(LeaderLatch toClose) {
		if (this.currentSession != null) {
			try {
				deleteOwnInformation();
			}
			catch (Exception ex) {
				// the ephemeral node goes with the session anyway
				logger.debug("Could not remove the leader information of '{}' on close", this.componentId, ex);
			}
		}
		try {
			toClose.close(LeaderLatch.CloseMode.SILENT);
		}
		catch (Exception ex) {
			logger.debug("Could not close the leader latch of '{}'", this.componentId, ex);
		}
		revoke();
	}

	private void deleteOwnInformation() throws Exception {
		Stat stat = this.client.checkExists().forPath(this.infoPath);
		if (stat != null && stat.getEphemeralOwner() == zooKeeperSessionId()) {
			this.client.transaction()
				.forOperations(this.client.transactionOp().check().forPath(this.grantedLatchNode),
						this.client.transactionOp().delete().withVersion(stat.getVersion()).forPath(this.infoPath));
		}
	}

	/** Events thread: called by the latch when this contender became the lowest node. */
	private void grant() {
		if (this.closed || this.currentSession != null) {
			return;
		}
		LeaderLatch current;
		synchronized (this.lock) {
			current = this.latch;
		}
		String ourPath = current.getOurPath();
		if (ourPath == null || !isLowest(ourPath)) {
			// the latch re-created its node since it decided; a later event will settle it
			return;
		}
		UUID session = UUID.randomUUID();
		this.grantedLatchNode = ourPath;
		this.currentSession = session;
		logger.info("'{}' granted leadership with session {}", this.componentId, session);
		try {
			this.contender.grantLeadership(session);
		}
		catch (RuntimeException ex) {
			logger.error("The contender for '{}' failed in grantLeadership", this.componentId, ex);
		}
	}

	private boolean isLowest(String ourPath) {
		try {
			List<String> children = this.client.getChildren().forPath(this.latchPath);
			String lowest = children.stream().min(Comparator.comparing(ZooKeeperLeaderElection::sequence)).orElse(null);
			return ZKPaths.getNodeFromPath(ourPath).equals(lowest);
		}
		catch (Exception ex) {
			// cannot check now: trust the latch; a stale grant still cannot publish (see publish)
			logger.debug("Could not re-check the latch of '{}'", this.componentId, ex);
			return true;
		}
	}

	private static String sequence(String latchNode) {
		// Curator's latch nodes end with a 10-digit sequence number
		int dash = latchNode.lastIndexOf('-');
		return (dash >= 0) ? latchNode.substring(dash + 1) : latchNode;
	}

	/** Events thread: called by the latch when the leadership is lost. */
	private void revoke() {
		UUID session = this.currentSession;
		if (session == null) {
			return;
		}
		this.currentSession = null;
		this.grantedLatchNode = null;
		logger.info("'{}' leadership with session {} revoked", this.componentId, session);
		try {
			this.contender.revokeLeadership();
		}
		catch (RuntimeException ex) {
			logger.error("The contender for '{}' failed in revokeLeadership", this.componentId, ex);
		}
	}

	/** Events thread: writes the leader information while the granted latch node exists. */
	private void publish(LeaderInformation leader) throws Exception {
		byte[] data = LeaderInformationCodec.encode(leader);
		String latchNode = this.grantedLatchNode;
		for (int attempt = 1; attempt <= PUBLISH_ATTEMPTS; attempt++) {
			Stat stat = this.client.checkExists().forPath(this.infoPath);
			List<CuratorOp> operations = new ArrayList<>(3);
			operations.add(this.client.transactionOp().check().forPath(latchNode));
			if (stat == null) {
				operations.add(this.client.transactionOp().create().withMode(CreateMode.EPHEMERAL).forPath(this.infoPath,
						data));
			}
			else if (stat.getEphemeralOwner() == zooKeeperSessionId()) {
				operations.add(this.client.transactionOp().setData().withVersion(stat.getVersion()).forPath(this.infoPath,
						data));
			}
			else {
				// left by a predecessor whose session is not gone yet: it would vanish with that session
				operations.add(this.client.transactionOp().delete().withVersion(stat.getVersion()).forPath(this.infoPath));
				operations.add(this.client.transactionOp().create().withMode(CreateMode.EPHEMERAL).forPath(this.infoPath,
						data));
			}
			try {
				this.client.transaction().forOperations(operations);
				logger.info("'{}' leader published: {}", this.componentId, leader);
				return;
			}
			catch (KeeperException.NoNodeException ex) {
				if (this.client.checkExists().forPath(latchNode) == null) {
					logger.info("Not publishing {} for '{}': the leadership is gone", leader, this.componentId);
					return;
				}
				// the old information vanished between the read and the write: read again
			}
			catch (KeeperException.NodeExistsException | KeeperException.BadVersionException ex) {
				// changed between the read and the write: read again
			}
		}
		throw new IllegalStateException("Could not publish the leader information of '" + this.componentId
				+ "' after " + PUBLISH_ATTEMPTS + " attempts: its node kept changing");
	}

	private long zooKeeperSessionId() throws Exception {
		return this.client.getZookeeperClient().getZooKeeper().getSessionId();
	}

	private final class LatchListener implements LeaderLatchListener {

		@Override
		public void isLeader() {
			grant();
		}

		@Override
		public void notLeader() {
			revoke();
		}

	}

}
