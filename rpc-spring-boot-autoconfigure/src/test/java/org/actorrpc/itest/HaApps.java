package org.actorrpc.itest;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.actorrpc.FencedRpcEndpoint;
import org.actorrpc.RpcService;
import org.actorrpc.ha.LeadershipListener;
import org.actorrpc.spring.LeaderChangedEvent;
import org.actorrpc.spring.LeadershipEvent;
import org.actorrpc.spring.LeadershipGrantedEvent;
import org.actorrpc.spring.LeadershipRevokedEvent;
import org.actorrpc.spring.RpcClient;
import org.actorrpc.spring.RpcEndpointComponent;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/**
 * Applications for the high-availability tests: a node hosting the leader-elected endpoint
 * {@code leader}, a node whose {@code @RpcClient("leader")} follows its leader, and a node with
 * both.
 */
final class HaApps {

	private HaApps() {
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ ElectedLeaderEndpoint.class, LeadershipEvents.class })
	static class Contender {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ LeaderCaller.class, LeadershipEvents.class })
	static class Follower {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ ElectedLeaderEndpoint.class, LeaderCaller.class, LeadershipEvents.class })
	static class ContenderAndFollower {

	}

	/** A leader-elected endpoint: answers with its name and the token it serves under. */
	@RpcEndpointComponent(value = "leader", leaderElected = true)
	static class ElectedLeaderEndpoint extends FencedRpcEndpoint<UUID> implements LeaderGateway, LeadershipListener {

		final List<String> callbacks = new CopyOnWriteArrayList<>();

		private final String name;

		ElectedLeaderEndpoint(RpcService rpcService, @Value("${node.name:node}") String name) {
			super(rpcService, "leader");
			this.name = name;
		}

		@Override
		public CompletableFuture<String> whoAreYou() {
			return CompletableFuture.completedFuture(this.name + " " + getFencingToken());
		}

		@Override
		public void onLeadershipGranted(UUID leaderSessionId) {
			validateRunsInMainThread();
			this.callbacks.add("granted " + leaderSessionId);
		}

		@Override
		public void onLeadershipRevoked() {
			validateRunsInMainThread();
			this.callbacks.add("revoked");
		}

	}

	/** Calls the current leader through a constructor-injected client. */
	static class LeaderCaller {

		private final LeaderGateway leader;

		LeaderCaller(@RpcClient("leader") LeaderGateway leader) {
			this.leader = leader;
		}

		LeaderGateway leader() {
			return this.leader;
		}

	}

	/** Records the leadership events, with the thread each was published on. */
	static class LeadershipEvents {

		final List<String> events = new CopyOnWriteArrayList<>();

		/** What a listener of the common base type hears: both kinds, in order. */
		final List<String> leadershipChanges = new CopyOnWriteArrayList<>();

		@EventListener
		void granted(LeadershipGrantedEvent event) {
			this.events.add("granted " + event.getEndpointId() + " " + event.getLeaderSessionId() + " on "
					+ Thread.currentThread().getName());
		}

		@EventListener
		void revoked(LeadershipRevokedEvent event) {
			this.events.add("revoked " + event.getEndpointId() + " " + event.getLeaderSessionId() + " on "
					+ Thread.currentThread().getName());
		}

		@EventListener
		void leadershipChanged(LeadershipEvent event) {
			this.leadershipChanges.add(event.getClass().getSimpleName() + " " + event.getEndpointId() + " "
					+ event.getLeaderSessionId());
		}

		@EventListener
		void leaderChanged(LeaderChangedEvent event) {
			this.events.add("leader of " + event.getComponentId() + " for " + event.getClientName() + ": "
					+ ((event.getLeader() != null) ? event.getLeader().sessionId() : "none"));
		}

	}

}
