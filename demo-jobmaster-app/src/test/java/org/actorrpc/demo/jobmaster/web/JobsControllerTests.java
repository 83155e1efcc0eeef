package org.actorrpc.demo.jobmaster.web;

import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.Arrays;

import com.jayway.jsonpath.JsonPath;
import org.assertj.core.api.AbstractStringAssert;
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
 * TaskManagers: validation, the size limit, error answers in one problem-details shape, 404s, a
 * submitted job waiting for slots, and the actorrpc health contributor.
 */
@SpringBootTest(properties = { "actorrpc.port=0", "demo.rest.max-request-size=64KB" })
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
		assertProblem(postJob("{\"name\":\"x\",\"parallelism\":\"many\"}"), HttpStatus.BAD_REQUEST, "/jobs")
			.contains("'parallelism'")
			.contains("\"parallelism\":4");
	}

	@Test
	void fractionalParallelismIsRejectedWith400NamingTheFieldInsteadOfBeingTruncated() {
		assertProblem(postJob("{\"name\":\"x\",\"parallelism\":2.5}"), HttpStatus.BAD_REQUEST, "/jobs")
			.contains("'parallelism'")
			.contains("whole number");
	}

	@Test
	void unknownFieldIsRejectedWith400NamingItAndTheKnownFields() {
		assertProblem(postJob("{\"name\":\"x\",\"paralelism\":2}"), HttpStatus.BAD_REQUEST, "/jobs")
			.contains("'paralelism'")
			.contains("name, parallelism, taskDurationMs");
	}

	@Test
	void nullBodyIsRejectedWith400WithoutTheControllerMethodSignature() {
		assertProblem(postJob("null"), HttpStatus.BAD_REQUEST, "/jobs").contains("empty or null");
		assertProblem(postJob(""), HttpStatus.BAD_REQUEST, "/jobs").contains("empty or null");
	}

	@Test
	void malformedJsonIsRejectedWith400GivingTheLocation() {
		assertProblem(postJob("{\"name\": \"x\",, }"), HttpStatus.BAD_REQUEST, "/jobs").contains("not valid JSON")
			.contains("line 1");
	}

	@Test
	void bodyDeclaredLargerThanTheLimitIsRefusedWith413BeforeItIsParsed() {
		byte[] body = new byte[65 * 1024];
		Arrays.fill(body, (byte) ' ');
		// Not JSON at all: a parser reaching it would answer 400, so 413 proves it was refused unread.
		body[body.length - 1] = '{';
		MvcTestResult result = this.mvc.post()
			.uri("/jobs")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
		assertProblem(result, HttpStatus.CONTENT_TOO_LARGE, "/jobs").contains("65536 bytes")
			.contains("demo.rest.max-request-size");
	}

	@Test
	void wrongContentTypeIs415ProblemNamingTheExpectedOne() {
		MvcTestResult result = this.mvc.post()
			.uri("/jobs")
			.contentType(MediaType.TEXT_PLAIN)
			.content("name=x")
			.exchange();
		assertProblem(result, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "/jobs").contains("text/plain")
			.contains("application/json");
	}

	@Test
	void wrongMethodIs405ProblemNamingTheAllowedOnes() {
		assertProblem(this.mvc.delete().uri("/jobs").exchange(), HttpStatus.METHOD_NOT_ALLOWED, "/jobs")
			.contains("DELETE")
			.contains("GET");
	}

	@Test
	void unknownPathIs404ProblemListingTheApi() {
		assertProblem(this.mvc.get().uri("/jobz").exchange(), HttpStatus.NOT_FOUND, "/jobz").contains("/jobz")
			.contains("GET /jobs/{jobId}");
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
	void healthShowsTheActorRpcContributorWithItsEndpoints() {
		assertThat(this.mvc.get().uri("/actuator/health")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.components.actorrpc.status")
			.isEqualTo("UP");
		assertThat(this.mvc.get().uri("/actuator/health")).bodyJson()
			.extractingPath("$.components.actorrpc.details.endpoints.resourcemanager")
			.isEqualTo("STARTED");
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

	/**
	 * Checks the RFC 9457 shape every error shares and that nothing in it names Java code.
	 * @return the detail, for checks of what it says
	 */
	private static AbstractStringAssert<?> assertProblem(MvcTestResult result, HttpStatus status, String instance) {
		assertThat(result).hasStatus(status);
		assertThat(result.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		String body = bodyOf(result);
		assertThat(JsonPath.<String>read(body, "$.type")).isEqualTo("about:blank");
		assertThat(JsonPath.<String>read(body, "$.title")).isEqualTo(status.getReasonPhrase());
		assertThat(JsonPath.<Integer>read(body, "$.status")).isEqualTo(status.value());
		assertThat(JsonPath.<String>read(body, "$.instance")).isEqualTo(instance);
		assertThat(body).as("no Java class or method name in the answer")
			.doesNotContain("java.")
			.doesNotContain("org.")
			.doesNotContain("tools.jackson")
			.doesNotContainPattern("[A-Z][A-Za-z]+(Exception|Request|Controller)\\b")
			.doesNotContainPattern("[a-z]\\.[A-Za-z]+\\(");
		return assertThat(JsonPath.<String>read(body, "$.detail"));
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
