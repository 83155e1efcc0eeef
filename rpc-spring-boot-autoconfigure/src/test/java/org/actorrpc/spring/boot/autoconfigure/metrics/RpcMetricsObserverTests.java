package org.actorrpc.spring.boot.autoconfigure.metrics;

import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.actorrpc.RpcMethod;
import org.actorrpc.RpcObserver.ClientCall;
import org.actorrpc.exceptions.RpcTimeoutException;
import org.actorrpc.spring.boot.autoconfigure.FakeRpcService.FakeView;
import org.actorrpc.spring.boot.autoconfigure.TestGateway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RpcMetricsObserver}.
 */
class RpcMetricsObserverTests {

	private static final RpcMethod ECHO = new RpcMethod(TestGateway.class.getName(), "TestGateway", "echo");

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final RpcMetricsObserver observer = new RpcMetricsObserver(this.registry);

	@Test
	void mailboxGaugeFollowsTheViewAndIsRemovedWhenTheEndpointTerminates() {
		FakeView view = new FakeView("jobmaster");
		this.observer.endpointRegistered(view);
		view.setMailboxDepth(7);
		Gauge gauge = this.registry.get(RpcMetricsObserver.MAILBOX_SIZE).tag("endpoint", "jobmaster").gauge();
		assertThat(gauge.value()).isEqualTo(7.0);
		this.observer.endpointTerminated(view, null);
		assertThat(this.registry.find(RpcMetricsObserver.MAILBOX_SIZE).gauges()).isEmpty();
		assertThat(this.registry.find(RpcMetricsObserver.MAILBOX_WAIT).timers()).isEmpty();
	}

	@Test
	void serverCallsRecordDurationMailboxWaitAndFailuresWithLowCardinalityTags() {
		FakeView view = new FakeView("jobmaster");
		this.observer.endpointRegistered(view);
		this.observer.serverCallCompleted(view, ECHO, 2_000_000, 5_000_000, null);
		this.observer.serverCallCompleted(view, ECHO, 1_000_000, 3_000_000, new IllegalStateException("boom"));
		Timer success = this.registry.get(RpcMetricsObserver.SERVER_DURATION)
			.tags("endpoint", "jobmaster", "rpc.method", "TestGateway/echo", "outcome", "SUCCESS", "error.type",
					"none", "rpc.system.name", "actorrpc")
			.timer();
		assertThat(success.count()).isOne();
		assertThat(success.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(5.0);
		Timer failure = this.registry.get(RpcMetricsObserver.SERVER_DURATION)
			.tags("outcome", "ERROR", "error.type", IllegalStateException.class.getName())
			.timer();
		assertThat(failure.count()).isOne();
		assertThat(this.registry.get(RpcMetricsObserver.MAILBOX_WAIT).tag("endpoint", "jobmaster").timer().totalTime(
				TimeUnit.MILLISECONDS))
			.isEqualTo(3.0);
		assertThat(this.registry.get(RpcMetricsObserver.SERVER_FAILURES).counter().count()).isOne();
	}

	@Test
	void randomEndpointIdsAreReplacedByTheGatewayName() {
		FakeView view = new FakeView(UUID.randomUUID().toString());
		this.observer.endpointRegistered(view);
		assertThat(this.registry.get(RpcMetricsObserver.MAILBOX_SIZE).gauge().getId().getTag("endpoint"))
			.isEqualTo("TestGateway");
	}

	@Test
	void clientCallsRecordDurationFailuresAndTimeouts() {
		this.observer.clientCallStarted(ECHO, "pekko://a@127.0.0.1:1/user/rpc/x").completed(null);
		ClientCall timedOut = this.observer.clientCallStarted(ECHO, "pekko://a@127.0.0.1:1/user/rpc/x");
		timedOut.completed(new CompletionException(new RpcTimeoutException("late", java.time.Duration.ofSeconds(1))));
		assertThat(this.registry.get(RpcMetricsObserver.CLIENT_DURATION).tag("outcome", "SUCCESS").timer().count())
			.isOne();
		assertThat(this.registry.get(RpcMetricsObserver.CLIENT_DURATION)
			.tags("outcome", "ERROR", "error.type", RpcTimeoutException.class.getName())
			.timer()
			.count()).isOne();
		assertThat(this.registry.get(RpcMetricsObserver.CLIENT_FAILURES).counter().count()).isOne();
		assertThat(this.registry.get(RpcMetricsObserver.CLIENT_TIMEOUTS)
			.tag("rpc.method", "TestGateway/echo")
			.counter()
			.count()).isOne();
		assertThat(this.registry.getMeters())
			.allSatisfy((meter) -> assertThat(meter.getId().getTags()).noneMatch((tag) -> tag.getValue().contains("pekko://")));
	}

	@Test
	void flowControlWaitsAndUndeliveredMessagesAreMetrics() {
		this.observer.capacityWaited("pekko://a@127.0.0.1:1/user/rpc/x", "window", 5_000_000, false);
		this.observer.capacityWaited("pekko://a@127.0.0.1:1/user/rpc/x", "mailbox", 1_000_000, true);
		this.observer.messagesUndelivered("pekko://a@127.0.0.1:1", 7);
		assertThat(this.registry.get(RpcMetricsObserver.FLOW_WAIT).tags("limit", "window", "outcome", "ERROR").timer()
			.count()).isEqualTo(1);
		assertThat(this.registry.get(RpcMetricsObserver.FLOW_WAIT).tags("limit", "mailbox", "outcome", "SUCCESS")
			.timer().count()).isEqualTo(1);
		assertThat(this.registry.get(RpcMetricsObserver.UNDELIVERED).counter().count()).isEqualTo(7);
		assertThat(this.registry.get(RpcMetricsObserver.UNDELIVERED).counter().getId().getDescription()).isNotBlank();
	}

}
