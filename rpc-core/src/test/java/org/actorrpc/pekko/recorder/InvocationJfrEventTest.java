package org.actorrpc.pekko.recorder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.actorrpc.RpcEndpointView;
import org.actorrpc.testutil.Bounded;
import org.actorrpc.testutil.EndpointViews;
import org.actorrpc.testutil.Failures;
import org.actorrpc.testutil.RpcServicePair;
import org.actorrpc.testutil.RpcServices;

import static org.actorrpc.testutil.Bounded.BOUND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * While a Java Flight Recorder recording runs, every message an endpoint processes is an
 * {@code org.actorrpc.Invocation} event committed on the endpoint's main thread, with the
 * endpoint, kind, method, sender, queue wait, duration and outcome.
 */
class InvocationJfrEventTest {

	private static final String EVENT = "org.actorrpc.Invocation";

	@RegisterExtension
	final RpcServices services = new RpcServices();

	@TempDir
	Path directory;

	@Test
	void recordingShowsEachInvocationOnTheEndpointsMainThread() throws Exception {
		RpcServicePair pair = this.services.pair();
		RecorderEndpoint endpoint = pair.startEndpoint(RecorderEndpoint::new, pair.nextEndpointId("jfr"));
		RecorderGateway remote = pair.connect(endpoint, RecorderGateway.class);
		Bounded.get(remote.echo("warm-up"));
		RpcEndpointView view = EndpointViews.require(pair.server(), endpoint.getEndpointId());
		Path file = this.directory.resolve("invocations.jfr");

		try (Recording recording = new Recording()) {
			recording.enable(EVENT).withoutStackTrace();
			recording.start();
			Bounded.get(remote.echo("recorded"));
			Failures.failureOfCall(() -> remote.fail("recorded failure"), BOUND);
			// The failure's entry is written after the caller has its answer: wait until it is recorded.
			FlightRecorderTest.awaitRecorded(view,
					(entries) -> !entries.isEmpty() && !entries.get(0).succeeded());
			recording.stop();
			recording.dump(file);
		}

		List<RecordedEvent> events = RecordingFile.readAllEvents(file)
			.stream()
			.filter((event) -> event.getEventType().getName().equals(EVENT))
			.filter((event) -> endpoint.getEndpointId().equals(event.getString("endpoint")))
			.toList();
		assertThat(events).extracting((event) -> event.getString("method"))
			.containsExactly("RecorderGateway/echo", "RecorderGateway/fail");
		String clientAddress = "pekko://" + pair.client().getSettings().systemName() + "@127.0.0.1:"
				+ pair.client().getPort();
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.getThread().getJavaName()).isEqualTo(view.getMainThreadName())
				.startsWith("actorrpc-" + pair.server().getSettings().systemName() + "-");
			assertThat(event.getString("kind")).isEqualTo("CALL");
			assertThat(event.getString("sender")).isEqualTo(clientAddress);
			assertThat(event.getInt("payloadSize")).isPositive();
			assertThat(event.getDuration("queueWait")).isGreaterThanOrEqualTo(Duration.ZERO);
			assertThat(event.getDuration()).isGreaterThanOrEqualTo(Duration.ZERO);
			assertThat(event.getLong("sequenceNumber")).isPositive();
		});
		assertThat(events.get(0).getString("outcome")).isEqualTo("ok");
		assertThat(events.get(1).getString("outcome"))
			.isEqualTo("java.lang.IllegalStateException: recorded failure");
		assertThat(events.get(1).getLong("sequenceNumber")).isEqualTo(events.get(0).getLong("sequenceNumber") + 1);
	}

	@Test
	void eventTypeCarriesItsLabelCategoryAndDescription() throws Exception {
		Path file = this.directory.resolve("metadata.jfr");
		RpcServicePair pair = this.services.pair();
		RecorderEndpoint endpoint = pair.startEndpoint(RecorderEndpoint::new, pair.nextEndpointId("jfr-meta"));
		RpcEndpointView view = EndpointViews.require(pair.server(), endpoint.getEndpointId());

		try (Recording recording = new Recording()) {
			recording.enable(EVENT);
			recording.start();
			Bounded.get(endpoint.getSelfGateway(RecorderGateway.class).echo("local"));
			// The caller has its answer before the main thread records the call: wait for the entry.
			FlightRecorderTest.awaitRecorded(view, (entries) -> entries.size() == 2);
			recording.stop();
			recording.dump(file);
		}

		RecordedEvent event = RecordingFile.readAllEvents(file)
			.stream()
			.filter((candidate) -> candidate.getEventType().getName().equals(EVENT))
			.filter((candidate) -> endpoint.getEndpointId().equals(candidate.getString("endpoint")))
			.findFirst()
			.orElseThrow();
		assertThat(event.getEventType().getLabel()).isEqualTo("RPC Invocation");
		assertThat(event.getEventType().getCategoryNames()).containsExactly("actorrpc");
		assertThat(event.getEventType().getDescription()).isNotBlank();
		assertThat(event.getString("sender")).isEqualTo("local");
		assertThat(event.getInt("payloadSize")).isZero();
	}

}
