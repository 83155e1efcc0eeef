package org.actorrpc.demo.jobmaster.web;

import java.io.UnsupportedEncodingException;
import java.time.Duration;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The REST API against a real JobMaster app (all endpoints on a real RPC service, port 0) without
 * TaskManagers: validation, 404s, and a submitted job waiting for slots.
 */
@SpringBootTest(properties = { "actorrpc.port=0" })
@AutoConfigureMockMvc
class JobsControllerTests {

	@Autowired
	private MockMvcTester mvc;

	private MvcTestResult postJob(String json) {
		return this.mvc.post().uri("/jobs").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	@Test
	void submissionWithoutNameIsRejectedWith400NamingTheField() {
		assertThat(postJob("{\"parallelism\":2}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("'name'");
	}

	@Test
	void submissionWithParallelismOutOfRangeIsRejectedWith400NamingTheRange() {
		assertThat(postJob("{\"name\":\"x\",\"parallelism\":0}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("between 1 and 64");
	}

	@Test
	void malformedBodyIsRejectedWith400ShowingTheExpectedShape() {
		assertThat(postJob("{\"name\":\"x\",\"parallelism\":\"many\"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("\"parallelism\":4");
	}

	@Test
	void unknownJobIdsAre404() {
		assertThat(this.mvc.get().uri("/jobs/nosuchjob")).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("nosuchjob");
		assertThat(this.mvc.get().uri("/jobs/nosuchjob/checkpoints")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.post().uri("/jobs/nosuchjob/cancel")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void submittedJobIsListedAndCanBeCancelledWhileItWaitsForSlots() {
		MvcTestResult created = postJob("{\"name\":\"waiting\",\"parallelism\":3,\"taskDurationMs\":1000}");
		assertThat(created).hasStatus(HttpStatus.CREATED);
		String jobId = JsonPath.read(bodyOf(created), "$.jobId");
		assertThat(created.getResponse().getHeader("Location")).isEqualTo("/jobs/" + jobId);

		assertThat(this.mvc.get().uri("/jobs")).hasStatusOk().bodyJson().extractingPath("$[?(@.jobId=='" + jobId
				+ "')].status").asArray().containsExactly("RUNNING");
		assertThat(this.mvc.get().uri("/jobs/" + jobId)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.tasks.length()")
			.isEqualTo(3);

		assertThat(this.mvc.post().uri("/jobs/" + jobId + "/cancel")).hasStatus(HttpStatus.ACCEPTED);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.mvc.get().uri("/jobs/" + jobId)).bodyJson()
				.extractingPath("$.status")
				.isEqualTo("CANCELED"));
		assertThat(this.mvc.get().uri("/jobs/" + jobId + "/checkpoints")).hasStatusOk();
	}

	@Test
	void taskManagersListIsEmptyWithoutTaskManagers() {
		assertThat(this.mvc.get().uri("/taskmanagers")).hasStatusOk().bodyJson().isEqualTo("[]");
	}

	@Test
	void dashboardPageIsServedWithItsCharts() {
		assertThat(this.mvc.get().uri("/index.html")).hasStatusOk()
			.bodyText()
			.contains("chart-mailbox")
			.contains("chart-latency")
			.contains("dashboard.js");
		assertThat(this.mvc.get().uri("/dashboard.js")).hasStatusOk().bodyText().contains("/actuator/actorrpc");
	}

	private static String bodyOf(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString();
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
