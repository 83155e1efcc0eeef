package org.actorrpc.pekko.recorder;

import java.util.List;
import java.util.concurrent.ExecutionException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.testutil.Bounded;
import org.actorrpc.testutil.RpcServices;

import static org.actorrpc.testutil.Bounded.BOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * When an endpoint fails — a main-thread task, {@code onStart} or {@code onStop} — its flight
 * recorder is written to the log at ERROR, newest first, one line per message, the message that
 * failed it first; an endpoint that stops normally writes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlightRecorderFailureLogTest {

	private static final String RECORDER_LOGGER = "org.actorrpc.pekko.internal.FlightRecorder";

	@RegisterExtension
	static final RpcServices SERVICES = new RpcServices();

	private PekkoRpcService service;

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private int endpoints;

	@BeforeAll
	void startService() {
		this.service = SERVICES.create("failure-log");
	}

	@BeforeEach
	void captureRecorderLog() {
		this.appender.start();
		((Logger) LoggerFactory.getLogger(RECORDER_LOGGER)).addAppender(this.appender);
	}

	@AfterEach
	void stopCapturing() {
		((Logger) LoggerFactory.getLogger(RECORDER_LOGGER)).detachAppender(this.appender);
		this.appender.stop();
	}

	@Test
	void taskThatFailsTheEndpointIsLoggedFirstFollowedByTheMessagesBeforeIt() throws Exception {
		RecorderEndpoint endpoint = start(false, false);
		RecorderGateway self = endpoint.getSelfGateway(RecorderGateway.class);
		Bounded.get(self.echo("before"));
		self.tell("also before");

		endpoint.enqueueRun(() -> {
			throw new AssertionError("task broke");
		});

		assertFailed(endpoint);
		List<String> lines = awaitDump(endpoint);
		assertThat(lines.get(0)).contains("Endpoint " + endpoint.getEndpointId() + " failed")
			.contains("java.lang.AssertionError: task broke")
			.contains("last 4 messages, newest first");
		assertThat(lines.get(1)).contains("#4 RUN_ASYNC runAsync from local")
			.endsWith("-> java.lang.AssertionError: task broke");
		assertThat(lines.get(2)).contains("#3 FIRE_AND_FORGET RecorderGateway/tell").endsWith("-> ok");
		assertThat(lines.get(3)).contains("#2 CALL RecorderGateway/echo").contains(" waited ").contains(" ran ");
		assertThat(lines.get(4)).contains("#1 START start");
		assertThat(lines).hasSize(5);
	}

	@Test
	void failedOnStartIsTheOutcomeOfTheStartEntry() throws Exception {
		RecorderEndpoint endpoint = start(true, false);

		assertFailed(endpoint);
		List<String> lines = awaitDump(endpoint);
		assertThat(lines.get(1)).contains("#1 START start").endsWith("-> java.lang.IllegalStateException: start broke");
	}

	@Test
	void failedOnStopIsTheOutcomeOfTheStopCompletedEntry() throws Exception {
		RecorderEndpoint endpoint = start(false, true);
		Bounded.get(endpoint.getSelfGateway(RecorderGateway.class).echo("before stop"));

		endpoint.closeAsync();

		assertFailed(endpoint);
		List<String> lines = awaitDump(endpoint);
		assertThat(lines.get(1)).contains("STOP onStop completed")
			.endsWith("-> java.lang.IllegalStateException: stop broke");
		assertThat(lines.get(2)).contains("STOP terminate").endsWith("-> ok");
		assertThat(lines.get(3)).contains("CALL RecorderGateway/echo");
	}

	@Test
	void endpointThatStopsNormallyWritesNothing() throws Exception {
		RecorderEndpoint endpoint = start(false, false);
		Bounded.get(endpoint.getSelfGateway(RecorderGateway.class).echo("before stop"));

		Bounded.get(endpoint.closeAsync());
		// A dump would be written on the main thread before it ends.
		Thread mainThread = endpoint.mainThread();
		mainThread.join(BOUND.toMillis());

		assertThat(mainThread.isAlive()).isFalse();
		assertThat(dumpsOf(endpoint)).isEmpty();
	}

	private RecorderEndpoint start(boolean failOnStart, boolean failOnStop) {
		RecorderEndpoint endpoint = new RecorderEndpoint(this.service, "failing-" + (++this.endpoints), failOnStart,
				failOnStop);
		endpoint.start();
		return endpoint;
	}

	private static void assertFailed(RecorderEndpoint endpoint) {
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> Bounded.get(endpoint.getTerminationFuture()));
	}

	private List<String> awaitDump(RecorderEndpoint endpoint) {
		ILoggingEvent dump = await().atMost(BOUND).until(() -> dumpsOf(endpoint), (dumps) -> !dumps.isEmpty()).get(0);
		assertThat(dump.getLevel()).isEqualTo(Level.ERROR);
		return dump.getFormattedMessage().lines().toList();
	}

	private List<ILoggingEvent> dumpsOf(RecorderEndpoint endpoint) {
		synchronized (this.appender) {
			return this.appender.list.stream()
				.filter((event) -> event.getFormattedMessage()
					.startsWith("Endpoint " + endpoint.getEndpointId() + " failed"))
				.toList();
		}
	}

}
