package org.actorrpc.itest;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.FencedRpcEndpoint;
import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcService;
import org.actorrpc.ha.zookeeper.ZooKeeperHighAvailabilityServices;
import org.actorrpc.spring.RpcEndpointComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A real application that cannot run leader election stops at startup with Spring Boot's failure
 * report saying what is wrong and what to change: a leader-elected endpoint that is not fenced or
 * has a fixed token, and {@code actorrpc.ha.mode=zookeeper} without rpc-ha-zookeeper.
 */
@ExtendWith(OutputCaptureExtension.class)
class LeaderElectedStartupFailureIntegrationTests {

	private static void start(Class<?> app, ClassLoader classLoader, String... properties) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(app).web(WebApplicationType.NONE)
			.properties("spring.jmx.enabled=false", "actorrpc.port=0")
			.properties(properties);
		if (classLoader != null) {
			builder.resourceLoader(new DefaultResourceLoader(classLoader));
		}
		builder.run().close();
	}

	@Test
	void unfencedLeaderElectedEndpointIsReported(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(UnfencedApp.class, null));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("is marked leaderElected = true, but it is not fenced")
			.contains("Extend FencedRpcEndpoint<UUID>");
	}

	@Test
	void leaderElectedEndpointWithAFixedTokenIsReported(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(FixedTokenApp.class, null));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("created with a fixed fencing token")
			.contains("super(rpcService, endpointId) without a token");
	}

	@Test
	void zookeeperModeWithoutTheModuleNamesTheDependencyToAdd(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(HaApps.Contender.class,
				new FilteredClassLoader(ZooKeeperHighAvailabilityServices.class), "actorrpc.ha.mode=zookeeper",
				"actorrpc.ha.zookeeper.connect-string=127.0.0.1:2181"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("actorrpc.ha.mode")
			.contains("org.actorrpc:rpc-ha-zookeeper");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(UnfencedEndpoint.class)
	static class UnfencedApp {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(FixedTokenEndpoint.class)
	static class FixedTokenApp {

	}

	@RpcEndpointComponent(value = "plain", leaderElected = true)
	static class UnfencedEndpoint extends RpcEndpoint implements PlainGateway {

		UnfencedEndpoint(RpcService rpcService) {
			super(rpcService, "plain");
		}

		@Override
		public CompletableFuture<String> ping(String message) {
			return CompletableFuture.completedFuture(message);
		}

	}

	/** A gateway without fencing. */
	public interface PlainGateway extends RpcGateway {

		CompletableFuture<String> ping(String message);

	}

	@RpcEndpointComponent(value = "leader", leaderElected = true)
	static class FixedTokenEndpoint extends FencedRpcEndpoint<UUID> implements LeaderGateway {

		FixedTokenEndpoint(RpcService rpcService) {
			super(rpcService, "leader", UUID.randomUUID());
		}

		@Override
		public CompletableFuture<String> whoAreYou() {
			return CompletableFuture.completedFuture("fixed");
		}

	}

}
