package org.actorrpc.demo.jobmaster.ha;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.actorrpc.ha.HighAvailabilityServices;
import org.actorrpc.ha.zookeeper.ZooKeeperHaSettings;
import org.actorrpc.ha.zookeeper.ZooKeeperHighAvailabilityServices;

/**
 * The JobMaster's job store, matching the starter's high-availability services
 * ({@code actorrpc.ha.mode}): with ZooKeeper, a store on a Curator client of its own in the same
 * cluster namespace and with the same settings, checkpoint files under
 * {@code demo.ha.storage-dir/<cluster-id>}; standalone, nothing is persisted.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HaProperties.class)
class HighAvailabilityConfiguration {

	@Bean
	JobStoreFactory jobStoreFactory(HaProperties properties, JobStoreClient client) {
		if (client.curator() == null) {
			return (session) -> new StandaloneJobStore();
		}
		return (session) -> new ZooKeeperJobStore(client.curator(), ClusterLeadership.COMPONENT_ID, session,
				properties.getStorageDir().resolve(client.clusterId()).toAbsolutePath());
	}

	@Bean(destroyMethod = "close")
	JobStoreClient jobStoreClient(HighAvailabilityServices highAvailability) {
		if (!(highAvailability instanceof ZooKeeperHighAvailabilityServices zooKeeper)) {
			return new JobStoreClient(null, null);
		}
		ZooKeeperHaSettings settings = zooKeeper.settings();
		CuratorFramework curator = CuratorFrameworkFactory.builder()
			.connectString(settings.connectString())
			.namespace(settings.namespace())
			.sessionTimeoutMs((int) settings.sessionTimeout().toMillis())
			.connectionTimeoutMs((int) settings.connectionTimeout().toMillis())
			.retryPolicy(new ExponentialBackoffRetry((int) settings.retryBaseSleep().toMillis(), settings.maxRetries()))
			.build();
		curator.start();
		return new JobStoreClient(curator, settings.clusterId());
	}

	/**
	 * The job store's Curator client (none without ZooKeeper); closed with the context.
	 * @param curator the client or null
	 * @param clusterId the cluster id or null
	 */
	record JobStoreClient(CuratorFramework curator, String clusterId) implements AutoCloseable {

		@Override
		public void close() {
			if (this.curator != null) {
				this.curator.close();
			}
		}

	}

}
