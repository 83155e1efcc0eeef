package org.actorrpc.itest;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.actorrpc.RecordedMessage;
import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcService;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /actuator/actorrpc} shows each endpoint's most recent messages from its flight recorder,
 * newest first, at most {@code actorrpc.flight-recorder.actuator-messages} of them, and none when
 * {@code actorrpc.flight-recorder.size=0} turns the recorder off. A real application on port 0.
 */
class FlightRecorderActuatorIntegrationTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private static ConfigurableApplicationContext loopback(String... properties) {
		return new SpringApplicationBuilder(LoopbackApp.class)
			.properties("server.port=0", "spring.jmx.enabled=false", "actorrpc.port=0",
					"management.endpoints.web.exposure.include=actorrpc",
					"actorrpc.clients.jobmaster.address=local:jobmaster",
					"actorrpc.clients.taskmanager.address=local:worker")
			.properties(properties)
			.run();
	}

	@Test
	void actuatorListsTheNewestMessagesOfEachEndpointNewestFirstUpToTheConfiguredNumber() throws Exception {
		try (ConfigurableApplicationContext context = loopback("actorrpc.flight-recorder.actuator-messages=3")) {
			PingGateway jobMaster = connect(context, "jobmaster");
			for (int i = 0; i < 5; i++) {
				assertThat(jobMaster.ping("p" + i).get(30, TimeUnit.SECONDS)).isEqualTo("pong:p" + i);
			}
			jobMaster.record("a note");
			awaitNewest(context, "jobmaster", "PingGateway/record");

			HttpResponse<String> response = Http.get(context, "/actuator/actorrpc");

			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode messages = endpoint(this.json.readTree(response.body()), "jobmaster").at("/recentMessages");
			assertThat(messages.size()).as("capped in %s", response.body()).isEqualTo(3);
			List<Long> sequenceNumbers = new ArrayList<>();
			messages.forEach((message) -> sequenceNumbers.add(message.at("/sequenceNumber").asLong()));
			assertThat(sequenceNumbers).isSortedAccordingTo((a, b) -> Long.compare(b, a));
			assertThat(sequenceNumbers.get(0) - sequenceNumbers.get(2)).isEqualTo(2);
			JsonNode newest = messages.get(0);
			assertThat(newest.at("/kind").asString()).isEqualTo("FIRE_AND_FORGET");
			assertThat(newest.at("/method").asString()).isEqualTo("PingGateway/record");
			assertThat(newest.at("/sender").asString()).isEqualTo("local");
			assertThat(newest.at("/outcome").asString()).isEqualTo("ok");
			assertThat(newest.at("/queueWaitMs").isNumber()).isTrue();
			assertThat(newest.at("/processingTimeMs").isNumber()).isTrue();
			assertThat(Instant.parse(newest.at("/enqueuedAt").asString())).isBefore(Instant.now().plusSeconds(1));
			JsonNode previous = messages.get(1);
			assertThat(previous.at("/kind").asString()).isEqualTo("CALL");
			assertThat(previous.at("/method").asString()).isEqualTo("PingGateway/ping");
		}
	}

	@Test
	void recorderSizeZeroShowsNoMessages() throws Exception {
		try (ConfigurableApplicationContext context = loopback("actorrpc.flight-recorder.size=0")) {
			PingGateway jobMaster = connect(context, "jobmaster");
			assertThat(jobMaster.ping("unrecorded").get(30, TimeUnit.SECONDS)).isEqualTo("pong:unrecorded");

			JsonNode root = this.json.readTree(Http.get(context, "/actuator/actorrpc").body());

			JsonNode endpoint = endpoint(root, "jobmaster");
			assertThat(endpoint.at("/processedMessages").asLong()).isPositive();
			assertThat(endpoint.at("/recentMessages").isArray()).isTrue();
			assertThat(endpoint.at("/recentMessages").isEmpty()).isTrue();
		}
	}

	/** A gateway through the service itself: the calls go through the endpoint's mailbox. */
	private static PingGateway connect(ConfigurableApplicationContext context, String endpointId) throws Exception {
		RpcService service = context.getBean(RpcService.class);
		return service.connect(service.getEndpointAddress(endpointId), PingGateway.class).get(30, TimeUnit.SECONDS);
	}

	/** An entry is written just after the main thread is done with its message: wait for the newest. */
	private static void awaitNewest(ConfigurableApplicationContext context, String endpointId, String method) {
		RpcEndpointView view = context.getBean(RpcService.class)
			.getEndpointViews()
			.stream()
			.filter((candidate) -> candidate.getEndpointId().equals(endpointId))
			.findFirst()
			.orElseThrow();
		await().atMost(java.time.Duration.ofSeconds(20)).until(() -> view.getRecentMessages(1),
				(newest) -> newest.stream().map(RecordedMessage::method).anyMatch(method::equals));
	}

	private static JsonNode endpoint(JsonNode root, String id) {
		for (JsonNode candidate : root.at("/endpoints")) {
			if (id.equals(candidate.at("/id").asString())) {
				return candidate;
			}
		}
		throw new AssertionError("no endpoint " + id + " in " + root);
	}

}
