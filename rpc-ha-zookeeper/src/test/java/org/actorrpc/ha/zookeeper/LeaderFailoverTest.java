package org.actorrpc.ha.zookeeper;

import java.nio.file.Path;
import java.util.List;

import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.actorrpc.exceptions.FencingTokenException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leader's JVM is killed with SIGKILL while a caller keeps calling through leader retrieval:
 * the standby (another JVM) takes over with a new session id, calls resume under the new token,
 * a call carrying the old token is refused, and over the whole run no two endpoints accepted calls
 * under different tokens at overlapping times.
 */
class LeaderFailoverTest {

	@TempDir
	Path workDir;

	@Test
	void standbyTakesOverAfterSigkillAndTheOldTokenIsRefused() throws Exception {
		try (TestingServer server = ZooKeeperTestServers.startServer()) {
			FailoverScenario.Result result = new FailoverScenario(server.getConnectString(), "failover",
					ZooKeeperTestServers.SESSION_TIMEOUT, this.workDir)
				.run();
			System.out.println(result.breakdown(ZooKeeperTestServers.SESSION_TIMEOUT));

			assertThat(result.secondToken()).isNotEqualTo(result.firstToken());
			assertThat(result.successes()).extracting(FailoverScenario.Success::token)
				.containsOnly(result.firstToken(), result.secondToken());
			assertThat(result.firstCallAt()).isGreaterThan(result.killedAt());
			assertThat(result.oldTokenRefusal()).isInstanceOf(FencingTokenException.class);
			List<AcceptLog.Interval> intervals = result.intervals();
			assertThat(intervals).extracting(AcceptLog.Interval::token)
				.containsExactly(result.firstToken(), result.secondToken());
			assertThat(AcceptLog.firstOverlap(intervals)).as("accept intervals of different tokens").isNull();
			assertThat(intervals.get(1).firstMicros()).as("the standby accepted nothing before it was granted")
				.isGreaterThanOrEqualTo(result.grantedAt());
		}
	}

}
