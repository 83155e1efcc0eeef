package org.actorrpc.demo.jobmaster.ha;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * High-availability settings of the demo's JobMaster ({@code demo.ha.*}). Bound once at startup
 * and only read afterwards.
 */
@ConfigurationProperties("demo.ha")
public class HaProperties {

	/**
	 * {@code none}: one JobMaster, leader at once, jobs kept in memory only. {@code zookeeper}:
	 * JobMasters elect a leader through ZooKeeper and persist jobs and checkpoints for a successor.
	 */
	private Mode mode = Mode.NONE;

	/**
	 * ZooKeeper servers, {@code host:port[,host:port...]}; required with mode {@code zookeeper}.
	 */
	private String zookeeperQuorum;

	/**
	 * Id of the cluster: its nodes live under {@code /actorrpc/<cluster-id>} in ZooKeeper.
	 */
	private String clusterId = "demo";

	/**
	 * ZooKeeper session timeout: how long after a JobMaster's last sign of life a standby takes
	 * over.
	 */
	private Duration sessionTimeout = Duration.ofSeconds(10);

	/**
	 * Directory of the checkpoint files (ZooKeeper keeps pointers to them); must be shared by all
	 * JobMasters of the cluster.
	 */
	private Path storageDir = Path.of("demo-run", "ha-store");

	public Mode getMode() {
		return this.mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	public String getZookeeperQuorum() {
		return this.zookeeperQuorum;
	}

	public void setZookeeperQuorum(String zookeeperQuorum) {
		this.zookeeperQuorum = zookeeperQuorum;
	}

	public String getClusterId() {
		return this.clusterId;
	}

	public void setClusterId(String clusterId) {
		this.clusterId = clusterId;
	}

	public Duration getSessionTimeout() {
		return this.sessionTimeout;
	}

	public void setSessionTimeout(Duration sessionTimeout) {
		this.sessionTimeout = sessionTimeout;
	}

	public Path getStorageDir() {
		return this.storageDir;
	}

	public void setStorageDir(Path storageDir) {
		this.storageDir = storageDir;
	}

	/** High-availability modes. */
	public enum Mode {

		/** One JobMaster, no coordination service. */
		NONE,

		/** Leader election and job persistence through ZooKeeper. */
		ZOOKEEPER

	}

}
