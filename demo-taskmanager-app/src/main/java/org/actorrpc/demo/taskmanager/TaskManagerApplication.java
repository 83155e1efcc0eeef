package org.actorrpc.demo.taskmanager;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import org.actorrpc.ha.HighAvailabilityServices;
import org.actorrpc.ha.StandaloneHighAvailabilityServices;
import org.actorrpc.ha.zookeeper.ZooKeeperHaSettings;
import org.actorrpc.ha.zookeeper.ZooKeeperHighAvailabilityServices;

/**
 * The demo cluster's worker process: one TaskExecutor endpoint with a few task slots. Configuration
 * only; the endpoint and the worker pool document their threading.
 */
@SpringBootApplication
@EnableConfigurationProperties({ TaskManagerProperties.class, HaProperties.class })
public class TaskManagerApplication {

	/**
	 * The worker threads tasks run on (never the endpoint's main thread); shut down with the context.
	 * @param properties the TaskManager settings
	 * @return the worker pool
	 */
	@Bean(destroyMethod = "close")
	TaskWorkers taskWorkers(TaskManagerProperties properties) {
		return new TaskWorkers(properties.getResourceId());
	}

	/**
	 * Leader retrieval of the cluster's leader: the JobMaster at the configured cluster address
	 * without high availability, the one ZooKeeper elected with it.
	 * @param ha the high-availability settings
	 * @param properties the TaskManager settings
	 * @return the services, closed with the context
	 */
	@Bean(destroyMethod = "close")
	HighAvailabilityServices highAvailabilityServices(HaProperties ha, TaskManagerProperties properties) {
		if (ha.getMode() == HaProperties.Mode.NONE) {
			return new StandaloneHighAvailabilityServices(Map.of(TaskExecutor.LEADER_COMPONENT_ID,
					properties.getClusterAddress() + "/user/rpc/" + TaskExecutor.LEADER_COMPONENT_ID));
		}
		if (ha.getZookeeperQuorum() == null || ha.getZookeeperQuorum().isBlank()) {
			throw new IllegalArgumentException(
					"demo.ha.zookeeper-quorum is required with demo.ha.mode=zookeeper (for example 127.0.0.1:2181)");
		}
		return new ZooKeeperHighAvailabilityServices(ZooKeeperHaSettings.builder()
			.connectString(ha.getZookeeperQuorum())
			.clusterId(ha.getClusterId())
			.sessionTimeout(ha.getSessionTimeout())
			.connectionTimeout(ha.getSessionTimeout())
			.retryBaseSleep(Duration.ofMillis(200))
			.build());
	}

	/**
	 * Starts the app.
	 * @param args command line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(TaskManagerApplication.class, args);
	}

}
