package org.actorrpc.demo.taskmanager;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a demo TaskManager finds the cluster's leader ({@code demo.ha.*}). Bound once at startup
 * and only read afterwards.
 */
@ConfigurationProperties("demo.ha")
public class HaProperties {

	/**
	 * {@code none}: the leader is the JobMaster at {@code demo.taskmanager.cluster-address}.
	 * {@code zookeeper}: the leader is whichever JobMaster ZooKeeper elected, followed through
	 * leader retrieval.
	 */
	private Mode mode = Mode.NONE;

	/**
	 * ZooKeeper servers, {@code host:port[,host:port...]}; required with mode {@code zookeeper}.
	 */
	private String zookeeperQuorum;

	/**
	 * Id of the cluster, as configured on its JobMasters.
	 */
	private String clusterId = "demo";

	/**
	 * ZooKeeper session timeout of this TaskManager's client.
	 */
	private Duration sessionTimeout = Duration.ofSeconds(10);

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

	/** High-availability modes. */
	public enum Mode {

		/** A single JobMaster at a fixed address. */
		NONE,

		/** JobMasters elected through ZooKeeper. */
		ZOOKEEPER

	}

}
