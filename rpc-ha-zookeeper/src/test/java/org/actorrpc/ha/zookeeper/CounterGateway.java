package org.actorrpc.ha.zookeeper;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.FencedRpcGateway;
import org.actorrpc.RpcTimeout;

/** The gateway of the leader-elected endpoint in the failover tests; fenced by the leader session id. */
public interface CounterGateway extends FencedRpcGateway<UUID> {

	/**
	 * Counts a call.
	 * @param timeout how long the caller waits for the answer
	 * @return the number of calls this endpoint accepted
	 */
	CompletableFuture<Long> increment(@RpcTimeout Duration timeout);

}
