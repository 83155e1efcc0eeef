package org.actorrpc.demo.jobmaster.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.jayway.jsonpath.JsonPath;

/**
 * The JobMaster's REST API as the end-to-end tests use it: GET a resource, read one JSON path of
 * it, submit a job. Every request is bounded. Thread-safe ({@link HttpClient} is).
 */
final class DemoRest {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

	private final String baseUrl;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/**
	 * Creates the client.
	 * @param baseUrl the JobMaster's HTTP base URL, for example {@code http://10.238.4.11:8081}
	 */
	DemoRest(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * GETs a resource.
	 * @param path the path
	 * @return the JSON body
	 * @throws IllegalStateException when the answer is not 200, with its body
	 */
	String get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(this.baseUrl + path)).timeout(REQUEST_TIMEOUT).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + this.baseUrl + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	/**
	 * Reads one value of a resource.
	 * @param path the resource
	 * @param jsonPath what to read
	 * @param <T> its type
	 * @return the value
	 */
	<T> T read(String path, String jsonPath) throws IOException, InterruptedException {
		return JsonPath.read(get(path), jsonPath);
	}

	/**
	 * Submits a job ({@code POST /jobs}).
	 * @param name its name
	 * @param parallelism its subtasks
	 * @param taskDurationMs simulated work per subtask
	 * @return the job id
	 * @throws IllegalStateException when the answer is not 201, with its body
	 */
	String submitJob(String name, int parallelism, long taskDurationMs) throws IOException, InterruptedException {
		String json = "{\"name\":\"" + name + "\",\"parallelism\":" + parallelism + ",\"taskDurationMs\":"
				+ taskDurationMs + "}";
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(this.baseUrl + "/jobs"))
					.timeout(REQUEST_TIMEOUT)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(json))
					.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() != 201) {
			throw new IllegalStateException("POST " + this.baseUrl + "/jobs answered " + response.statusCode() + ": " + response.body());
		}
		return JsonPath.read(response.body(), "$.jobId");
	}

}
