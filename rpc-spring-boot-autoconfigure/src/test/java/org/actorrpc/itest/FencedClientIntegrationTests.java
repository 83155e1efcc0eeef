package org.actorrpc.itest;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.actorrpc.RpcService;
import org.actorrpc.client.FencedRpcClient;
import org.actorrpc.exceptions.FencingTokenException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A fenced {@code @RpcClient}: calls fail until the application supplies the leader's token, a
 * wrong token is rejected by the endpoint, and each new token takes effect for the following
 * calls.
 */
class FencedClientIntegrationTests {

	private static ConfigurableApplicationContext leader(UUID token) {
		return new SpringApplicationBuilder(LeaderApps.Leader.class).web(WebApplicationType.NONE)
			.properties("spring.jmx.enabled=false", "actorrpc.system-name=leader", "actorrpc.port=0",
					"leader.token=" + token)
			.run();
	}

	@Test
	@SuppressWarnings("unchecked")
	void tokenIsSuppliedByTheApplicationAndEachNewTokenAppliesToTheFollowingCalls() throws Exception {
		UUID firstToken = UUID.randomUUID();
		ConfigurableApplicationContext leader = leader(firstToken);
		String address = leader.getBean(RpcService.class).getEndpointAddress("leader");
		try (ConfigurableApplicationContext follower = new SpringApplicationBuilder(LeaderApps.Follower.class)
			.web(WebApplicationType.NONE)
			.properties("spring.jmx.enabled=false", "actorrpc.system-name=follower", "actorrpc.port=0",
					"actorrpc.ask-timeout=5s", "actorrpc.clients.leader.timeout=5s",
					"actorrpc.clients.leader.address=" + address)
			.run()) {
			LeaderGateway gateway = follower.getBean(LeaderApps.LeaderCaller.class).leader();
			FencedRpcClient<UUID> fencing = (FencedRpcClient<UUID>) gateway;

			assertThatException().isThrownBy(() -> gateway.whoAreYou().get(20, TimeUnit.SECONDS))
				.withCauseInstanceOf(FencingTokenException.class)
				.withMessageContaining("updateFencingToken");

			fencing.updateFencingToken(UUID.randomUUID());
			assertThatException().isThrownBy(() -> gateway.whoAreYou().get(20, TimeUnit.SECONDS))
				.satisfies((ex) -> assertThat(ex).hasStackTraceContaining(FencingTokenException.class.getSimpleName()));

			fencing.updateFencingToken(firstToken);
			assertThat(gateway.whoAreYou().get(20, TimeUnit.SECONDS)).isEqualTo("leader " + firstToken);

			UUID otherToken = UUID.randomUUID();
			fencing.updateFencingToken(otherToken);
			assertThat(gateway.getFencingToken()).isEqualTo(otherToken);
			assertThatException().as("the new token applies to the following calls")
				.isThrownBy(() -> gateway.whoAreYou().get(20, TimeUnit.SECONDS))
				.satisfies((ex) -> assertThat(ex).hasStackTraceContaining(FencingTokenException.class.getSimpleName()));

			fencing.updateFencingToken(firstToken);
			assertThat(gateway.whoAreYou().get(20, TimeUnit.SECONDS)).isEqualTo("leader " + firstToken);
		}
		finally {
			leader.close();
		}
	}

}
