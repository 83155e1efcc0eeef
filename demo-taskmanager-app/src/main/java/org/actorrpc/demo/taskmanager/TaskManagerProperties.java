package org.actorrpc.demo.taskmanager;

import java.time.Duration;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of a demo TaskManager ({@code demo.taskmanager.*}). Bound once at startup and only read
 * afterwards, by the endpoint's main thread.
 */
@ConfigurationProperties("demo.taskmanager")
public class TaskManagerProperties {

	/**
	 * RPC address of the JobMaster process, without endpoint path, for example
	 * {@code pekko://jobmaster@127.0.0.1:6123}: the leader without high availability (with
	 * {@code actorrpc.ha.mode=zookeeper} the leader is found through ZooKeeper and this is unused).
	 */
	private String clusterAddress = "pekko://jobmaster@127.0.0.1:6123";

	/**
	 * Stable id of this TaskManager; a restarted TaskManager with the same id replaces its earlier
	 * registration. Defaults to a random id.
	 */
	private String resourceId = "tm-" + UUID.randomUUID().toString().substring(0, 8);

	/**
	 * Number of task slots offered to the ResourceManager.
	 */
	private int numberOfSlots = 2;

	/**
	 * Time between two heartbeats to the ResourceManager.
	 */
	private Duration heartbeatInterval = Duration.ofSeconds(1);

	/**
	 * Consecutive heartbeats without answer after which the TaskManager registers again.
	 */
	private int maxMissedHeartbeats = 3;

	/**
	 * Delay before a failed registration is retried.
	 */
	private Duration registrationRetryDelay = Duration.ofSeconds(1);

	/**
	 * Longest a graceful stop waits for the ResourceManager to acknowledge that this TaskManager
	 * leaves; without an answer, its tasks are redeployed after the heartbeat timeout.
	 */
	private Duration disconnectTimeout = Duration.ofSeconds(3);

	/**
	 * Granularity of the simulated work: a task checks for cancellation and checkpoint requests
	 * this often.
	 */
	private Duration workStep = Duration.ofMillis(50);

	public String getClusterAddress() {
		return this.clusterAddress;
	}

	public void setClusterAddress(String clusterAddress) {
		this.clusterAddress = clusterAddress;
	}

	public String getResourceId() {
		return this.resourceId;
	}

	public void setResourceId(String resourceId) {
		if (resourceId == null || !resourceId.matches("[A-Za-z0-9._-]+")) {
			throw new IllegalArgumentException("demo.taskmanager.resource-id must be letters, digits, '.', '_' or '-',"
					+ " got '" + resourceId + "'");
		}
		this.resourceId = resourceId;
	}

	public int getNumberOfSlots() {
		return this.numberOfSlots;
	}

	public void setNumberOfSlots(int numberOfSlots) {
		if (numberOfSlots < 1) {
			throw new IllegalArgumentException("demo.taskmanager.number-of-slots must be >= 1, got " + numberOfSlots);
		}
		this.numberOfSlots = numberOfSlots;
	}

	public Duration getHeartbeatInterval() {
		return this.heartbeatInterval;
	}

	public void setHeartbeatInterval(Duration heartbeatInterval) {
		this.heartbeatInterval = heartbeatInterval;
	}

	public int getMaxMissedHeartbeats() {
		return this.maxMissedHeartbeats;
	}

	public void setMaxMissedHeartbeats(int maxMissedHeartbeats) {
		this.maxMissedHeartbeats = maxMissedHeartbeats;
	}

	public Duration getRegistrationRetryDelay() {
		return this.registrationRetryDelay;
	}

	public void setRegistrationRetryDelay(Duration registrationRetryDelay) {
		this.registrationRetryDelay = registrationRetryDelay;
	}

	public Duration getDisconnectTimeout() {
		return this.disconnectTimeout;
	}

	public void setDisconnectTimeout(Duration disconnectTimeout) {
		if (disconnectTimeout == null || disconnectTimeout.isNegative() || disconnectTimeout.isZero()) {
			throw new IllegalArgumentException(
					"demo.taskmanager.disconnect-timeout must be positive, got " + disconnectTimeout);
		}
		this.disconnectTimeout = disconnectTimeout;
	}

	public Duration getWorkStep() {
		return this.workStep;
	}

	public void setWorkStep(Duration workStep) {
		this.workStep = workStep;
	}

}
