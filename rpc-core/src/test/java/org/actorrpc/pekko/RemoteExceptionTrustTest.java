package org.actorrpc.pekko;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcService;
import org.actorrpc.exceptions.RpcException;
import org.actorrpc.testutil.Bounded;
import org.actorrpc.testutil.RpcServicePair;
import org.actorrpc.testutil.RpcServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Remote exceptions travel as data; the caller rebuilds only exception types it trusts (JDK,
 * actorrpc, declared in the method's throws clause), and never instantiates any other type a
 * remote side names.
 */
class RemoteExceptionTrustTest {

	@RegisterExtension
	static final RpcServices SERVICES = new RpcServices();

	static final AtomicInteger undeclaredInstances = new AtomicInteger();

	private static TrustGateway gateway;

	public static class DeclaredFailure extends Exception {

		private static final long serialVersionUID = 1L;

		public DeclaredFailure(String message) {
			super(message);
		}

	}

	public static class UndeclaredFailure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		public UndeclaredFailure(String message) {
			super(message);
			undeclaredInstances.incrementAndGet();
		}

	}

	public interface TrustGateway extends RpcGateway {

		CompletableFuture<String> declared() throws DeclaredFailure;

		CompletableFuture<String> undeclared();

	}

	public static class TrustEndpoint extends RpcEndpoint implements TrustGateway {

		public TrustEndpoint(RpcService service) {
			super(service, "trust");
		}

		@Override
		public CompletableFuture<String> declared() throws DeclaredFailure {
			throw new DeclaredFailure("declared failure");
		}

		@Override
		public CompletableFuture<String> undeclared() {
			throw new UndeclaredFailure("undeclared failure");
		}

	}

	@BeforeAll
	static void startServices() throws Exception {
		RpcServicePair services = SERVICES.pair();
		TrustEndpoint endpoint = new TrustEndpoint(services.server());
		endpoint.start();
		gateway = services.connect(endpoint, TrustGateway.class);
	}

	@AfterAll
	static void forgetGateway() {
		gateway = null;
	}

	@Test
	void exceptionDeclaredInTheThrowsClauseIsRebuiltAsItsOwnType() throws Exception {
		assertThatThrownBy(() -> Bounded.get(gateway.declared())).isInstanceOf(ExecutionException.class)
			.cause()
			.isInstanceOf(DeclaredFailure.class)
			.hasMessage("declared failure");
	}

	@Test
	void undeclaredApplicationExceptionArrivesAsRpcExceptionNamingItsTypeWithoutBeingInstantiated() {
		int createdByTheEndpoint = 1;
		assertThatThrownBy(() -> Bounded.get(gateway.undeclared())).isInstanceOf(ExecutionException.class)
			.cause()
			.isExactlyInstanceOf(RpcException.class)
			.hasMessageContaining(UndeclaredFailure.class.getName())
			.hasMessageContaining("undeclared failure");
		assertThat(undeclaredInstances).hasValue(createdByTheEndpoint);
	}

}
