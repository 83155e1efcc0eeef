package org.actorrpc.test.spring;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcService;
import org.actorrpc.exceptions.RpcTimeoutException;
import org.actorrpc.spring.RpcClient;
import org.actorrpc.spring.RpcEndpointComponent;
import org.actorrpc.test.TestingRpcService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real Spring Boot context with the starter's auto-configuration: the testing service replaces
 * the real one, an {@code @RpcEndpointComponent} starts on it, and {@code @RpcClient} gateways
 * reach it and a registered fake.
 */
@SpringBootTest(classes = AutoConfigureTestingRpcServiceTests.Application.class,
		properties = { "actorrpc.clients.local-greeter.address=local:greeter",
				"actorrpc.clients.remote.address=pekko://remote@10.0.0.9:6123/user/rpc/greeter" })
@AutoConfigureTestingRpcService
class AutoConfigureTestingRpcServiceTests {

	@Autowired
	private RpcService rpcService;

	@Autowired
	private TestingRpcService testing;

	@Autowired
	private Callers callers;

	@Test
	void theContextsRpcServiceIsTheTestingServiceAndTheEndpointRunsOnIt() {
		assertThat(this.rpcService).isSameAs(this.testing);
		assertThat(this.testing.getEndpointViews()).extracting(RpcEndpointView::getEndpointId)
			.containsExactly("greeter");
		assertThat(this.testing.getEndpointViews()).extracting(RpcEndpointView::getState)
			.containsExactly(RpcEndpointView.State.STARTED);
	}

	@Test
	void anRpcClientReachesTheEndpointOnVirtualTime() {
		assertThat(this.callers.local.greet("Ada")).isCompletedWithValue("Hello Ada");
		CompletableFuture<String> later = this.callers.local.greetLater("Grace", Duration.ofSeconds(5));
		CompletableFuture<String> tooLate = this.callers.local.greetLater("Linus", Duration.ofSeconds(30));
		assertThat(later).isNotDone();

		this.testing.advanceTime(Duration.ofSeconds(30));

		assertThat(later).isCompletedWithValue("Hello Grace, 5 s later");
		assertThat(tooLate).as("the client's 10 s timeout runs on virtual time too")
			.isCompletedExceptionally();
		assertThatThrownBy(tooLate::join).hasCauseInstanceOf(RpcTimeoutException.class)
			.hasMessageContaining("actorrpc.clients.local-greeter.timeout");
	}

	@Test
	void anRpcClientReachesAFakeRegisteredAtItsAddress() {
		this.testing.registerGateway("pekko://remote@10.0.0.9:6123/user/rpc/greeter", new FakeGreeter());

		assertThat(this.callers.remote.greet("Ada")).isCompletedWithValue("fake hello Ada");
	}

	public interface GreeterGateway extends RpcGateway {

		CompletableFuture<String> greet(String name);

		CompletableFuture<String> greetLater(String name, Duration delay);

	}

	@RpcEndpointComponent("greeter")
	public static class Greeter extends RpcEndpoint implements GreeterGateway {

		public Greeter(RpcService rpcService) {
			super(rpcService, "greeter");
		}

		@Override
		public CompletableFuture<String> greet(String name) {
			validateRunsInMainThread();
			return CompletableFuture.completedFuture("Hello " + name);
		}

		@Override
		public CompletableFuture<String> greetLater(String name, Duration delay) {
			CompletableFuture<String> answer = new CompletableFuture<>();
			long start = getClock().millis();
			scheduleRunAsync(() -> answer.complete("Hello " + name + ", " + (getClock().millis() - start) / 1000
					+ " s later"), delay);
			return answer;
		}

	}

	/** Its client names differ from the endpoint's bean name, which Spring would match as a qualifier too. */
	public static class Callers {

		final GreeterGateway local;

		final GreeterGateway remote;

		public Callers(@RpcClient("local-greeter") GreeterGateway local, @RpcClient("remote") GreeterGateway remote) {
			this.local = local;
			this.remote = remote;
		}

	}

	static final class FakeGreeter implements GreeterGateway {

		@Override
		public CompletableFuture<String> greet(String name) {
			return CompletableFuture.completedFuture("fake hello " + name);
		}

		@Override
		public CompletableFuture<String> greetLater(String name, Duration delay) {
			return greet(name);
		}

		@Override
		public String getAddress() {
			return "pekko://remote@10.0.0.9:6123/user/rpc/greeter";
		}

		@Override
		public String getHostname() {
			return "10.0.0.9";
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

		@Bean
		Greeter greeter(RpcService rpcService) {
			return new Greeter(rpcService);
		}

		@Bean
		Callers callers(@RpcClient("local-greeter") GreeterGateway local, @RpcClient("remote") GreeterGateway remote) {
			return new Callers(local, remote);
		}

	}

}
