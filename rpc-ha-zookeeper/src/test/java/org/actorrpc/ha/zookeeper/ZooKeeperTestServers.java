package org.actorrpc.ha.zookeeper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.apache.curator.test.TestingServer;

/**
 * Real ZooKeeper servers for tests (curator-test runs the server code in this JVM) on
 * 127.0.0.1 and free ports, with a 100 ms tick so that session timeouts of 1 to 10 s are accepted,
 * and helpers to build settings for them.
 */
final class ZooKeeperTestServers {

	static final Duration SESSION_TIMEOUT = Duration.ofSeconds(2);

	private ZooKeeperTestServers() {
	}

	static InstanceSpec spec() {
		try {
			return new InstanceSpec(Files.createTempDirectory("zk").toFile(), -1, -1, -1, true, -1, 100, -1,
					Map.of("minSessionTimeout", "200", "maxSessionTimeout", "20000"), "127.0.0.1");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static TestingServer startServer() throws Exception {
		return new TestingServer(spec(), true);
	}

	static TestingCluster startEnsemble(int size) {
		List<InstanceSpec> specs = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			specs.add(spec());
		}
		TestingCluster cluster = new TestingCluster(specs);
		try {
			cluster.start();
		}
		catch (Exception ex) {
			throw new IllegalStateException("ZooKeeper ensemble did not start", ex);
		}
		return cluster;
	}

	static ZooKeeperHaSettings.Builder settings(String connectString) {
		return ZooKeeperHaSettings.builder()
			.connectString(connectString)
			.clusterId("test-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF)))
			.sessionTimeout(SESSION_TIMEOUT)
			.connectionTimeout(Duration.ofSeconds(1))
			.retryBaseSleep(Duration.ofMillis(100))
			.maxRetries(3);
	}

}
