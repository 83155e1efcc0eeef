package org.actorrpc.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.actorrpc.exceptions.FencingTokenException;
import org.actorrpc.exceptions.RecipientUnreachableException;
import org.actorrpc.exceptions.RpcConnectionException;
import org.actorrpc.exceptions.RpcRuntimeException;
import org.actorrpc.exceptions.RpcTimeoutException;
import org.actorrpc.spring.FencedRpcClient;
import org.actorrpc.spring.boot.autoconfigure.RpcClientView.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * Tests for the {@code @RpcClient} proxy: lazy connect, clear failures, reconnect, ordering and
 * fencing tokens.
 */
class RpcClientProxyTests {

	private static final String ADDRESS = "pekko://jobmaster@127.0.0.1:6123/user/rpc/jobmaster";

	private final FakeRpcService rpcService = new FakeRpcService();

	@AfterEach
	void close() {
		this.rpcService.closeAsync();
	}

	private RpcClientProxy<TestGateway> handler(String address, Duration timeout) {
		return new RpcClientProxy<>(new RpcClientSettings("jobmaster", address, timeout), TestGateway.class,
				this.rpcService);
	}

	private TestGateway proxy() {
		return handler(ADDRESS, Duration.ofSeconds(5)).createProxy();
	}

	@Test
	void doesNotConnectBeforeTheFirstCall() {
		TestGateway gateway = proxy();
		assertThat(gateway).isNotNull();
		assertThat(gateway.getAddress()).isEqualTo(ADDRESS);
		assertThat(gateway.getHostname()).isEqualTo("127.0.0.1");
		assertThat(gateway.toString()).contains("jobmaster");
		assertThat(this.rpcService.connects).isEmpty();
	}

	@Test
	void forwardsCallsOfEveryStyleToTheConnectedGateway() throws Exception {
		TestGateway remote = mock(TestGateway.class);
		given(remote.echo("a")).willReturn(CompletableFuture.completedFuture("a!"));
		given(remote.hello("b")).willReturn("hello b");
		this.rpcService.setConnector((request, type) -> CompletableFuture.completedFuture(remote));
		TestGateway gateway = proxy();
		assertThat(gateway.hello("b")).isEqualTo("hello b");
		assertThat(gateway.echo("a").get(5, TimeUnit.SECONDS)).isEqualTo("a!");
		gateway.tell("c");
		then(remote).should().tell("c");
		assertThat(this.rpcService.connects).hasSize(1);
		assertThat(this.rpcService.connects.get(0).address()).isEqualTo(ADDRESS);
	}

	@Test
	void failsFastNamingClientAndAddressWhileTheRemoteIsDown() {
		this.rpcService.setConnector((request, type) -> CompletableFuture
			.failedFuture(new RpcConnectionException("Could not connect to " + request.address())));
		RpcClientProxy<TestGateway> handler = handler(ADDRESS, Duration.ofSeconds(5));
		TestGateway gateway = handler.createProxy();
		assertThatExceptionOfType(RpcRuntimeException.class).isThrownBy(() -> gateway.hello("x"))
			.withMessageContaining("RPC client 'jobmaster'")
			.withMessageContaining(ADDRESS)
			.withMessageContaining("actorrpc.clients.jobmaster.address")
			.withCauseInstanceOf(RpcConnectionException.class);
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> gateway.echo("x").get(5, TimeUnit.SECONDS))
			.withCauseInstanceOf(RpcConnectionException.class)
			.withMessageContaining("RPC client 'jobmaster'");
		RpcClientView view = handler.view();
		assertThat(view.state()).isEqualTo(State.FAILED);
		assertThat(view.lastFailure()).contains(ADDRESS);
		assertThat(this.rpcService.connects).hasSize(2);
	}

	@Test
	void reconnectsAfterTheRemoteWasLost() throws Exception {
		TestGateway first = mock(TestGateway.class);
		given(first.echo("x")).willReturn(
				CompletableFuture.failedFuture(new RecipientUnreachableException("The remote is unreachable")));
		TestGateway second = mock(TestGateway.class);
		given(second.hello("x")).willReturn("back");
		List<TestGateway> remotes = new ArrayList<>(List.of(first, second));
		this.rpcService.setConnector((request, type) -> CompletableFuture.completedFuture(remotes.remove(0)));
		TestGateway gateway = proxy();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> gateway.echo("x").get(5, TimeUnit.SECONDS))
			.withCauseInstanceOf(RecipientUnreachableException.class);
		assertThat(gateway.hello("x")).isEqualTo("back");
		assertThat(this.rpcService.connects).hasSize(2);
	}

	@Test
	void reconnectsAfterABlockingCallFoundTheRemoteGone() {
		TestGateway first = mock(TestGateway.class);
		given(first.hello("x")).willThrow(new RpcRuntimeException("gone",
				new RecipientUnreachableException("The remote is unreachable")));
		TestGateway second = mock(TestGateway.class);
		given(second.hello("x")).willReturn("back");
		List<TestGateway> remotes = new ArrayList<>(List.of(first, second));
		this.rpcService.setConnector((request, type) -> CompletableFuture.completedFuture(remotes.remove(0)));
		TestGateway gateway = proxy();
		assertThatExceptionOfType(RpcRuntimeException.class).isThrownBy(() -> gateway.hello("x"));
		assertThat(gateway.hello("x")).isEqualTo("back");
		assertThat(this.rpcService.connects).hasSize(2);
	}

	@Test
	void applicationExceptionsKeepTheConnection() {
		TestGateway remote = mock(TestGateway.class);
		given(remote.hello("x")).willThrow(new IllegalArgumentException("bad name"));
		this.rpcService.setConnector((request, type) -> CompletableFuture.completedFuture(remote));
		TestGateway gateway = proxy();
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> gateway.hello("x"));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> gateway.hello("x"));
		assertThat(this.rpcService.connects).hasSize(1);
	}

	@Test
	void callsMadeWhileConnectingAreSentInOrderOnceConnected() throws Exception {
		CompletableFuture<TestGateway> pending = new CompletableFuture<>();
		this.rpcService.setConnector((request, type) -> pending);
		TestGateway remote = mock(TestGateway.class);
		given(remote.echo(org.mockito.ArgumentMatchers.anyString()))
			.willAnswer((invocation) -> CompletableFuture.completedFuture(invocation.getArgument(0)));
		TestGateway gateway = proxy();
		List<CompletableFuture<String>> results = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			if (i % 2 == 0) {
				results.add(gateway.echo("m" + i));
			}
			else {
				gateway.tell("m" + i);
			}
		}
		then(remote).shouldHaveNoInteractions();
		pending.complete(remote);
		for (CompletableFuture<String> result : results) {
			result.get(5, TimeUnit.SECONDS);
		}
		var order = inOrder(remote);
		for (int i = 0; i < 20; i++) {
			if (i % 2 == 0) {
				order.verify(remote).echo("m" + i);
			}
			else {
				order.verify(remote).tell("m" + i);
			}
		}
		assertThat(this.rpcService.connects).hasSize(1);
	}

	@Test
	void asynchronousCallsTimeOutNamingTheClientAndItsTimeoutProperty() {
		TestGateway remote = mock(TestGateway.class);
		given(remote.echo("slow")).willReturn(new CompletableFuture<>());
		this.rpcService.setConnector((request, type) -> CompletableFuture.completedFuture(remote));
		TestGateway gateway = handler(ADDRESS, Duration.ofMillis(50)).createProxy();
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> gateway.echo("slow").get(5, TimeUnit.SECONDS))
			.withCauseInstanceOf(RpcTimeoutException.class)
			.withMessageContaining("actorrpc.clients.jobmaster.timeout");
	}

	@Test
	void localAddressesResolveToThisServicesEndpoint() {
		TestGateway remote = mock(TestGateway.class);
		this.rpcService.setConnector((request, type) -> CompletableFuture.completedFuture(remote));
		TestGateway gateway = handler("local:dispatcher", Duration.ofSeconds(5)).createProxy();
		gateway.tell("x");
		assertThat(this.rpcService.connects.get(0).address())
			.isEqualTo("pekko://fake@127.0.0.1:1234/user/rpc/dispatcher");
		assertThat(gateway.getAddress()).isEqualTo("pekko://fake@127.0.0.1:1234/user/rpc/dispatcher");
	}

	@Test
	@SuppressWarnings("unchecked")
	void fencedClientsFailUntilATokenIsSetAndReconnectWithEachNewToken() throws Exception {
		TestFencedGateway leader1 = mock(TestFencedGateway.class);
		given(leader1.whoIsLeader()).willReturn(CompletableFuture.completedFuture("leader-1"));
		TestFencedGateway leader2 = mock(TestFencedGateway.class);
		given(leader2.whoIsLeader()).willReturn(CompletableFuture.completedFuture("leader-2"));
		UUID token1 = UUID.randomUUID();
		UUID token2 = UUID.randomUUID();
		this.rpcService.setConnector((request, type) -> CompletableFuture
			.completedFuture(token1.equals(request.fencingToken()) ? leader1 : leader2));
		TestFencedGateway gateway = new RpcClientProxy<>(
				new RpcClientSettings("resourcemanager", ADDRESS, Duration.ofSeconds(5)), TestFencedGateway.class,
				this.rpcService)
			.createProxy();
		FencedRpcClient<UUID> fenced = (FencedRpcClient<UUID>) gateway;
		assertThat(fenced.getFencingToken()).isNull();
		assertThat(gateway.getFencingToken()).isNull();
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> gateway.whoIsLeader().get(5, TimeUnit.SECONDS))
			.withCauseInstanceOf(FencingTokenException.class)
			.withMessageContaining("updateFencingToken");
		assertThat(this.rpcService.connects).isEmpty();
		fenced.updateFencingToken(token1);
		assertThat(gateway.whoIsLeader().get(5, TimeUnit.SECONDS)).isEqualTo("leader-1");
		assertThat(gateway.getFencingToken()).isEqualTo(token1);
		fenced.updateFencingToken(token2);
		assertThat(gateway.whoIsLeader().get(5, TimeUnit.SECONDS)).isEqualTo("leader-2");
		assertThat(this.rpcService.connects).extracting(FakeRpcService.ConnectRequest::fencingToken)
			.containsExactly(token1, token2);
		then(leader1).should(never()).getFencingToken();
	}

	@Test
	void viewReportsConnectedAfterASuccessfulCall() {
		TestGateway remote = mock(TestGateway.class);
		this.rpcService.setConnector((request, type) -> CompletableFuture.completedFuture(remote));
		RpcClientProxy<TestGateway> handler = handler(ADDRESS, Duration.ofSeconds(5));
		assertThat(handler.view().state()).isEqualTo(State.NOT_CONNECTED);
		handler.createProxy().hello("x");
		assertThat(handler.view()).satisfies((view) -> {
			assertThat(view.state()).isEqualTo(State.CONNECTED);
			assertThat(view.name()).isEqualTo("jobmaster");
			assertThat(view.gateway()).isEqualTo(TestGateway.class.getName());
			assertThat(view.address()).isEqualTo(ADDRESS);
		});
	}

}
