package org.actorrpc.itest;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.actorrpc.RpcService;
import org.actorrpc.exceptions.FencingTokenException;
import org.actorrpc.exceptions.RpcConnectionException;
import org.actorrpc.ha.LeadershipView;
import org.actorrpc.spring.boot.autoconfigure.ha.RpcLeadership;
import org.actorrpc.spring.boot.autoconfigure.ha.RpcLeadershipMetrics;
import org.actorrpc.spring.boot.autoconfigure.health.ActorRpcHealthIndicator;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Real Spring applications against a real ZooKeeper server (curator-test runs the server code in
 * this JVM, on 127.0.0.1 and a free port): two applications contend for the endpoint id
 * {@code leader}, a third calls the leader through {@code follow-leader}. Closing the leader's
 * application hands the leadership to the standby at once (it withdraws before it stops), the
 * client follows with the new token by itself, and calls with the old token are refused.
 */
class ZooKeeperLeaderFailoverIntegrationTests {

	private static final Duration BOUND = Duration.ofSeconds(60);

	private static final AtomicInteger CLUSTERS = new AtomicInteger();

	private static TestingServer zookeeper;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private String clusterId;

	@BeforeAll
	static void startZooKeeper() throws Exception {
		InstanceSpec spec = new InstanceSpec(Files.createTempDirectory("zk").toFile(), -1, -1, -1, true, -1, 100, -1,
				Map.of("minSessionTimeout", "200", "maxSessionTimeout", "20000"), "127.0.0.1");
		zookeeper = new TestingServer(spec, true);
	}

	@AfterAll
	static void stopZooKeeper() throws IOException {
		zookeeper.close();
	}

	@AfterEach
	void closeContexts() {
		for (int i = this.contexts.size() - 1; i >= 0; i--) {
			this.contexts.get(i).close();
		}
	}

	private ConfigurableApplicationContext start(Class<?> app, String name, String... properties) {
		if (this.clusterId == null) {
			this.clusterId = "itest-" + CLUSTERS.incrementAndGet() + "-" + ProcessHandle.current().pid();
		}
		ConfigurableApplicationContext context = new SpringApplicationBuilder(app).web(WebApplicationType.NONE)
			.properties("spring.jmx.enabled=false", "actorrpc.system-name=" + name, "actorrpc.port=0",
					"node.name=" + name, "actorrpc.ha.mode=zookeeper",
					"actorrpc.ha.zookeeper.connect-string=" + zookeeper.getConnectString(),
					"actorrpc.ha.zookeeper.cluster-id=" + this.clusterId,
					"actorrpc.ha.zookeeper.session-timeout=2s", "actorrpc.ha.zookeeper.connection-timeout=5s",
					"actorrpc.ha.zookeeper.retry-base-sleep=100ms", "actorrpc.clients.leader.timeout=10s")
			.properties(properties)
			.run();
		this.contexts.add(context);
		return context;
	}

	private static LeadershipView.State state(ConfigurableApplicationContext context) {
		return context.getBean(RpcLeadership.class).getContenders().get(0).state();
	}

	@Test
	void standbyTakesOverWhenTheLeadersApplicationClosesAndTheFollowerCallsItWithTheNewToken() throws Exception {
		ConfigurableApplicationContext alpha = start(HaApps.Contender.class, "alpha");
		ConfigurableApplicationContext beta = start(HaApps.Contender.class, "beta");
		ConfigurableApplicationContext follower = start(HaApps.Follower.class, "follower",
				"actorrpc.clients.leader.follow-leader=leader");
		await().atMost(BOUND)
			.until(() -> List.of(state(alpha), state(beta)).contains(LeadershipView.State.LEADER));
		ConfigurableApplicationContext leader = (state(alpha) == LeadershipView.State.LEADER) ? alpha : beta;
		ConfigurableApplicationContext standby = (leader == alpha) ? beta : alpha;
		String leaderName = (leader == alpha) ? "alpha" : "beta";
		String standbyName = (leader == alpha) ? "beta" : "alpha";
		UUID firstSession = leader.getBean(RpcLeadership.class).getContenders().get(0).leaderSessionId();
		LeaderGateway gateway = follower.getBean(HaApps.LeaderCaller.class).leader();

		await().atMost(BOUND).until(() -> answer(gateway), (answer) -> answer.equals(leaderName + " " + firstSession));
		assertThat(state(standby)).isEqualTo(LeadershipView.State.STANDBY);
		assertThat(standby.getBean(ActorRpcHealthIndicator.class).health(true).getStatus())
			.as("a standby is healthy")
			.isEqualTo(Status.UP);
		assertThat(leader.getBean(HaApps.LeadershipEvents.class).events).anySatisfy((event) -> assertThat(event)
			.isEqualTo("granted leader " + firstSession + " on actorrpc-" + leaderName + "-leader"));

		leader.close();

		await().atMost(BOUND).until(() -> state(standby) == LeadershipView.State.LEADER);
		UUID secondSession = standby.getBean(RpcLeadership.class).getContenders().get(0).leaderSessionId();
		assertThat(secondSession).isNotEqualTo(firstSession);
		await().atMost(BOUND).until(() -> answer(gateway), (answer) -> answer.equals(standbyName + " " + secondSession));
		assertThat(gateway.getFencingToken()).isEqualTo(secondSession);
		String newLeaderAddress = standby.getBean(RpcService.class).getEndpointAddress("leader");
		LeaderGateway oldToken = follower.getBean(RpcService.class)
			.connect(newLeaderAddress, firstSession, LeaderGateway.class)
			.get(BOUND.toSeconds(), TimeUnit.SECONDS);
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> oldToken.whoAreYou().get(BOUND.toSeconds(), TimeUnit.SECONDS))
			.withCauseInstanceOf(FencingTokenException.class);
		assertThat(follower.getBean(HaApps.LeadershipEvents.class).events)
			.contains("leader of leader for leader: " + firstSession, "leader of leader for leader: " + secondSession);
		MeterRegistry meters = follower.getBean(MeterRegistry.class);
		assertThat(meters.get(RpcLeadershipMetrics.CHANGES).tag("role", "follower").functionCounter().count())
			.isGreaterThanOrEqualTo(2);
		assertThat(standby.getBean(MeterRegistry.class).get(RpcLeadershipMetrics.LEADER).gauge().value()).isEqualTo(1);
	}

	@Test
	void withoutALeaderCallsFailAtOnceNamingTheClientAndTheFollowedEndpoint() throws Exception {
		ConfigurableApplicationContext follower = start(HaApps.Follower.class, "lonely",
				"actorrpc.clients.leader.follow-leader=leader");
		LeaderGateway gateway = follower.getBean(HaApps.LeaderCaller.class).leader();

		CompletableFuture<String> call = gateway.whoAreYou();

		assertThat(call).as("failed before the method returned, not after a timeout").isCompletedExceptionally();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(call::get)
			.withCauseInstanceOf(RpcConnectionException.class)
			.withMessageContaining("no leader for 'leader'")
			.withMessageContaining("endpoint 'leader'");
		assertThat(follower.getBean(ActorRpcHealthIndicator.class).health(true).getStatus())
			.as("a missing leader elsewhere does not make this node unhealthy")
			.isEqualTo(Status.UP);
	}

	@Test
	void whenTheLastContenderLeavesTheFollowerFailsFastAgain() throws Exception {
		ConfigurableApplicationContext only = start(HaApps.Contender.class, "only");
		ConfigurableApplicationContext follower = start(HaApps.Follower.class, "follower",
				"actorrpc.clients.leader.follow-leader=leader");
		LeaderGateway gateway = follower.getBean(HaApps.LeaderCaller.class).leader();
		await().atMost(BOUND).until(() -> answer(gateway), (answer) -> answer.startsWith("only "));
		HaApps.ElectedLeaderEndpoint endpoint = only.getBean(HaApps.ElectedLeaderEndpoint.class);
		HaApps.LeadershipEvents events = only.getBean(HaApps.LeadershipEvents.class);
		UUID session = only.getBean(RpcLeadership.class).getContenders().get(0).leaderSessionId();

		only.close();

		await().atMost(BOUND).until(() -> gateway.getFencingToken() == null);
		assertThat(gateway.whoAreYou()).isCompletedExceptionally();
		assertThat(endpoint.callbacks).hasSize(2)
			.last()
			.as("the endpoint heard of the revocation before it stopped")
			.isEqualTo("revoked");
		assertThat(events.leadershipChanges).as("a LeadershipEvent listener hears the grant, then the revocation")
			.containsExactly("LeadershipGrantedEvent leader " + session, "LeadershipRevokedEvent leader " + session);
	}

	private static String answer(LeaderGateway gateway) {
		try {
			return gateway.whoAreYou().get(20, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			return "failed: " + ex;
		}
	}

}
