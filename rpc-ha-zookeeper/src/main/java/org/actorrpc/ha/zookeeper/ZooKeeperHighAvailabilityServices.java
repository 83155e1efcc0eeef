package org.actorrpc.ha.zookeeper;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.ACLProvider;
import org.apache.curator.framework.state.SessionConnectionStateErrorPolicy;
import org.apache.curator.framework.state.StandardConnectionStateErrorPolicy;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.data.ACL;

import org.actorrpc.ha.ComponentIds;
import org.actorrpc.ha.HighAvailabilityServices;
import org.actorrpc.ha.LeaderElection;
import org.actorrpc.ha.LeaderRetrievalService;

/**
 * {@link HighAvailabilityServices} on Apache ZooKeeper through Apache Curator: one Curator client
 * (one ZooKeeper session) per instance, working under the namespace
 * {@code <rootPath>/<clusterId>}; see {@link ZooKeeperPaths} for what is stored where.
 *
 * <p>Connection states: a LOST session always revokes the leadership and makes retrievers report
 * "no leader". A SUSPENDED connection (the session may still be alive) does the same unless
 * {@link ZooKeeperHaSettings#tolerateSuspendedConnection()} is set, in which case leaders keep
 * leading until the session is really lost (Curator's session error policy).
 *
 * <p>The client starts connecting in the constructor and keeps retrying in the background, so the
 * services can be created while ZooKeeper is down. Thread-safe.
 */
public final class ZooKeeperHighAvailabilityServices implements HighAvailabilityServices {

	private final ZooKeeperHaSettings settings;

	private final CuratorFramework client;

	private final Set<ZooKeeperLeaderElection> elections = ConcurrentHashMap.newKeySet();

	private final Set<ZooKeeperLeaderRetrieval> retrievals = ConcurrentHashMap.newKeySet();

	private volatile boolean closed;

	/**
	 * Creates the services and starts connecting.
	 * @param settings the settings
	 */
	public ZooKeeperHighAvailabilityServices(ZooKeeperHaSettings settings) {
		this.settings = settings;
		this.client = createClient(settings);
		this.client.start();
	}

	static CuratorFramework createClient(ZooKeeperHaSettings settings) {
		CuratorFrameworkFactory.Builder builder = CuratorFrameworkFactory.builder()
			.connectString(settings.connectString())
			.namespace(settings.namespace())
			.sessionTimeoutMs((int) settings.sessionTimeout().toMillis())
			.connectionTimeoutMs((int) settings.connectionTimeout().toMillis())
			.retryPolicy(new ExponentialBackoffRetry((int) settings.retryBaseSleep().toMillis(), settings.maxRetries()))
			// keep to the configured servers instead of following the ensemble's own configuration
			.ensembleTracker(false)
			.connectionStateErrorPolicy(settings.tolerateSuspendedConnection()
					? new SessionConnectionStateErrorPolicy() : new StandardConnectionStateErrorPolicy());
		byte[] digest = settings.digestBytes();
		if (digest != null) {
			builder.authorization("digest", digest).aclProvider(new CreatorOnlyAclProvider());
		}
		if (settings.tls() != null) {
			ZKClientConfig config = new ZKClientConfig();
			settings.tls().clientProperties().forEach(config::setProperty);
			builder.zkClientConfig(config);
		}
		return builder.build();
	}

	/**
	 * Returns the settings.
	 * @return the settings
	 */
	public ZooKeeperHaSettings settings() {
		return this.settings;
	}

	/** The Curator client, for tests that expire its session. */
	CuratorFramework client() {
		return this.client;
	}

	@Override
	public LeaderElection createLeaderElection(String componentId) {
		ComponentIds.requireValid(componentId);
		requireOpen();
		ZooKeeperLeaderElection election = new ZooKeeperLeaderElection(this.client, componentId, this.elections::remove);
		this.elections.add(election);
		return election;
	}

	@Override
	public LeaderRetrievalService createLeaderRetrievalService(String componentId) {
		ComponentIds.requireValid(componentId);
		requireOpen();
		ZooKeeperLeaderRetrieval retrieval = new ZooKeeperLeaderRetrieval(this.client, componentId,
				this.settings.tolerateSuspendedConnection(), this.retrievals::remove);
		this.retrievals.add(retrieval);
		return retrieval;
	}

	private void requireOpen() {
		if (this.closed) {
			throw new IllegalStateException("The ZooKeeper high-availability services are closed");
		}
	}

	@Override
	public void close() {
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
		}
		for (ZooKeeperLeaderElection election : new ArrayList<>(this.elections)) {
			election.close();
		}
		for (ZooKeeperLeaderRetrieval retrieval : new ArrayList<>(this.retrievals)) {
			retrieval.stop();
		}
		this.client.close();
	}

	/** With digest authentication every node is readable and writable by its creator only. */
	private static final class CreatorOnlyAclProvider implements ACLProvider {

		@Override
		public List<ACL> getDefaultAcl() {
			return ZooDefs.Ids.CREATOR_ALL_ACL;
		}

		@Override
		public List<ACL> getAclForPath(String path) {
			return ZooDefs.Ids.CREATOR_ALL_ACL;
		}

	}

}
