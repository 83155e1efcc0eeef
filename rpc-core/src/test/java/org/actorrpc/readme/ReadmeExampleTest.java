package org.actorrpc.readme;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcService;
import org.actorrpc.RpcTimeout;
import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.pekko.PekkoRpcServiceSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "model in 20 lines" example, as written there (port 0 instead of 6123).
 */
class ReadmeExampleTest {

	public interface EchoGateway extends RpcGateway {

		CompletableFuture<String> echo(String text);

		void record(String event);

		int count(@RpcTimeout Duration timeout);

	}

	public static class EchoEndpoint extends RpcEndpoint implements EchoGateway {

		private final List<String> events = new ArrayList<>();

		public EchoEndpoint(RpcService service) {
			super(service, "echo");
		}

		@Override
		public CompletableFuture<String> echo(String text) {
			return CompletableFuture.completedFuture(text);
		}

		@Override
		public void record(String event) {
			this.events.add(event);
		}

		@Override
		public int count(Duration timeout) {
			return this.events.size();
		}

	}

	@Test
	void readmeExampleCallsAnEndpointOfAnotherServiceOverTcp() throws Exception {
		var server = new PekkoRpcService(PekkoRpcServiceSettings.builder().systemName("server").port(0).build());
		var client = new PekkoRpcService(PekkoRpcServiceSettings.builder().systemName("client").build());
		try {
			new EchoEndpoint(server).start();
			EchoGateway echo = client.connect(server.getEndpointAddress("echo"), EchoGateway.class)
				.get(10, TimeUnit.SECONDS);
			echo.record("started");
			assertThat(echo.echo("hello").get(10, TimeUnit.SECONDS)).isEqualTo("hello");
			assertThat(echo.count(Duration.ofSeconds(5))).isEqualTo(1);
		}
		finally {
			client.closeAsync().get(30, TimeUnit.SECONDS);
			server.closeAsync().get(30, TimeUnit.SECONDS);
		}
	}

}
