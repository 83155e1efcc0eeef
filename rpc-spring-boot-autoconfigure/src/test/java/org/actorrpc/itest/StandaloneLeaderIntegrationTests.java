package org.actorrpc.itest;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.actorrpc.RpcService;
import org.actorrpc.ha.LeadershipView;
import org.actorrpc.ha.StandaloneHighAvailabilityServices;
import org.actorrpc.spring.boot.autoconfigure.ha.RpcLeadership;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Without {@code actorrpc.ha.mode} (standalone), a leader-elected endpoint leads at once with the
 * all-zero session id, and a client that follows it — in the same application, or in another one
 * through {@code actorrpc.ha.standalone.leader-addresses} — calls it with that token.
 */
class StandaloneLeaderIntegrationTests {

	private static final UUID STANDALONE = StandaloneHighAvailabilityServices.DEFAULT_LEADER_SESSION_ID;

	@Test
	void leaderElectedEndpointLeadsAtOnceAndALocalFollowerCallsIt() throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HaApps.ContenderAndFollower.class)
			.web(WebApplicationType.NONE)
			.properties("spring.jmx.enabled=false", "actorrpc.system-name=standalone", "actorrpc.port=0",
					"node.name=solo", "actorrpc.clients.leader.follow-leader=leader")
			.run()) {
			LeaderGateway leader = context.getBean(HaApps.LeaderCaller.class).leader();

			await().atMost(20, TimeUnit.SECONDS).until(() -> leader.getFencingToken() != null);
			assertThat(leader.whoAreYou().get(20, TimeUnit.SECONDS)).isEqualTo("solo " + STANDALONE);
			HaApps.ElectedLeaderEndpoint endpoint = context.getBean(HaApps.ElectedLeaderEndpoint.class);
			assertThat(endpoint.callbacks).containsExactly("granted " + STANDALONE);
			assertThat(context.getBean(HaApps.LeadershipEvents.class).events)
				.contains("granted leader " + STANDALONE + " on actorrpc-standalone-leader");
			assertThat(context.getBean(RpcLeadership.class).getContenders()).singleElement()
				.satisfies((view) -> assertThat(view.state()).isEqualTo(LeadershipView.State.LEADER));
		}
	}

	@Test
	void followerInAnotherApplicationCallsTheFixedLeaderAddress() throws Exception {
		try (ConfigurableApplicationContext contender = new SpringApplicationBuilder(HaApps.Contender.class)
			.web(WebApplicationType.NONE)
			.properties("spring.jmx.enabled=false", "actorrpc.system-name=contender", "actorrpc.port=0",
					"node.name=fixed")
			.run()) {
			String address = contender.getBean(RpcService.class).getEndpointAddress("leader");
			try (ConfigurableApplicationContext follower = new SpringApplicationBuilder(HaApps.Follower.class)
				.web(WebApplicationType.NONE)
				.properties("spring.jmx.enabled=false", "actorrpc.system-name=follower", "actorrpc.port=0",
						"actorrpc.clients.leader.follow-leader=leader",
						"actorrpc.ha.standalone.leader-addresses.leader=" + address)
				.run()) {
				LeaderGateway leader = follower.getBean(HaApps.LeaderCaller.class).leader();

				await().atMost(20, TimeUnit.SECONDS).until(() -> leader.getFencingToken() != null);
				assertThat(leader.whoAreYou().get(20, TimeUnit.SECONDS)).isEqualTo("fixed " + STANDALONE);
			}
		}
	}

}
