package org.actorrpc.itest;

import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import org.actorrpc.RpcService;
import org.actorrpc.pekko.PekkoRpcService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Spring Boot applications in one JVM, each an RPC node on 127.0.0.1 with its own actor
 * system, calling each other through {@code @RpcClient} proxies; checked through their Actuator
 * endpoints (Prometheus metrics with real values, the {@code actorrpc} endpoint, health) and
 * trace propagation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoApplicationsIntegrationTests {

	private static final String[] COMMON = { "server.port=0", "spring.jmx.enabled=false",
			"management.endpoints.web.exposure.include=health,prometheus,actorrpc",
			"management.endpoint.health.show-details=always", "management.tracing.sampling.probability=1.0",
			"actorrpc.host=127.0.0.1" };

	private final JsonMapper json = JsonMapper.builder().build();

	private ConfigurableApplicationContext jobMaster;

	private ConfigurableApplicationContext taskManager;

	@BeforeAll
	void startBothApplications() {
		int taskManagerPort = TestPorts.freePort();
		this.jobMaster = new SpringApplicationBuilder(JobMasterApp.class).properties(COMMON)
			.properties("actorrpc.system-name=jobmaster", "actorrpc.port=0",
					"actorrpc.clients.taskmanager.address=pekko://taskmanager@127.0.0.1:" + taskManagerPort
							+ "/user/rpc/worker")
			.run();
		String jobMasterAddress = this.jobMaster.getBean(RpcService.class).getEndpointAddress("jobmaster");
		this.taskManager = new SpringApplicationBuilder(TaskManagerApp.class).properties(COMMON)
			.properties("actorrpc.system-name=taskmanager", "actorrpc.port=" + taskManagerPort,
					"actorrpc.clients.default.timeout=20s", "actorrpc.clients.jobmaster.address=" + jobMasterAddress)
			.run();
	}

	@AfterAll
	void closeBothApplications() {
		if (this.taskManager != null) {
			this.taskManager.close();
		}
		if (this.jobMaster != null) {
			this.jobMaster.close();
		}
	}

	private PingGateway jobMasterClient() {
		return this.taskManager.getBean(TaskManagerApp.Caller.class).jobMaster();
	}

	@Test
	void applicationsCallEachOtherThroughRpcClients() throws Exception {
		PingGateway jobMaster = jobMasterClient();
		assertThat(jobMaster.ping("a").get(20, TimeUnit.SECONDS)).isEqualTo("pong:a");
		jobMaster.record("n1");
		jobMaster.record("n2");
		assertThat(jobMaster.greet("tm")).isEqualTo("hello tm (2 notes)");
		assertThat(jobMaster.relay("x").get(20, TimeUnit.SECONDS)).isEqualTo("relayed:echo:x");
	}

	@Test
	void prometheusShowsCallMetricsWithRealValues() throws Exception {
		PingGateway jobMaster = jobMasterClient();
		for (int i = 0; i < 5; i++) {
			jobMaster.ping("m" + i).get(20, TimeUnit.SECONDS);
		}
		String server = Http.get(this.jobMaster, "/actuator/prometheus").body();
		assertThat(server).containsPattern(
				"rpc_server_call_duration_seconds_count\\{endpoint=\"jobmaster\",error_type=\"none\",outcome=\"SUCCESS\",rpc_method=\"PingGateway/ping\",rpc_system_name=\"actorrpc\"} ([5-9]|[1-9][0-9]+)");
		assertThat(server).containsPattern("actorrpc_endpoint_mailbox_size(_messages)?\\{endpoint=\"jobmaster\"} 0");
		assertThat(server)
			.containsPattern("actorrpc_endpoint_mailbox_wait_seconds_count\\{endpoint=\"jobmaster\"} ([5-9]|[1-9][0-9]+)");
		String client = Http.get(this.taskManager, "/actuator/prometheus").body();
		assertThat(client).containsPattern(
				"rpc_client_call_duration_seconds_count\\{error_type=\"none\",outcome=\"SUCCESS\",rpc_method=\"PingGateway/ping\",rpc_system_name=\"actorrpc\"} ([5-9]|[1-9][0-9]+)");
		assertThat(client).doesNotContainPattern("rpc_method=\"[^\"]*[0-9a-f]{8}-[0-9a-f]{4}-");
	}

	@Test
	void eachCallIsTimedOnceOnEachSideAndEveryMeterIsDescribed() throws Exception {
		PingGateway jobMaster = jobMasterClient();
		for (int i = 0; i < 3; i++) {
			jobMaster.ping("once" + i).get(20, TimeUnit.SECONDS);
		}
		String client = Http.get(this.taskManager, "/actuator/prometheus").body();
		String server = Http.get(this.jobMaster, "/actuator/prometheus").body();
		for (String scrape : new String[] { client, server }) {
			assertThat(scrape).doesNotContain("actorrpc_client_call_seconds")
				.doesNotContain("actorrpc_client_call_active")
				.doesNotContain("actorrpc_server_call_seconds")
				.doesNotContain("actorrpc_server_call_active");
			assertThat(scrape.lines().filter((line) -> line.startsWith("# HELP ") && line.contains("rpc_")))
				.isNotEmpty()
				.allSatisfy((line) -> assertThat(line).as("described").matches("# HELP \\S+ \\S.*"));
		}
		assertThat(client).contains("# HELP rpc_client_call_duration_seconds Time RPC calls took");
		assertThat(server).contains("# HELP rpc_server_call_duration_seconds Time endpoints spent processing");
		assertThat(server).contains("# HELP actorrpc_endpoint_mailbox_wait_seconds ");
	}

	@Test
	void actorrpcEndpointDescribesEndpointsAndClients() throws Exception {
		jobMasterClient().ping("for-json").get(20, TimeUnit.SECONDS);
		HttpResponse<String> response = Http.get(this.jobMaster, "/actuator/actorrpc");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode root = this.json.readTree(response.body());
		assertThat(root.at("/service/address").asString()).isEqualTo("127.0.0.1");
		assertThat(root.at("/service/port").asInt())
			.isEqualTo(this.jobMaster.getBean(RpcService.class).getPort())
			.isPositive();
		JsonNode endpoint = null;
		for (JsonNode candidate : root.at("/endpoints")) {
			if ("jobmaster".equals(candidate.at("/id").asString())) {
				endpoint = candidate;
			}
		}
		assertThat(endpoint).as("jobmaster endpoint in %s", response.body()).isNotNull();
		assertThat(endpoint.at("/state").asString()).isEqualTo("STARTED");
		assertThat(endpoint.at("/gateways/0").asString()).isEqualTo(PingGateway.class.getName());
		assertThat(endpoint.at("/processedMessages").asLong()).isPositive();
		assertThat(endpoint.at("/mailboxDepth").asInt()).isZero();
		assertThat(endpoint.at("/busyTimeMs").asDouble()).isPositive();
		assertThat(endpoint.at("/slowestMethods")).isNotEmpty();
		JsonNode tmResponse = this.json.readTree(Http.get(this.taskManager, "/actuator/actorrpc").body());
		JsonNode client = tmResponse.at("/clients/0");
		assertThat(client.at("/name").asString()).isEqualTo("jobmaster");
		assertThat(client.at("/gateway").asString()).isEqualTo(PingGateway.class.getName());
		assertThat(client.at("/state").asString()).isEqualTo("CONNECTED");
		assertThat(client.at("/address").asString())
			.isEqualTo(this.jobMaster.getBean(RpcService.class).getEndpointAddress("jobmaster"));
	}

	@Test
	void healthIsUpAndReportsEndpoints() throws Exception {
		HttpResponse<String> response = Http.get(this.jobMaster, "/actuator/health/actorrpc");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode health = this.json.readTree(response.body());
		assertThat(health.at("/status").asString()).isEqualTo("UP");
		assertThat(health.at("/details/endpoints/jobmaster").asString()).isEqualTo("STARTED");
	}

	@Test
	void oneTraceSpansCallerAndEndpoint() {
		String[] ids = this.taskManager.getBean(TaskManagerApp.Caller.class).traceIds();
		assertThat(ids[1]).isNotEqualTo("none").isEqualTo(ids[0]);
	}

	@Test
	void eachApplicationHasItsOwnActorSystem() {
		PekkoRpcService jm = (PekkoRpcService) this.jobMaster.getBean(RpcService.class);
		PekkoRpcService tm = (PekkoRpcService) this.taskManager.getBean(RpcService.class);
		assertThat(jm.getActorSystem()).isNotSameAs(tm.getActorSystem());
		assertThat(jm.getActorSystem().name()).isEqualTo("jobmaster");
		assertThat(tm.getActorSystem().name()).isEqualTo("taskmanager");
		assertThat(jm.getActorSystem().settings().config().getBoolean("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook"))
			.as("Spring's lifecycle, not Pekko's JVM shutdown hook, drives shutdown")
			.isFalse();
	}

}
