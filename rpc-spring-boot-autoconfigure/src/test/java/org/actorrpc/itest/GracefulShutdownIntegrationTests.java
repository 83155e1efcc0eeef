package org.actorrpc.itest;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcService;
import org.actorrpc.exceptions.RecipientUnreachableException;
import org.actorrpc.spring.RpcClient;
import org.actorrpc.spring.RpcEndpointComponent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A node that shuts down while it works answers the call in flight before its transport closes,
 * and refuses calls that arrive after the shutdown began, saying so.
 */
class GracefulShutdownIntegrationTests {

	private static ConfigurableApplicationContext run(Class<?> app, String... properties) {
		return new SpringApplicationBuilder(app).web(WebApplicationType.NONE)
			.properties("spring.jmx.enabled=false", "actorrpc.port=0", "actorrpc.shutdown.grace-period=30s")
			.properties(properties)
			.run();
	}

	@Test
	void aNodeClosedWhileACallRunsAnswersItAndRefusesLaterCallsAsShuttingDown() throws Exception {
		ConfigurableApplicationContext server = run(ServerApp.class, "actorrpc.system-name=worker");
		String address = server.getBean(RpcService.class).getEndpointAddress("work");
		try (ConfigurableApplicationContext client = run(ClientApp.class, "actorrpc.system-name=caller",
				"actorrpc.clients.work.address=" + address)) {
			WorkGateway work = client.getBean(ClientApp.Caller.class).work;
			WorkEndpoint endpoint = server.getBean(WorkEndpoint.class);
			assertThat(work.ping().get(30, TimeUnit.SECONDS)).isEqualTo("pong");

			CompletableFuture<String> inFlight = work.work();
			assertThat(endpoint.entered.await(30, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<Void> closed = CompletableFuture.runAsync(server::close);

			// Pings sent before the shutdown began queue behind the held call; the first one sent after is refused.
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.ignoreException(TimeoutException.class)
				.untilAsserted(() -> assertThatExceptionOfType(ExecutionException.class)
					.isThrownBy(() -> work.ping().get(1, TimeUnit.SECONDS))
					.withCauseInstanceOf(RecipientUnreachableException.class)
					.withMessageContaining("shutting down"));
			assertThat(inFlight).as("the held call is still running").isNotDone();
			endpoint.release.countDown();

			assertThat(inFlight.get(30, TimeUnit.SECONDS)).isEqualTo("done");
			closed.get(60, TimeUnit.SECONDS);
		}
		finally {
			server.close();
		}
	}

	/** A gateway whose {@code work} call the test holds on the endpoint's main thread. */
	public interface WorkGateway extends RpcGateway {

		CompletableFuture<String> work();

		CompletableFuture<String> ping();

	}

	@RpcEndpointComponent("work")
	static class WorkEndpoint extends RpcEndpoint implements WorkGateway {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		WorkEndpoint(RpcService rpcService) {
			super(rpcService, "work");
		}

		@Override
		public CompletableFuture<String> work() {
			this.entered.countDown();
			try {
				this.release.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return CompletableFuture.completedFuture("done");
		}

		@Override
		public CompletableFuture<String> ping() {
			return CompletableFuture.completedFuture("pong");
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(WorkEndpoint.class)
	static class ServerApp {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ClientApp.Caller.class)
	static class ClientApp {

		static class Caller {

			final WorkGateway work;

			Caller(@RpcClient("work") WorkGateway work) {
				this.work = work;
			}

		}

	}

}
