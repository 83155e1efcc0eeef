package org.actorrpc.ha.zookeeper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Settings: defaults, the namespace per cluster, and a clear error naming each bad setting.
 */
class ZooKeeperHaSettingsTest {

	@TempDir
	Path dir;

	@Test
	void defaultsPutTheClusterUnderActorrpcWithFlinksTimeouts() {
		ZooKeeperHaSettings settings = ZooKeeperHaSettings.builder().connectString("zk1:2181,zk2:2181").build();

		assertThat(settings.namespace()).isEqualTo("actorrpc/default");
		assertThat(settings.sessionTimeout()).isEqualTo(Duration.ofSeconds(60));
		assertThat(settings.connectionTimeout()).isEqualTo(Duration.ofSeconds(15));
		assertThat(settings.tolerateSuspendedConnection()).isFalse();
		assertThat(settings.digestAuthentication()).isNull();
		assertThat(settings.tls()).isNull();
	}

	@Test
	void eachClusterIdGetsItsOwnNamespace() {
		ZooKeeperHaSettings settings = ZooKeeperHaSettings.builder()
			.connectString("zk:2181")
			.rootPath("/platform/rpc")
			.clusterId("prod-1")
			.build();

		assertThat(settings.namespace()).isEqualTo("platform/rpc/prod-1");
	}

	@Test
	void missingConnectStringSaysWhatToSet() {
		assertThatIllegalArgumentException().isThrownBy(() -> ZooKeeperHaSettings.builder().build())
			.withMessageContaining("connectString is required");
	}

	@Test
	void malformedConnectStringIsRefusedWithAnExample() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ZooKeeperHaSettings.builder().connectString("zk1,zk2:2181").build())
			.withMessageContaining("'zk1,zk2:2181'")
			.withMessageContaining("host:port");
	}

	@Test
	void clusterIdThatWouldEscapeItsNamespaceIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ZooKeeperHaSettings.builder().connectString("zk:2181").clusterId("../other").build())
			.withMessageContaining("clusterId '../other'");
	}

	@Test
	void relativeRootPathIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ZooKeeperHaSettings.builder().connectString("zk:2181").rootPath("actorrpc").build())
			.withMessageContaining("rootPath 'actorrpc'");
	}

	@Test
	void zeroSessionTimeoutIsRefusedWithItsName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ZooKeeperHaSettings.builder()
				.connectString("zk:2181")
				.sessionTimeout(Duration.ZERO)
				.build())
			.withMessageContaining("sessionTimeout");
	}

	@Test
	void digestWithoutPasswordIsRefusedAndPasswordsNeverPrinted() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ZooKeeperHaSettings.builder().connectString("zk:2181").digestAuthentication("alice").build())
			.withMessageContaining("user:password");

		ZooKeeperHaSettings settings = ZooKeeperHaSettings.builder()
			.connectString("zk:2181")
			.digestAuthentication("alice:s3cret")
			.build();
		assertThat(settings.toString()).contains("alice").doesNotContain("s3cret");
	}

	@Test
	void tlsSettingsBecomeTheZooKeeperClientsSslProperties() throws Exception {
		Path trustStore = Files.createFile(this.dir.resolve("trust.p12"));
		ZooKeeperTlsSettings tls = new ZooKeeperTlsSettings(trustStore, "changeit", null, null, true);

		assertThat(tls.clientProperties()).containsEntry("zookeeper.client.secure", "true")
			.containsEntry("zookeeper.clientCnxnSocket", "org.apache.zookeeper.ClientCnxnSocketNetty")
			.containsEntry("zookeeper.ssl.trustStore.location", trustStore.toString())
			.containsEntry("zookeeper.ssl.hostnameVerification", "true")
			.doesNotContainKey("zookeeper.ssl.keyStore.location");
		assertThat(tls.toString()).doesNotContain("changeit");
	}

	@Test
	void tlsWithAMissingTrustStoreIsRefusedWithThePath() {
		Path missing = this.dir.resolve("missing.p12");

		assertThatIllegalArgumentException().isThrownBy(() -> new ZooKeeperTlsSettings(missing, "x", null, null, true))
			.withMessageContaining("trustStore '" + missing + "'");
	}

	@Test
	void tlsKeyStoreWithoutPasswordIsRefused() throws Exception {
		Path store = Files.createFile(this.dir.resolve("store.p12"));

		assertThatIllegalArgumentException().isThrownBy(() -> new ZooKeeperTlsSettings(store, "x", store, null, true))
			.withMessageContaining("keyStorePassword is required");
	}

}
