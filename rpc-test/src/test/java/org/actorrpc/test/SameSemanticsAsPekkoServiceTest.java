package org.actorrpc.test;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.actorrpc.FencedRpcEndpoint;
import org.actorrpc.FencedRpcGateway;
import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcService;
import org.actorrpc.exceptions.EndpointNotStartedException;
import org.actorrpc.exceptions.FencingTokenException;
import org.actorrpc.exceptions.HandshakeException;
import org.actorrpc.exceptions.RpcException;
import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.pekko.PekkoRpcServiceSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The answers a user's test sees on the {@link TestingRpcService} are the real service's: each
 * case runs on both a {@code TestingRpcService} and a local {@link PekkoRpcService} and expects the
 * same exception with the same text (the endpoint's address aside).
 */
class SameSemanticsAsPekkoServiceTest {

	private RpcService service;

	@AfterEach
	void close() {
		if (this.service != null) {
			this.service.closeAsync().join();
		}
	}

	enum Kind {

		TESTING(TestingRpcService::create),

		PEKKO(() -> new PekkoRpcService(PekkoRpcServiceSettings.builder().systemName("same-semantics").build()));

		private final Supplier<RpcService> factory;

		Kind(Supplier<RpcService> factory) {
			this.factory = factory;
		}

	}

	private RpcService start(Kind kind) {
		this.service = kind.factory.get();
		return this.service;
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void aCallToAnEndpointThatIsNotStartedIsDiscarded(Kind kind) {
		RpcService service = start(kind);
		new Plain(service);
		SemanticsGateway gateway = service.connect(service.getEndpointAddress("plain"), SemanticsGateway.class)
			.join();

		assertThatThrownBy(() -> gateway.ping().join()).cause()
			.isInstanceOf(EndpointNotStartedException.class)
			.hasMessage("Discard message SemanticsGateway.ping(), because the rpc endpoint "
					+ service.getEndpointAddress("plain") + " has not been started yet.");
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void anAsyncMethodsFailureArrivesUnwrappedAndANullFutureIsAnError(Kind kind) {
		RpcService service = start(kind);
		new Plain(service).start();
		SemanticsGateway gateway = service.connect(service.getEndpointAddress("plain"), SemanticsGateway.class)
			.join();

		assertThat(gateway.ping().join()).isEqualTo("pong");
		assertThatThrownBy(() -> gateway.failing().join()).isInstanceOf(CompletionException.class)
			.cause()
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("boom");
		assertThatThrownBy(() -> gateway.nothing().join()).cause()
			.isInstanceOf(RpcException.class)
			.hasMessage("SemanticsGateway.nothing() returned null instead of a CompletableFuture");
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void aFencedEndpointRefusesAWrongTokenAMissingTokenAndEverythingWhileItDoesNotLead(Kind kind) {
		RpcService service = start(kind);
		UUID token = UUID.randomUUID();
		Fenced endpoint = new Fenced(service);
		endpoint.start();
		String address = service.getEndpointAddress("fenced");
		FencedSemanticsGateway right = service.connect(address, token, FencedSemanticsGateway.class).join();
		FencedSemanticsGateway none = service.connect(address, FencedSemanticsGateway.class).join();

		assertThatThrownBy(() -> right.ping().join()).cause()
			.isInstanceOf(FencingTokenException.class)
			.hasMessageStartingWith("Not the leader: Ignoring message FencedSemanticsGateway.ping() sent to " + address);
		endpoint.updateFencingToken(token);
		assertThat(right.ping().join()).isEqualTo("pong");
		UUID other = UUID.randomUUID();
		FencedSemanticsGateway wrong = service.connect(address, other, FencedSemanticsGateway.class).join();
		assertThatThrownBy(() -> wrong.ping().join()).cause()
			.isInstanceOf(FencingTokenException.class)
			.hasMessage("Fencing token mismatch: Ignoring message FencedSemanticsGateway.ping() because the fencing "
					+ "token " + other + " did not match the expected fencing token " + token + ".");
		assertThatThrownBy(() -> none.ping().join()).cause()
			.isInstanceOf(FencingTokenException.class)
			.hasMessageStartingWith("Fencing token missing: Ignoring message FencedSemanticsGateway.ping() sent to "
					+ address + " because it carries no fencing token.");
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void connectChecksTheGatewayAndTheToken(Kind kind) {
		RpcService service = start(kind);
		Plain endpoint = new Plain(service);
		endpoint.start();
		String address = service.getEndpointAddress("plain");

		assertThatThrownBy(() -> service.connect(address, FencedSemanticsGateway.class).join()).cause()
			.isInstanceOf(HandshakeException.class)
			.hasMessage("The rpc endpoint does not support the gateway FencedSemanticsGateway.");
		assertThatThrownBy(() -> service.connect(address, null, FencedSemanticsGateway.class).join()).cause()
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("fencingToken must not be null");
		assertThatThrownBy(() -> endpoint.getSelfGateway(FencedSemanticsGateway.class))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("RpcEndpoint plain does not implement the RpcGateway interface "
					+ FencedSemanticsGateway.class.getName() + ".");
	}

	interface SemanticsGateway extends RpcGateway {

		CompletableFuture<String> ping();

		CompletableFuture<String> failing();

		CompletableFuture<String> nothing();

	}

	interface FencedSemanticsGateway extends FencedRpcGateway<UUID> {

		CompletableFuture<String> ping();

	}

	static final class Plain extends RpcEndpoint implements SemanticsGateway {

		Plain(RpcService service) {
			super(service, "plain");
		}

		@Override
		public CompletableFuture<String> ping() {
			return CompletableFuture.completedFuture("pong");
		}

		@Override
		public CompletableFuture<String> failing() {
			return CompletableFuture.failedFuture(new IllegalStateException("boom"));
		}

		@Override
		public CompletableFuture<String> nothing() {
			return null;
		}

	}

	static final class Fenced extends FencedRpcEndpoint<UUID> implements FencedSemanticsGateway {

		Fenced(RpcService service) {
			super(service, "fenced");
		}

		@Override
		public CompletableFuture<String> ping() {
			return CompletableFuture.completedFuture("pong");
		}

	}

}
