package org.actorrpc.demo.jobmaster.ha;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.actorrpc.ha.HighAvailabilityServices;
import org.actorrpc.ha.StandaloneHighAvailabilityServices;
import org.actorrpc.ha.zookeeper.ZooKeeperHaSettings;
import org.actorrpc.ha.zookeeper.ZooKeeperHighAvailabilityServices;

/**
 * The JobMaster's high-availability services and job store, from {@code demo.ha.*}: standalone
 * (nothing to run, nothing persisted) or ZooKeeper (election, retrieval, and a job store on its own
 * Curator client in the cluster's namespace, with checkpoint files under
 * {@code demo.ha.storage-dir}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HaProperties.class)
class HighAvailabilityConfiguration {

	@Bean(destroyMethod = "close")
	HighAvailabilityServices highAvailabilityServices(HaProperties properties) {
		if (properties.getMode() == HaProperties.Mode.NONE) {
			return new StandaloneHighAvailabilityServices();
		}
		return new ZooKeeperHighAvailabilityServices(settings(properties));
	}

	@Bean
	JobStoreFactory jobStoreFactory(HaProperties properties, JobStoreClient client) {
		if (properties.getMode() == HaProperties.Mode.NONE) {
			return (session) -> new StandaloneJobStore();
		}
		return (session) -> new ZooKeeperJobStore(client.curator(), ClusterLeadership.COMPONENT_ID, session,
				properties.getStorageDir().resolve(properties.getClusterId()).toAbsolutePath());
	}

	@Bean(destroyMethod = "close")
	JobStoreClient jobStoreClient(HaProperties properties) {
		if (properties.getMode() == HaProperties.Mode.NONE) {
			return new JobStoreClient(null);
		}
		ZooKeeperHaSettings settings = settings(properties);
		CuratorFramework curator = CuratorFrameworkFactory.builder()
			.connectString(settings.connectString())
			.namespace(settings.namespace())
			.sessionTimeoutMs((int) settings.sessionTimeout().toMillis())
			.connectionTimeoutMs((int) settings.connectionTimeout().toMillis())
			.retryPolicy(new ExponentialBackoffRetry((int) settings.retryBaseSleep().toMillis(), settings.maxRetries()))
			.build();
		curator.start();
		return new JobStoreClient(curator);
	}

	private static ZooKeeperHaSettings settings(HaProperties properties) {
		if (properties.getZookeeperQuorum() == null || properties.getZookeeperQuorum().isBlank()) {
			throw new IllegalArgumentException(
					"demo.ha.zookeeper-quorum is required with demo.ha.mode=zookeeper (for example 127.0.0.1:2181)");
		}
		return ZooKeeperHaSettings.builder()
			.connectString(properties.getZookeeperQuorum())
			.clusterId(properties.getClusterId())
			.sessionTimeout(properties.getSessionTimeout())
			.connectionTimeout(properties.getSessionTimeout())
			.retryBaseSleep(java.time.Duration.ofMillis(200))
			.build();
	}

	/** The job store's Curator client (none without high availability); closed with the context. */
	record JobStoreClient(CuratorFramework curator) implements AutoCloseable {

		@Override
		public void close() {
			if (this.curator != null) {
				this.curator.close();
			}
		}

	}

}
