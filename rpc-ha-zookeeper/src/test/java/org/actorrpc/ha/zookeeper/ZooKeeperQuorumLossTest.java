package org.actorrpc.ha.zookeeper;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.junit.jupiter.api.Test;

import org.actorrpc.ha.LeaderElection;
import org.actorrpc.ha.LeaderInformation;
import org.actorrpc.ha.LeaderRetrievalService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 3-server ensemble that loses its quorum: the leader is revoked and followers hear "no
 * leader"; once the quorum is back, a leader is elected (with a new session id) and announced.
 */
class ZooKeeperQuorumLossTest {

	private static final Duration BOUND = Duration.ofSeconds(30);

	@Test
	void losingTheQuorumLeavesNoLeaderUntilItIsBack() throws Exception {
		try (TestingCluster ensemble = ZooKeeperTestServers.startEnsemble(3)) {
			ZooKeeperHaSettings settings = ZooKeeperTestServers.settings(ensemble.getConnectString()).build();
			try (ZooKeeperHighAvailabilityServices leaderSide = new ZooKeeperHighAvailabilityServices(settings);
					ZooKeeperHighAvailabilityServices followerSide = new ZooKeeperHighAvailabilityServices(settings)) {
				RecordingContender contender = new RecordingContender();
				LeaderElection election = leaderSide.createLeaderElection("jobmaster");
				election.startLeaderElection(contender);
				RecordingListener listener = new RecordingListener();
				LeaderRetrievalService retrieval = followerSide.createLeaderRetrievalService("jobmaster");
				retrieval.start(listener);
				UUID session = contender.nextGrant(BOUND).sessionId();
				election.confirmLeadership(session, "pekko://a@127.0.0.1:1/user/rpc/jm").get(20, TimeUnit.SECONDS);
				listener.awaitLeader(new LeaderInformation(session, "pekko://a@127.0.0.1:1/user/rpc/jm"), BOUND);

				List<InstanceSpec> servers = List.copyOf(ensemble.getInstances());
				assertThat(ensemble.killServer(servers.get(0))).isTrue();
				assertThat(ensemble.killServer(servers.get(1))).isTrue();

				contender.nextRevoke(BOUND);
				listener.awaitNoLeader(BOUND);
				assertThat(election.hasLeadership(session)).isFalse();

				assertThat(ensemble.restartServer(servers.get(0))).isTrue();
				assertThat(ensemble.restartServer(servers.get(1))).isTrue();

				UUID newSession = contender.nextGrant(BOUND).sessionId();
				assertThat(newSession).isNotEqualTo(session);
				election.confirmLeadership(newSession, "pekko://a@127.0.0.1:1/user/rpc/jm").get(20, TimeUnit.SECONDS);
				listener.awaitLeader(new LeaderInformation(newSession, "pekko://a@127.0.0.1:1/user/rpc/jm"), BOUND);
			}
		}
	}

}
