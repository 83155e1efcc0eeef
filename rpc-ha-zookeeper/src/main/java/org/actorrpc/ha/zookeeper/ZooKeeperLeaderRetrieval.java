package org.actorrpc.ha.zookeeper;

import java.util.Objects;
import java.util.function.Consumer;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.actorrpc.ha.LeaderInformation;
import org.actorrpc.ha.LeaderRetrievalListener;
import org.actorrpc.ha.LeaderRetrievalService;

/**
 * Follows a component's leader information node with a {@link CuratorCache} (a watch, re-armed
 * on every change and after reconnection).
 *
 * <p>A lost session means "no leader" (the information may be stale); so does a suspended
 * connection unless suspension is tolerated. After a reconnection the node is read again.
 *
 * <p>Threading: cache events, connection-state changes and the listener's calls run one at a time
 * on this retrieval's own thread ({@code actorrpc-ha-retrieval-<componentId>}). Thread-safe.
 */
final class ZooKeeperLeaderRetrieval implements LeaderRetrievalService {

	private static final Logger logger = LoggerFactory.getLogger(ZooKeeperLeaderRetrieval.class);

	private final CuratorFramework client;

	private final String componentId;

	private final String infoPath;

	private final boolean tolerateSuspendedConnection;

	private final Consumer<ZooKeeperLeaderRetrieval> onStop;

	private final CallbackThread events;

	private final ConnectionStateListener stateListener = (c, state) -> connectionStateChanged(state);

	private final Object lock = new Object();

	/** Guarded by lock. */
	private CuratorCache cache;

	/** Guarded by lock; read on the events thread after start. */
	private LeaderRetrievalListener listener;

	private volatile boolean stopped;

	/** Whether the cache may be trusted; events thread only. */
	private boolean connected = true;

	/** Whether anything was announced yet; events thread only. */
	private boolean announced;

	/** Last announcement, null for "no leader"; events thread only. */
	private LeaderInformation last;

	ZooKeeperLeaderRetrieval(CuratorFramework client, String componentId, boolean tolerateSuspendedConnection,
			Consumer<ZooKeeperLeaderRetrieval> onStop) {
		this.client = client;
		this.componentId = componentId;
		this.infoPath = ZooKeeperPaths.connectionInfo(componentId);
		this.tolerateSuspendedConnection = tolerateSuspendedConnection;
		this.onStop = onStop;
		this.events = new CallbackThread("actorrpc-ha-retrieval-" + componentId);
	}

	@Override
	public void start(LeaderRetrievalListener listener) {
		Objects.requireNonNull(listener, "listener");
		synchronized (this.lock) {
			if (this.stopped || this.listener != null) {
				throw new IllegalStateException("The leader retrieval of '" + this.componentId
						+ "' was already started or stopped; create a new one per listener");
			}
			this.listener = listener;
			this.cache = CuratorCache.build(this.client, this.infoPath, CuratorCache.Options.SINGLE_NODE_CACHE);
			this.cache.listenable().addListener(new CacheListener(), this.events);
			this.client.getConnectionStateListenable().addListener(this.stateListener, this.events);
			if (!this.client.getZookeeperClient().isConnected()) {
				this.events.execute(() -> publish(null));
			}
			this.cache.start();
		}
	}

	@Override
	public void stop() {
		CuratorCache toClose;
		synchronized (this.lock) {
			if (this.stopped) {
				return;
			}
			this.stopped = true;
			toClose = this.cache;
		}
		if (toClose != null) {
			this.client.getConnectionStateListenable().removeListener(this.stateListener);
			toClose.close();
		}
		this.events.stop();
		this.onStop.accept(this);
	}

	/** Events thread. */
	private void connectionStateChanged(ConnectionState state) {
		switch (state) {
			case SUSPENDED -> {
				if (!this.tolerateSuspendedConnection) {
					this.connected = false;
					publish(null);
				}
			}
			case LOST -> {
				this.connected = false;
				publish(null);
			}
			case CONNECTED, RECONNECTED -> {
				this.connected = true;
				readFromZooKeeper();
			}
			default -> {
			}
		}
	}

	/** Events thread. */
	private void readFromZooKeeper() {
		try {
			publish(decode(this.client.getData().forPath(this.infoPath)));
		}
		catch (KeeperException.NoNodeException ex) {
			publish(null);
		}
		catch (Exception ex) {
			// the cache reports the node once it is readable again
			logger.debug("Could not read the leader of '{}' after reconnecting", this.componentId, ex);
		}
	}

	/** Events thread. */
	private void readFromCache() {
		CuratorCache current;
		synchronized (this.lock) {
			current = this.cache;
		}
		if (!this.connected || current == null) {
			return;
		}
		publish(current.get(this.infoPath).map(ChildData::getData).map(this::decode).orElse(null));
	}

	private LeaderInformation decode(byte[] data) {
		try {
			return LeaderInformationCodec.decode(data);
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Ignoring the leader information of '{}' at {}: {}", this.componentId, this.infoPath,
					ex.getMessage());
			return null;
		}
	}

	/** Events thread: tells the listener, skipping repeats. */
	private void publish(LeaderInformation leader) {
		if (this.stopped || (this.announced && Objects.equals(this.last, leader))) {
			return;
		}
		this.announced = true;
		this.last = leader;
		LeaderRetrievalListener target;
		synchronized (this.lock) {
			target = this.listener;
		}
		try {
			if (leader != null) {
				target.notifyLeaderAddress(leader);
			}
			else {
				target.notifyNoLeader();
			}
		}
		catch (RuntimeException ex) {
			logger.error("The leader retrieval listener of '{}' failed", this.componentId, ex);
		}
	}

	private final class CacheListener implements CuratorCacheListener {

		@Override
		public void event(Type type, ChildData oldData, ChildData data) {
			readFromCache();
		}

		@Override
		public void initialized() {
			readFromCache();
		}

	}

}
