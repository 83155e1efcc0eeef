package org.actorrpc.itest;

import java.util.concurrent.TimeUnit;

import org.actorrpc.RpcService;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Endpoints and the clients calling them in one application context, as a user's test would run
 * them: port 0, {@code local:<endpoint-id>} addresses, and nothing JVM-wide, so several such
 * contexts (even with the same system name) run side by side.
 */
class SingleContextTestSupportTests {

	private static ConfigurableApplicationContext loopback() {
		return new SpringApplicationBuilder(LoopbackApp.class).web(WebApplicationType.NONE)
			.properties("spring.jmx.enabled=false", "actorrpc.port=0", "actorrpc.serialization.force-local=true",
					"actorrpc.clients.jobmaster.address=local:jobmaster",
					"actorrpc.clients.taskmanager.address=local:worker")
			.run();
	}

	@Test
	void twoContextsWithEndpointsAndClientsRunSideBySide() throws Exception {
		try (ConfigurableApplicationContext first = loopback(); ConfigurableApplicationContext second = loopback()) {
			for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { first, second }) {
				PingGateway jobMaster = context.getBean(TaskManagerApp.Caller.class).jobMaster();
				assertThat(jobMaster.relay("local").get(30, TimeUnit.SECONDS)).isEqualTo("relayed:echo:local");
				assertThat(jobMaster.getAddress())
					.isEqualTo(context.getBean(RpcService.class).getEndpointAddress("jobmaster"));
			}
			assertThat(first.getBean(RpcService.class).getPort())
				.isNotEqualTo(second.getBean(RpcService.class).getPort());
		}
	}

}
