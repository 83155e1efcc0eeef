package org.actorrpc.readme;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.actorrpc.RpcObserver;
import org.actorrpc.RpcService;
import org.actorrpc.client.ClientSettings;
import org.actorrpc.client.ReconnectingGateway;
import org.actorrpc.client.RpcClientView;
import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.pekko.PekkoRpcServiceSettings;
import org.actorrpc.readme.ReadmeExampleTest.EchoEndpoint;
import org.actorrpc.readme.ReadmeExampleTest.EchoGateway;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Reconnecting client in plain Java" example, as written there (the server on port
 * 0 instead of 6123, and the printed value asserted).
 */
class ReadmeClientExampleTest {

	@Test
	void readmeClientExampleConnectsOnTheFirstCallAndSendsTheQueuedCallsInOrder() throws Exception {
		var server = new PekkoRpcService(PekkoRpcServiceSettings.builder().systemName("server").port(0).build());
		var rpcService = new PekkoRpcService(PekkoRpcServiceSettings.builder().systemName("client").build());
		try {
			new EchoEndpoint(server).start();
			RpcObserver observer = RpcObserver.NOOP;
			List<String> printed = new ArrayList<>();

			ReconnectingGateway<EchoGateway> client = example(rpcService, server.getEndpointAddress("echo"),
					observer, printed);

			assertThat(printed).containsExactly("hello");
			assertThat(client.view().state()).isEqualTo(RpcClientView.State.CLOSED);
			EchoGateway direct = rpcService.connect(server.getEndpointAddress("echo"), EchoGateway.class)
				.get(30, TimeUnit.SECONDS);
			assertThat(direct.count(Duration.ofSeconds(30))).isEqualTo(1);
		}
		finally {
			rpcService.closeAsync().get(30, TimeUnit.SECONDS);
			server.closeAsync().get(30, TimeUnit.SECONDS);
		}
	}

	private static ReconnectingGateway<EchoGateway> example(RpcService rpcService, String address,
			RpcObserver observer, List<String> printed) throws Exception {
		ReconnectingGateway<EchoGateway> client = ReconnectingGateway.builder(rpcService, EchoGateway.class)
			.settings(ClientSettings.of("echo", address)
				.withTimeout(Duration.ofSeconds(10))
				.withBackoff(Duration.ofMillis(200), Duration.ofSeconds(3)))
			.observer(observer)
			.build();
		EchoGateway echo = client.gateway();
		echo.record("queued");
		CompletableFuture<Void> done = echo.echo("hello").thenAccept(printed::add);
		done.get(30, TimeUnit.SECONDS);
		RpcClientView view = client.view();
		assertThat(view.state()).isEqualTo(RpcClientView.State.CONNECTED);
		client.close();
		return client;
	}

}
