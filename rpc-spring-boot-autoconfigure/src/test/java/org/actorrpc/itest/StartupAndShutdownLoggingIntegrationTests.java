package org.actorrpc.itest;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.actorrpc.RpcService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the log of two applications calling each other shows from start to a normal close: one
 * INFO line per started endpoint with its id and address, and not one WARN (Pekko's advice to use
 * Pekko Cluster, or the aborted TCP connection of the peer that closed first, are not problems).
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupAndShutdownLoggingIntegrationTests {

	private static final String[] COMMON = { "spring.main.web-application-type=none", "spring.jmx.enabled=false",
			"actorrpc.host=127.0.0.1" };

	@Test
	void normalStartCallsAndCloseLogNoWarningAndOneLinePerEndpoint(CapturedOutput output) throws Exception {
		int taskManagerPort = TestPorts.freePort();
		String jobMasterAddress;
		String workerAddress;
		try (ConfigurableApplicationContext jobMaster = new SpringApplicationBuilder(JobMasterApp.class)
			.properties(COMMON)
			.properties("actorrpc.system-name=jobmaster", "actorrpc.port=0",
					"actorrpc.clients.taskmanager.address=pekko://taskmanager@127.0.0.1:" + taskManagerPort
							+ "/user/rpc/worker")
			.run()) {
			jobMasterAddress = jobMaster.getBean(RpcService.class).getEndpointAddress("jobmaster");
			try (ConfigurableApplicationContext taskManager = new SpringApplicationBuilder(TaskManagerApp.class)
				.properties(COMMON)
				.properties("actorrpc.system-name=taskmanager", "actorrpc.port=" + taskManagerPort,
						"actorrpc.clients.jobmaster.address=" + jobMasterAddress)
				.run()) {
				workerAddress = taskManager.getBean(RpcService.class).getEndpointAddress("worker");
				PingGateway client = taskManager.getBean(TaskManagerApp.Caller.class).jobMaster();
				assertThat(client.ping("a").get(30, TimeUnit.SECONDS)).isEqualTo("pong:a");
				assertThat(client.relay("b").get(30, TimeUnit.SECONDS)).isEqualTo("relayed:echo:b");
			}
		}
		List<String> lines = output.getAll().lines().toList();
		assertThat(lines).filteredOn((line) -> line.contains(" WARN ") || line.contains(" ERROR ")).isEmpty();
		assertThat(lines).filteredOn((line) -> line.contains(" INFO ") && line.contains("'jobmaster'")
				&& line.contains(jobMasterAddress))
			.hasSize(1);
		assertThat(lines)
			.filteredOn((line) -> line.contains(" INFO ") && line.contains("'worker'") && line.contains(workerAddress))
			.hasSize(1);
	}

}
