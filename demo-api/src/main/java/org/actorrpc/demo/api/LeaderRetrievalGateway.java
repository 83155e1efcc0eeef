package org.actorrpc.demo.api;

import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcGateway;

/**
 * Tells TaskManagers who leads the cluster: the stand-in for Flink's high-availability leader
 * retrieval service. Not fenced, since its callers do not know the token yet.
 */
public interface LeaderRetrievalGateway extends RpcGateway {

	/**
	 * Returns the current leader session and its endpoints' addresses.
	 * @return the leader
	 */
	CompletableFuture<LeaderInfo> getLeader();

}
