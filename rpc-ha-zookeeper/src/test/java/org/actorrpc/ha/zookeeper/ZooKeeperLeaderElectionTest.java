package org.actorrpc.ha.zookeeper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.actorrpc.ha.LeaderContender;
import org.actorrpc.ha.LeaderElection;
import org.actorrpc.ha.LeaderInformation;
import org.actorrpc.ha.LeaderRetrievalService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Leader election and retrieval against one real ZooKeeper server: grant, confirm, revoke,
 * takeover, fencing of a deposed leader's write, session expiry, server restart with and without
 * tolerating a suspended connection, digest authentication.
 */
class ZooKeeperLeaderElectionTest {

	private static final Duration BOUND = Duration.ofSeconds(20);

	private static final String COMPONENT = "jobmaster";

	private final Deque<AutoCloseable> resources = new ArrayDeque<>();

	private TestingServer server;

	private String clusterId;

	@BeforeEach
	void startServer() throws Exception {
		this.server = ZooKeeperTestServers.startServer();
		this.clusterId = ZooKeeperTestServers.settings(this.server.getConnectString()).build().clusterId();
	}

	@AfterEach
	void stopAll() throws Exception {
		while (!this.resources.isEmpty()) {
			this.resources.pop().close();
		}
		this.server.close();
	}

	private ZooKeeperHighAvailabilityServices services() {
		return services(false, null);
	}

	private ZooKeeperHighAvailabilityServices services(boolean tolerateSuspended, String digest) {
		ZooKeeperHaSettings settings = ZooKeeperTestServers.settings(this.server.getConnectString())
			.clusterId(this.clusterId)
			.tolerateSuspendedConnection(tolerateSuspended)
			.digestAuthentication(digest)
			.build();
		ZooKeeperHighAvailabilityServices services = new ZooKeeperHighAvailabilityServices(settings);
		this.resources.push(services);
		return services;
	}

	private RecordingListener follow(ZooKeeperHighAvailabilityServices services) {
		RecordingListener listener = new RecordingListener();
		LeaderRetrievalService retrieval = services.createLeaderRetrievalService(COMPONENT);
		retrieval.start(listener);
		this.resources.push(retrieval::stop);
		return listener;
	}

	private LeaderElection contend(ZooKeeperHighAvailabilityServices services, LeaderContender contender) {
		LeaderElection election = services.createLeaderElection(COMPONENT);
		election.startLeaderElection(contender);
		return election;
	}

	@Test
	void grantedContenderIsAnnouncedOnlyOnceItConfirms() throws Exception {
		RecordingListener listener = follow(services());
		listener.awaitNoLeader(BOUND);
		RecordingContender contender = new RecordingContender();
		LeaderElection election = contend(services(), contender);

		RecordingContender.Granted grant = contender.nextGrant(BOUND);
		assertThat(grant.thread()).isEqualTo("actorrpc-ha-election-" + COMPONENT);
		assertThat(election.hasLeadership(grant.sessionId())).isTrue();
		assertThat(listener.poll(Duration.ofMillis(300))).as("nothing announced before the confirmation").isNull();

		election.confirmLeadership(grant.sessionId(), "pekko://a@127.0.0.1:1/user/rpc/jm")
			.get(BOUND.toSeconds(), TimeUnit.SECONDS);

		listener.awaitLeader(new LeaderInformation(grant.sessionId(), "pekko://a@127.0.0.1:1/user/rpc/jm"), BOUND);
	}

	@Test
	void standbyTakesOverWithAFreshSessionWhenTheLeaderWithdraws() throws Exception {
		RecordingListener listener = follow(services());
		RecordingContender first = new RecordingContender();
		LeaderElection firstElection = contend(services(), first);
		UUID firstSession = first.nextGrant(BOUND).sessionId();
		firstElection.confirmLeadership(firstSession, "pekko://a@127.0.0.1:1/user/rpc/jm").get(20, TimeUnit.SECONDS);
		RecordingContender second = new RecordingContender();
		LeaderElection secondElection = contend(services(), second);
		assertThat(second.poll(Duration.ofMillis(300))).as("the standby waits while the leader leads").isNull();

		firstElection.close();

		first.nextRevoke(BOUND);
		listener.awaitNoLeader(BOUND);
		UUID secondSession = second.nextGrant(BOUND).sessionId();
		assertThat(secondSession).isNotEqualTo(firstSession);
		assertThat(firstElection.hasLeadership(firstSession)).isFalse();
		secondElection.confirmLeadership(secondSession, "pekko://b@127.0.0.1:2/user/rpc/jm").get(20, TimeUnit.SECONDS);
		listener.awaitLeader(new LeaderInformation(secondSession, "pekko://b@127.0.0.1:2/user/rpc/jm"), BOUND);
		secondElection.close();
	}

	@Test
	void confirmationOfASessionThatIsNotCurrentPublishesNothing() throws Exception {
		RecordingListener listener = follow(services());
		listener.awaitNoLeader(BOUND);
		RecordingContender contender = new RecordingContender();
		LeaderElection election = contend(services(), contender);
		contender.nextGrant(BOUND);

		election.confirmLeadership(UUID.randomUUID(), "pekko://x@127.0.0.1:1/user/rpc/jm")
			.get(BOUND.toSeconds(), TimeUnit.SECONDS);

		assertThat(listener.poll(Duration.ofMillis(500))).isNull();
	}

	@Test
	void deposedLeaderCannotOverwriteItsSuccessor() throws Exception {
		// The old leader's grant callback is held, so its confirmation runs only after its session
		// expired and the successor published: its write must fail on the latch-node check.
		CountDownLatch release = new CountDownLatch(1);
		UUID[] oldSession = new UUID[1];
		LeaderElection[] oldElection = new LeaderElection[1];
		CountDownLatch granted = new CountDownLatch(1);
		ZooKeeperHighAvailabilityServices oldServices = services();
		oldElection[0] = oldServices.createLeaderElection(COMPONENT);
		oldElection[0].startLeaderElection(new LeaderContender() {
			@Override
			public void grantLeadership(UUID leaderSessionId) {
				if (oldSession[0] == null) {
					oldSession[0] = leaderSessionId;
					oldElection[0].confirmLeadership(leaderSessionId, "pekko://old@127.0.0.1:1/user/rpc/jm");
					granted.countDown();
					awaitQuietly(release);
				}
			}

			@Override
			public void revokeLeadership() {
			}

			@Override
			public void handleError(Throwable error) {
			}
		});
		assertThat(granted.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
		RecordingContender successor = new RecordingContender();
		LeaderElection successorElection = contend(services(), successor);
		RecordingListener listener = follow(services());

		oldServices.client().getZookeeperClient().getZooKeeper().close();
		UUID newSession = successor.nextGrant(BOUND).sessionId();
		LeaderInformation successorInfo = new LeaderInformation(newSession, "pekko://new@127.0.0.1:2/user/rpc/jm");
		successorElection.confirmLeadership(newSession, successorInfo.address()).get(20, TimeUnit.SECONDS);
		listener.awaitLeader(successorInfo, BOUND);
		release.countDown();

		assertThat(listener.poll(Duration.ofSeconds(1))).as("the deposed leader's confirmation changed nothing").isNull();
		assertThat(successorElection.hasLeadership(newSession)).isTrue();
	}

	@Test
	void sessionExpiryRevokesTheLeadershipAndTheContenderIsGrantedAgainLater() throws Exception {
		RecordingListener listener = follow(services());
		RecordingContender contender = new RecordingContender();
		ZooKeeperHighAvailabilityServices leaderServices = services();
		LeaderElection election = contend(leaderServices, contender);
		UUID session = contender.nextGrant(BOUND).sessionId();
		election.confirmLeadership(session, "pekko://a@127.0.0.1:1/user/rpc/jm").get(20, TimeUnit.SECONDS);
		listener.awaitLeader(new LeaderInformation(session, "pekko://a@127.0.0.1:1/user/rpc/jm"), BOUND);

		leaderServices.client().getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();

		contender.nextRevoke(BOUND);
		assertThat(election.hasLeadership(session)).isFalse();
		UUID again = contender.nextGrant(BOUND).sessionId();
		assertThat(again).isNotEqualTo(session);
	}

	@Test
	void serverRestartRevokesWhenSuspensionIsNotTolerated() throws Exception {
		RecordingContender contender = new RecordingContender();
		LeaderElection election = contend(services(false, null), contender);
		UUID session = contender.nextGrant(BOUND).sessionId();

		this.server.restart();

		contender.nextRevoke(BOUND);
		UUID again = contender.nextGrant(BOUND).sessionId();
		assertThat(again).isNotEqualTo(session);
		assertThat(election.hasLeadership(again)).isTrue();
	}

	@Test
	void shortDisconnectDoesNotRevokeWhenSuspensionIsTolerated() throws Exception {
		ZooKeeperHaSettings settings = ZooKeeperTestServers.settings(this.server.getConnectString())
			.clusterId(this.clusterId)
			.sessionTimeout(Duration.ofSeconds(10))
			.tolerateSuspendedConnection(true)
			.build();
		ZooKeeperHighAvailabilityServices services = new ZooKeeperHighAvailabilityServices(settings);
		this.resources.push(services);
		RecordingContender contender = new RecordingContender();
		LeaderElection election = contend(services, contender);
		UUID session = contender.nextGrant(BOUND).sessionId();
		election.confirmLeadership(session, "pekko://a@127.0.0.1:1/user/rpc/jm").get(20, TimeUnit.SECONDS);
		CountDownLatch reconnected = new CountDownLatch(1);
		services.client().getConnectionStateListenable().addListener((c, state) -> {
			if (state == org.apache.curator.framework.state.ConnectionState.RECONNECTED) {
				reconnected.countDown();
			}
		});

		this.server.restart();

		assertThat(reconnected.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(contender.poll(Duration.ofMillis(500))).as("no revocation across the disconnect").isNull();
		assertThat(election.hasLeadership(session)).isTrue();
		RecordingListener listener = follow(services());
		listener.awaitLeader(new LeaderInformation(session, "pekko://a@127.0.0.1:1/user/rpc/jm"), BOUND);
	}

	@Test
	void withDigestAuthenticationTheLeaderInformationIsHiddenFromOtherUsers() throws Exception {
		ZooKeeperHighAvailabilityServices services = services(false, "alice:secret");
		RecordingContender contender = new RecordingContender();
		LeaderElection election = contend(services, contender);
		UUID session = contender.nextGrant(BOUND).sessionId();
		election.confirmLeadership(session, "pekko://a@127.0.0.1:1/user/rpc/jm").get(20, TimeUnit.SECONDS);
		follow(services(false, "alice:secret"))
			.awaitLeader(new LeaderInformation(session, "pekko://a@127.0.0.1:1/user/rpc/jm"), BOUND);
		String path = "/actorrpc/" + this.clusterId + ZooKeeperPaths.connectionInfo(COMPONENT);

		try (CuratorFramework anonymous = rawClient(null); CuratorFramework mallory = rawClient("mallory:guess")) {
			assertThatExceptionOfType(KeeperException.NoAuthException.class)
				.isThrownBy(() -> anonymous.getData().forPath(path));
			assertThatExceptionOfType(KeeperException.NoAuthException.class)
				.isThrownBy(() -> mallory.setData().forPath(path, "x".getBytes(StandardCharsets.UTF_8)));
		}
		try (CuratorFramework alice = rawClient("alice:secret")) {
			assertThat(new String(alice.getData().forPath(path), StandardCharsets.UTF_8)).contains(session.toString());
		}
	}

	@Test
	void closingTheServicesRevokesTheLeadershipAndRemovesTheLeader() throws Exception {
		RecordingListener listener = follow(services());
		RecordingContender contender = new RecordingContender();
		ZooKeeperHighAvailabilityServices leaderServices = services();
		LeaderElection election = contend(leaderServices, contender);
		UUID session = contender.nextGrant(BOUND).sessionId();
		election.confirmLeadership(session, "pekko://a@127.0.0.1:1/user/rpc/jm").get(20, TimeUnit.SECONDS);
		listener.awaitLeader(new LeaderInformation(session, "pekko://a@127.0.0.1:1/user/rpc/jm"), BOUND);

		leaderServices.close();

		contender.nextRevoke(BOUND);
		listener.awaitNoLeader(BOUND);
		assertThat(election.hasLeadership(session)).isFalse();
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> leaderServices.createLeaderElection(COMPONENT))
			.withMessageContaining("closed");
	}

	@Test
	void invalidComponentIdIsRefusedWithItsName() {
		ZooKeeperHighAvailabilityServices services = services();

		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> services.createLeaderElection("job/master"))
			.withMessageContaining("'job/master'");
	}

	private CuratorFramework rawClient(String digest) throws InterruptedException {
		CuratorFrameworkFactory.Builder builder = CuratorFrameworkFactory.builder()
			.connectString(this.server.getConnectString())
			.retryPolicy(new RetryOneTime(100));
		if (digest != null) {
			builder.authorization("digest", digest.getBytes(StandardCharsets.UTF_8));
		}
		CuratorFramework client = builder.build();
		client.start();
		assertThat(client.blockUntilConnected(20, TimeUnit.SECONDS)).isTrue();
		return client;
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}


}
