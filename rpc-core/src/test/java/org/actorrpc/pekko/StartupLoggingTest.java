package org.actorrpc.pekko;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import org.actorrpc.testutil.Bounded;
import org.actorrpc.testutil.EchoEndpoint;
import org.actorrpc.testutil.EchoGateway;
import org.actorrpc.testutil.RpcServicePair;
import org.actorrpc.testutil.RpcServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A healthy plain-Java node logs no warning when it starts, serves a call and closes: Pekko's
 * start-up advice about Cluster and TLS is filtered, everything else Pekko warns about still
 * reaches the log.
 */
class StartupLoggingTest {

	@RegisterExtension
	final RpcServices services = new RpcServices();

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	@BeforeEach
	void captureLog() {
		this.appender.start();
		this.root.addAppender(this.appender);
	}

	@AfterEach
	void releaseLog() {
		this.root.detachAppender(this.appender);
	}

	@Test
	void startingCallingAndClosingTwoServicesLogsNoWarningWhileOtherPekkoWarningsStillArrive() throws Exception {
		RpcServicePair pair = this.services.pair();
		EchoEndpoint endpoint = pair.startEndpoint(EchoEndpoint::new, pair.nextEndpointId("echo"));
		EchoGateway gateway = pair.connect(endpoint, EchoGateway.class);
		assertThat(Bounded.get(gateway.echo("hello"))).isEqualTo("hello");

		// Pekko logs through one actor, in order: once this marker arrived, every earlier warning has.
		pair.server().getActorSystem().log().warning("marker-after-start");
		pair.client().getActorSystem().log().warning("marker-after-start");
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> warnings().stream().filter((line) -> line.contains("marker-after-start")).count() == 2);
		Bounded.get(pair.client().closeAsync());
		Bounded.get(pair.server().closeAsync());

		assertThat(warnings()).allMatch((line) -> line.contains("marker-after-start"));
	}

	private List<String> warnings() {
		synchronized (this.appender) {
			return List.copyOf(this.appender.list)
				.stream()
				.filter((event) -> event.getLevel().isGreaterOrEqual(Level.WARN))
				.map((event) -> event.getLoggerName() + ": " + event.getFormattedMessage())
				.collect(Collectors.toList());
		}
	}

}
