package org.actorrpc.itest;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.FencedRpcEndpoint;
import org.actorrpc.RpcService;
import org.actorrpc.spring.RpcClient;
import org.actorrpc.spring.RpcEndpointComponent;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * A leader node hosting a fenced endpoint whose token comes from {@code leader.token}, and a
 * follower calling it through a setter-injected {@code @RpcClient}.
 */
final class LeaderApps {

	private LeaderApps() {
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(LeaderEndpoint.class)
	static class Leader {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(LeaderCaller.class)
	static class Follower {

	}

	@RpcEndpointComponent("leader")
	@SuppressWarnings("try") // close() of AutoCloseableAsync declares Exception
	static class LeaderEndpoint extends FencedRpcEndpoint<UUID> implements LeaderGateway {

		LeaderEndpoint(RpcService rpcService, @Value("${leader.token}") UUID token) {
			super(rpcService, "leader", token);
		}

		@Override
		public CompletableFuture<String> whoAreYou() {
			return CompletableFuture.completedFuture("leader " + getFencingToken());
		}

	}

	static class LeaderCaller {

		private LeaderGateway leader;

		@RpcClient("leader")
		void setLeader(LeaderGateway leader) {
			this.leader = leader;
		}

		LeaderGateway leader() {
			return this.leader;
		}

	}

}
