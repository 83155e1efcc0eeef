package org.actorrpc.demo.jobmaster;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the demo cluster's master side ({@code demo.cluster.*}). Bound once at startup and
 * only read afterwards, so sharing it between endpoints' main threads is safe.
 */
@ConfigurationProperties("demo.cluster")
public class ClusterProperties {

	/**
	 * Silence after which the ResourceManager declares a TaskManager lost and its tasks are
	 * redeployed.
	 */
	private Duration heartbeatTimeout = Duration.ofSeconds(5);

	/**
	 * How often the ResourceManager looks for TaskManagers that missed their heartbeats.
	 */
	private Duration heartbeatCheckInterval = Duration.ofMillis(500);

	/**
	 * Time between two checkpoints of a running job.
	 */
	private Duration checkpointInterval = Duration.ofSeconds(2);

	/**
	 * Time after which a checkpoint that is still waiting for acknowledgements is aborted.
	 */
	private Duration checkpointTimeout = Duration.ofSeconds(10);

	/**
	 * Number of finished checkpoints kept per job for the REST API and the dashboard.
	 */
	private int checkpointHistorySize = 50;

	/**
	 * Delay before the JobMaster asks again for slots when none was free.
	 */
	private Duration slotRequestRetryDelay = Duration.ofMillis(500);

	/**
	 * Attempts a subtask may use (first deployment included) before its job fails.
	 */
	private int maxAttemptsPerSubtask = 10;

	/**
	 * File to which the app writes its HTTP port and RPC address once it is ready (for scripts
	 * and tests that start it on free ports). Not written when unset.
	 */
	private Path portsFile;

	public Duration getHeartbeatTimeout() {
		return this.heartbeatTimeout;
	}

	public void setHeartbeatTimeout(Duration heartbeatTimeout) {
		this.heartbeatTimeout = heartbeatTimeout;
	}

	public Duration getHeartbeatCheckInterval() {
		return this.heartbeatCheckInterval;
	}

	public void setHeartbeatCheckInterval(Duration heartbeatCheckInterval) {
		this.heartbeatCheckInterval = heartbeatCheckInterval;
	}

	public Duration getCheckpointInterval() {
		return this.checkpointInterval;
	}

	public void setCheckpointInterval(Duration checkpointInterval) {
		this.checkpointInterval = checkpointInterval;
	}

	public Duration getCheckpointTimeout() {
		return this.checkpointTimeout;
	}

	public void setCheckpointTimeout(Duration checkpointTimeout) {
		this.checkpointTimeout = checkpointTimeout;
	}

	public int getCheckpointHistorySize() {
		return this.checkpointHistorySize;
	}

	public void setCheckpointHistorySize(int checkpointHistorySize) {
		this.checkpointHistorySize = checkpointHistorySize;
	}

	public Duration getSlotRequestRetryDelay() {
		return this.slotRequestRetryDelay;
	}

	public void setSlotRequestRetryDelay(Duration slotRequestRetryDelay) {
		this.slotRequestRetryDelay = slotRequestRetryDelay;
	}

	public int getMaxAttemptsPerSubtask() {
		return this.maxAttemptsPerSubtask;
	}

	public void setMaxAttemptsPerSubtask(int maxAttemptsPerSubtask) {
		this.maxAttemptsPerSubtask = maxAttemptsPerSubtask;
	}

	public Path getPortsFile() {
		return this.portsFile;
	}

	public void setPortsFile(Path portsFile) {
		this.portsFile = portsFile;
	}

}
