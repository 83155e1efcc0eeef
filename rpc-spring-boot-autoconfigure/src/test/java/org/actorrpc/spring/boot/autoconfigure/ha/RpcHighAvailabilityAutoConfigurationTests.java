package org.actorrpc.spring.boot.autoconfigure.ha;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.actorrpc.RpcService;
import org.actorrpc.ha.HighAvailabilityServices;
import org.actorrpc.ha.StandaloneHighAvailabilityServices;
import org.actorrpc.ha.zookeeper.ZooKeeperHaSettings;
import org.actorrpc.ha.zookeeper.ZooKeeperHighAvailabilityServices;
import org.actorrpc.spring.boot.autoconfigure.FakeRpcService;
import org.actorrpc.spring.boot.autoconfigure.InvalidActorRpcPropertyException;
import org.actorrpc.spring.boot.autoconfigure.RpcClientAutoConfiguration;
import org.actorrpc.spring.boot.autoconfigure.RpcEndpointAutoConfiguration;
import org.actorrpc.spring.boot.autoconfigure.RpcServiceAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions and properties of {@link RpcHighAvailabilityAutoConfiguration}: which
 * {@link HighAvailabilityServices} a mode gives, what happens without rpc-ha-zookeeper, and how
 * bad {@code actorrpc.ha.*} and {@code follow-leader} values are reported. The RPC service is a
 * {@link FakeRpcService}: nothing is started.
 */
class RpcHighAvailabilityAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, RpcServiceAutoConfiguration.class,
				RpcEndpointAutoConfiguration.class, RpcClientAutoConfiguration.class,
				RpcHighAvailabilityAutoConfiguration.class, RpcLeadershipMetricsAutoConfiguration.class))
		.withBean(RpcService.class, FakeRpcService::new);

	/** A ZooKeeper nobody listens on: the client keeps retrying in the background, which is all these tests need. */
	private static final String NOBODY = "127.0.0.1:1";

	@Test
	void withoutAModeHighAvailabilityIsStandalone() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(HighAvailabilityServices.class);
			assertThat(context.getBean(HighAvailabilityServices.class))
				.isInstanceOf(StandaloneHighAvailabilityServices.class);
			assertThat(context).hasSingleBean(RpcLeadership.class);
			assertThat(context).hasSingleBean(LeaderElectedEndpointsLifecycle.class);
			assertThat(context).hasSingleBean(LeaderFollowingClients.class);
		});
	}

	@Test
	void zookeeperModeCreatesTheZooKeeperServicesFromTheProperties() {
		this.contextRunner
			.withPropertyValues("actorrpc.ha.mode=zookeeper", "actorrpc.ha.zookeeper.connect-string=" + NOBODY,
					"actorrpc.ha.zookeeper.cluster-id=production", "actorrpc.ha.zookeeper.root-path=/control",
					"actorrpc.ha.zookeeper.session-timeout=4s", "actorrpc.ha.zookeeper.connection-timeout=2s",
					"actorrpc.ha.zookeeper.retry-base-sleep=50ms", "actorrpc.ha.zookeeper.max-retries=5",
					"actorrpc.ha.zookeeper.tolerate-suspended=true",
					"actorrpc.ha.zookeeper.digest-authentication=scheduler:secret")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(HighAvailabilityServices.class))
					.isInstanceOf(ZooKeeperHighAvailabilityServices.class);
				ZooKeeperHaSettings settings = context.getBean(ZooKeeperHighAvailabilityServices.class).settings();
				assertThat(settings.connectString()).isEqualTo(NOBODY);
				assertThat(settings.namespace()).isEqualTo("control/production");
				assertThat(settings.sessionTimeout()).isEqualTo(Duration.ofSeconds(4));
				assertThat(settings.connectionTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(settings.retryBaseSleep()).isEqualTo(Duration.ofMillis(50));
				assertThat(settings.maxRetries()).isEqualTo(5);
				assertThat(settings.tolerateSuspendedConnection()).isTrue();
				assertThat(settings.digestAuthentication()).isEqualTo("scheduler:secret");
				assertThat(settings.tls()).isNull();
			});
	}

	@Test
	void modeIsCaseInsensitive() {
		this.contextRunner
			.withPropertyValues("actorrpc.ha.mode=ZOOKEEPER", "actorrpc.ha.zookeeper.connect-string=" + NOBODY)
			.run((context) -> assertThat(context.getBean(HighAvailabilityServices.class))
				.isInstanceOf(ZooKeeperHighAvailabilityServices.class));
	}

	@Test
	void zookeeperModeWithoutRpcHaZooKeeperFailsNamingTheDependency() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ZooKeeperHighAvailabilityServices.class))
			.withPropertyValues("actorrpc.ha.mode=zookeeper", "actorrpc.ha.zookeeper.connect-string=" + NOBODY)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(invalidProperty(context.getStartupFailure())).hasMessageContaining("actorrpc.ha.mode")
					.hasMessageContaining("org.actorrpc:rpc-ha-zookeeper");
			});
	}

	@Test
	void zookeeperModeWithoutCuratorFailsNamingWhatIsMissing() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.apache.curator"))
			.withPropertyValues("actorrpc.ha.mode=zookeeper", "actorrpc.ha.zookeeper.connect-string=" + NOBODY)
			.run((context) -> assertThat(invalidProperty(context.getStartupFailure()))
				.hasMessageContaining("org.apache.curator.framework.CuratorFramework")
				.hasMessageContaining("org.actorrpc:rpc-ha-zookeeper"));
	}

	@Test
	void standaloneModeNeedsNeitherRpcHaZooKeeperNorCurator() {
		this.contextRunner
			.withClassLoader(new FilteredClassLoader(ZooKeeperHighAvailabilityServices.class.getPackageName(),
					"org.apache.curator", "org.apache.zookeeper"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(HighAvailabilityServices.class))
					.isInstanceOf(StandaloneHighAvailabilityServices.class);
			});
	}

	@Test
	void userDefinedServicesReplaceTheAutoConfiguredOnesInEveryMode() {
		StandaloneHighAvailabilityServices own = new StandaloneHighAvailabilityServices();
		this.contextRunner.withClassLoader(new FilteredClassLoader(ZooKeeperHighAvailabilityServices.class))
			.withBean("ownHa", HighAvailabilityServices.class, () -> own)
			.withPropertyValues("actorrpc.ha.mode=zookeeper")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(HighAvailabilityServices.class);
				assertThat(context.getBean(HighAvailabilityServices.class)).isSameAs(own);
			});
	}

	@Test
	void zookeeperModeWithoutAConnectStringNamesTheProperty() {
		this.contextRunner.withPropertyValues("actorrpc.ha.mode=zookeeper")
			.run((context) -> assertThat(invalidProperty(context.getStartupFailure())).satisfies((ex) -> assertThat(ex.getProperty())
					.isEqualTo("actorrpc.ha.zookeeper.connect-string")));
	}

	@Test
	void invalidZooKeeperValuesNameTheirProperty() {
		assertInvalid("actorrpc.ha.zookeeper.connect-string", "actorrpc.ha.zookeeper.connect-string=zk1");
		assertInvalid("actorrpc.ha.zookeeper.cluster-id", "actorrpc.ha.zookeeper.cluster-id=a/b");
		assertInvalid("actorrpc.ha.zookeeper.root-path", "actorrpc.ha.zookeeper.root-path=actorrpc");
		assertInvalid("actorrpc.ha.zookeeper.session-timeout", "actorrpc.ha.zookeeper.session-timeout=0s");
		assertInvalid("actorrpc.ha.zookeeper.max-retries", "actorrpc.ha.zookeeper.max-retries=30");
		assertInvalid("actorrpc.ha.zookeeper.digest-authentication",
				"actorrpc.ha.zookeeper.digest-authentication=nopassword");
		assertInvalid("actorrpc.ha.zookeeper.tls.trust-store", "actorrpc.ha.zookeeper.tls.trust-store=/no/such/file",
				"actorrpc.ha.zookeeper.tls.trust-store-password=x");
		assertInvalid("actorrpc.ha.zookeeper.tls.trust-store-password",
				"actorrpc.ha.zookeeper.tls.trust-store=/no/such/file");
	}

	private void assertInvalid(String property, String... values) {
		this.contextRunner.withPropertyValues("actorrpc.ha.mode=zookeeper")
			.withPropertyValues("actorrpc.ha.zookeeper.connect-string=" + NOBODY)
			.withPropertyValues(values)
			.run((context) -> assertThat(invalidProperty(context.getStartupFailure())).as(String.join(", ", values))
				.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo(property)));
	}

	@Test
	void digestPasswordIsNeverReported() {
		this.contextRunner
			.withPropertyValues("actorrpc.ha.mode=zookeeper", "actorrpc.ha.zookeeper.connect-string=" + NOBODY,
					"actorrpc.ha.zookeeper.digest-authentication=:s3cret")
			.run((context) -> {
				InvalidActorRpcPropertyException invalid = invalidProperty(context.getStartupFailure());
				assertThat(invalid.getProperty()).isEqualTo("actorrpc.ha.zookeeper.digest-authentication");
				assertThat(String.valueOf(invalid.getValue())).doesNotContain("s3cret");
				assertThat(invalid.getMessage()).doesNotContain("s3cret");
			});
	}

	@Test
	void unknownModeIsReportedByTheBinder() {
		this.contextRunner.withPropertyValues("actorrpc.ha.mode=etcd")
			.run((context) -> assertThat(context.getStartupFailure()).hasStackTraceContaining("actorrpc.ha.mode"));
	}

	@Test
	void invalidStandaloneLeaderAddressNamesTheProperty() {
		this.contextRunner.withPropertyValues("actorrpc.ha.standalone.leader-addresses.jobmaster= ")
			.run((context) -> assertThat(invalidProperty(context.getStartupFailure())).satisfies((ex) -> assertThat(ex.getProperty())
					.isEqualTo("actorrpc.ha.standalone.leader-addresses.jobmaster")));
	}

	@Test
	void followLeaderAndAddressTogetherStopStartupNamingBoth() {
		this.contextRunner
			.withPropertyValues("actorrpc.clients.jobmaster.follow-leader=jobmaster",
					"actorrpc.clients.jobmaster.address=local:jobmaster")
			.run((context) -> assertThat(invalidProperty(context.getStartupFailure())).satisfies((ex) -> {
					assertThat(ex.getProperty()).isEqualTo("actorrpc.clients.jobmaster.follow-leader");
					assertThat(ex.getMessage()).contains("actorrpc.clients.jobmaster.address");
				}));
	}

	@Test
	void followLeaderMustNameAnEndpointId() {
		this.contextRunner.withPropertyValues("actorrpc.clients.jobmaster.follow-leader=job/master")
			.run((context) -> assertThat(invalidProperty(context.getStartupFailure())).satisfies((ex) -> assertThat(ex.getProperty())
					.isEqualTo("actorrpc.clients.jobmaster.follow-leader")));
	}

	@Test
	void defaultClientEntryCannotFollowALeader() {
		this.contextRunner.withPropertyValues("actorrpc.clients.default.follow-leader=jobmaster")
			.run((context) -> assertThat(invalidProperty(context.getStartupFailure())).satisfies((ex) -> assertThat(ex.getProperty())
					.isEqualTo("actorrpc.clients.default.follow-leader")));
	}

	@Test
	void haPropertiesAreKnownAndMisspeltOnesAreReportedWithTheNearestName() {
		this.contextRunner
			.withPropertyValues("actorrpc.ha.zookeeper.session-timeout=5s", "actorrpc.ha.zookeeper.tls.key-store=x",
					"actorrpc.ha.standalone.leader-addresses.jobmaster=local:jobmaster",
					"actorrpc.clients.jobmaster.follow-leader=jobmaster")
			.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.withPropertyValues("actorrpc.ha.zookeeper.conect-string=zk:2181")
			.run((context) -> assertThat(context.getStartupFailure())
				.hasStackTraceContaining("actorrpc.ha.zookeeper.connect-string"));
	}

	@Test
	void leadershipMetricsAreInstalledWithAMeterRegistry() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> assertThat(context).hasSingleBean(RpcLeadershipMetrics.class));
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(RpcLeadershipMetrics.class));
	}

	/** The report of the failure: the {@link InvalidActorRpcPropertyException} somewhere in its causes. */
	private static InvalidActorRpcPropertyException invalidProperty(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidActorRpcPropertyException invalid) {
				return invalid;
			}
		}
		throw new AssertionError("No InvalidActorRpcPropertyException in " + failure, failure);
	}

}
