package org.actorrpc.ha.zookeeper;

/**
 * Where a component's election lives, relative to the cluster's namespace
 * ({@code <rootPath>/<clusterId>}):
 * <ul>
 * <li>{@code /leader/<componentId>/latch}: the Curator leader latch, one ephemeral sequential
 * node per contender; the lowest one leads;</li>
 * <li>{@code /leader/<componentId>/connection_info}: the confirmed leader (session id and
 * address), an ephemeral node of the leader's ZooKeeper session, written only while its latch
 * node exists.</li>
 * </ul>
 */
final class ZooKeeperPaths {

	private ZooKeeperPaths() {
	}

	static String latch(String componentId) {
		return "/leader/" + componentId + "/latch";
	}

	static String connectionInfo(String componentId) {
		return "/leader/" + componentId + "/connection_info";
	}

}
