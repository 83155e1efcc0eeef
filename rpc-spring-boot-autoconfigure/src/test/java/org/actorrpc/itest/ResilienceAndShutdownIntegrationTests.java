package org.actorrpc.itest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.actorrpc.RpcService;
import org.actorrpc.exceptions.RpcConnectionException;
import org.actorrpc.exceptions.RpcRuntimeException;
import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.spring.boot.autoconfigure.health.ActorRpcHealthIndicator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A caller that starts before its remote, fails fast while the remote is down and recovers when
 * it (re)starts; and the order in which a node shuts down.
 */
class ResilienceAndShutdownIntegrationTests {

	private static ConfigurableApplicationContext jobMaster(int port) {
		return new SpringApplicationBuilder(JobMasterApp.class).web(WebApplicationType.NONE)
			.properties("spring.jmx.enabled=false", "actorrpc.system-name=jobmaster", "actorrpc.port=" + port,
					"actorrpc.clients.taskmanager.address=local:worker", "actorrpc.shutdown.grace-period=10s")
			.run();
	}

	private static ConfigurableApplicationContext taskManager(String jobMasterAddress) {
		return new SpringApplicationBuilder(TaskManagerApp.class).web(WebApplicationType.NONE)
			.properties("spring.jmx.enabled=false", "actorrpc.system-name=taskmanager", "actorrpc.port=0",
					"actorrpc.ask-timeout=5s", "actorrpc.clients.default.timeout=5s",
					"actorrpc.clients.jobmaster.address=" + jobMasterAddress)
			.run();
	}

	private static boolean callFails(PingGateway gateway) {
		try {
			gateway.ping("probe").get(20, TimeUnit.SECONDS);
			return false;
		}
		catch (ExecutionException ex) {
			return true;
		}
		catch (Exception ex) {
			return true;
		}
	}

	@Test
	void callerStartsWhileTheRemoteIsDownAndRecoversWhenItRestarts() throws Exception {
		int port = TestPorts.freePort();
		String address = "pekko://jobmaster@127.0.0.1:" + port + "/user/rpc/jobmaster";
		try (ConfigurableApplicationContext caller = taskManager(address)) {
			PingGateway jobMaster = caller.getBean(TaskManagerApp.Caller.class).jobMaster();
			assertThat(jobMaster).isNotNull();
			assertThatExceptionOfType(RpcRuntimeException.class).isThrownBy(() -> jobMaster.greet("early"))
				.withMessageContaining("RPC client 'jobmaster'")
				.withMessageContaining(address)
				.withMessageContaining("actorrpc.clients.jobmaster.address");
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> jobMaster.ping("early").get(20, TimeUnit.SECONDS))
				.withCauseInstanceOf(RpcConnectionException.class)
				.withMessageContaining(address);
			ActorRpcHealthIndicator health = caller.getBean(ActorRpcHealthIndicator.class);
			assertThat(health.health().getStatus()).as("remote reachability never feeds health")
				.isEqualTo(Status.UP);

			ConfigurableApplicationContext remote = jobMaster(port);
			try {
				await().atMost(Duration.ofSeconds(60))
					.ignoreExceptions()
					.untilAsserted(() -> assertThat(jobMaster.greet("up")).startsWith("hello up"));
			}
			finally {
				remote.close();
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> callFails(jobMaster));
			assertThat(health.health().getStatus()).isEqualTo(Status.UP);

			ConfigurableApplicationContext restarted = jobMaster(port);
			try {
				await().atMost(Duration.ofSeconds(60))
					.ignoreExceptions()
					.untilAsserted(
							() -> assertThat(jobMaster.ping("again").get(20, TimeUnit.SECONDS)).isEqualTo("pong:again"));
			}
			finally {
				restarted.close();
			}
		}
	}

	@Test
	void endpointsStopInReverseOrderWithOnStopAwaitedBeforeServiceAndActorSystemTerminate() {
		ConfigurableApplicationContext node = jobMaster(0);
		EventLog log = node.getBean(EventLog.class);
		PekkoRpcService service = (PekkoRpcService) node.getBean(RpcService.class);
		String dispatcherId = node.getBean(JobMasterApp.DispatcherEndpoint.class).getEndpointId();
		service.getTerminationFuture()
			.thenRun(() -> log.add("rpc-service-terminated, actor system terminated: "
					+ service.getActorSystem().whenTerminated().isCompleted()));
		node.close();
		assertThat(service.getActorSystem().whenTerminated().isCompleted()).isTrue();
		List<String> events = log.events();
		assertThat(events).containsExactly("onStop:" + dispatcherId, "onStop-done:" + dispatcherId,
				"onStop:jobmaster", "onStop-done:jobmaster", "rpc-service-terminated, actor system terminated: false");
	}

}
