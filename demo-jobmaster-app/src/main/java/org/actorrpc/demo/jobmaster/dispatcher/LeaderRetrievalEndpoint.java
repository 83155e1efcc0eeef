package org.actorrpc.demo.jobmaster.dispatcher;

import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcService;
import org.actorrpc.demo.api.LeaderInfo;
import org.actorrpc.demo.api.LeaderRetrievalGateway;
import org.actorrpc.demo.jobmaster.LeaderSession;
import org.actorrpc.spring.RpcEndpointComponent;

/**
 * Answers "who leads?" to TaskManagers: the leader session's fencing token and the addresses of
 * the fenced endpoints. Stands in for Flink's high-availability leader retrieval. Stateless apart
 * from immutable fields, so thread-safe; calls run on its main thread anyway.
 */
@RpcEndpointComponent(LeaderRetrievalEndpoint.ENDPOINT_ID)
public class LeaderRetrievalEndpoint extends RpcEndpoint implements LeaderRetrievalGateway {

	/** Endpoint id, the last element of the endpoint's address. */
	public static final String ENDPOINT_ID = "leader";

	private final LeaderInfo leaderInfo;

	/**
	 * Creates the endpoint.
	 * @param rpcService the RPC service
	 * @param leaderSession the leader session to announce
	 */
	public LeaderRetrievalEndpoint(RpcService rpcService, LeaderSession leaderSession) {
		super(rpcService, ENDPOINT_ID);
		this.leaderInfo = new LeaderInfo(leaderSession.leaderId(), rpcService.getEndpointAddress("resourcemanager"),
				rpcService.getEndpointAddress("jobmaster"));
	}

	@Override
	public CompletableFuture<LeaderInfo> getLeader() {
		return CompletableFuture.completedFuture(this.leaderInfo);
	}

}
