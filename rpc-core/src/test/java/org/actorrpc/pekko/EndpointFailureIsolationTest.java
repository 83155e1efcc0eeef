package org.actorrpc.pekko;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcService;
import org.actorrpc.exceptions.RecipientUnreachableException;
import org.actorrpc.testutil.Bounded;
import org.actorrpc.testutil.EchoEndpoint;
import org.actorrpc.testutil.EchoGateway;
import org.actorrpc.testutil.Failures;
import org.actorrpc.testutil.RpcServicePair;
import org.actorrpc.testutil.RpcServices;

import static org.actorrpc.testutil.Bounded.BOUND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One failing endpoint terminates only itself; its siblings on the same service keep serving
 * (Flink tears down the whole actor system: SupervisorActorTest#completesTerminationFutureOfSiblingsIfActorFails).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointFailureIsolationTest {

	/**
	 * Two services shared by the tests of this class: failing endpoints must not harm the shared
	 * server, which is itself part of what these tests prove.
	 */
	@RegisterExtension
	static final RpcServices SERVICES = new RpcServices();

	private RpcServicePair services;

	private EchoGateway healthyRemote;

	private EchoEndpoint healthy;

	@BeforeAll
	void startServices() {
		this.services = SERVICES.pair();
	}

	@BeforeEach
	void startHealthyEndpoint() throws Exception {
		this.healthy = this.services.startEndpoint(EchoEndpoint::new, this.services.nextEndpointId("healthy"));
		this.healthyRemote = this.services.connect(this.healthy, EchoGateway.class);
	}

	@Test
	void endpointWhoseOnStartThrowsTerminatesAloneAndOthersKeepServing() throws Exception {
		FragileEndpoint failing = new FragileEndpoint(this.services.server(), "fails-on-start-0", true);

		failing.start();

		Throwable failure = Failures.failureOf(failing.getTerminationFuture(), BOUND);
		assertThat(Failures.requireCause(failure, IllegalStateException.class)).hasMessage("onStart failed");
		assertThat(Bounded.get(this.healthyRemote.echo("still serving"))).isEqualTo("still serving");
		assertThat(this.healthy.getTerminationFuture()).isNotDone();
	}

	@Test
	void errorEscapingARunAsyncTerminatesOnlyThatEndpoint() throws Exception {
		FragileEndpoint failing = startFragileEndpoint("error-in-run-async-1", false);
		FragileGateway gateway = failing.getSelfGateway(FragileGateway.class);
		assertThat(Bounded.get(gateway.ping())).isEqualTo("pong");

		gateway.failWithErrorInRunAsync();

		Throwable failure = Failures.failureOf(failing.getTerminationFuture(), BOUND);
		assertThat(Failures.requireCause(failure, EndpointError.class)).hasMessage("fatal for this endpoint only");
		assertThat(Failures.failureOfCall(gateway::ping, BOUND)).isInstanceOf(RecipientUnreachableException.class);
		assertThat(Bounded.get(this.healthyRemote.echo("still serving"))).isEqualTo("still serving");
		assertThat(this.healthy.getTerminationFuture()).isNotDone();
	}

	@Test
	void exceptionThrownByARunAsyncIsSwallowedAndTheEndpointKeepsRunning() throws Exception {
		FragileEndpoint endpoint = startFragileEndpoint("exception-in-run-async-2", false);
		FragileGateway gateway = endpoint.getSelfGateway(FragileGateway.class);

		gateway.failWithExceptionInRunAsync();

		assertThat(Bounded.get(gateway.ping())).isEqualTo("pong");
		assertThat(endpoint.getTerminationFuture()).isNotDone();
	}

	@Test
	void serviceAcceptsNewEndpointsAfterOneFailed() throws Exception {
		FragileEndpoint failing = startFragileEndpoint("fails-on-start-3", true);
		Failures.failureOf(failing.getTerminationFuture(), BOUND);

		EchoEndpoint next = this.services.startEndpoint(EchoEndpoint::new, "next-3");

		assertThat(Bounded.get(next.getSelfGateway(EchoGateway.class).echo("new"))).isEqualTo("new");
		EchoEndpoint reused = this.services.startEndpoint(EchoEndpoint::new, "fails-on-start-3");
		assertThat(Bounded.get(reused.getSelfGateway(EchoGateway.class).echo("reused id"))).isEqualTo("reused id");
	}

	private FragileEndpoint startFragileEndpoint(String endpointId, boolean failOnStart) {
		return this.services.startEndpoint((service, id) -> new FragileEndpoint(service, id, failOnStart), endpointId);
	}

	/** An error type that is not a VirtualMachineError. */
	static final class EndpointError extends Error {

		private static final long serialVersionUID = 1L;

		EndpointError(String message) {
			super(message);
		}

	}

	/** Gateway of {@link FragileEndpoint}. */
	public interface FragileGateway extends RpcGateway {

		CompletableFuture<String> ping();

		void failWithErrorInRunAsync();

		void failWithExceptionInRunAsync();

	}

	static class FragileEndpoint extends RpcEndpoint implements FragileGateway {

		private final boolean failOnStart;

		FragileEndpoint(RpcService rpcService, String endpointId, boolean failOnStart) {
			super(rpcService, endpointId);
			this.failOnStart = failOnStart;
		}

		@Override
		protected void onStart() {
			if (this.failOnStart) {
				throw new IllegalStateException("onStart failed");
			}
		}

		@Override
		public CompletableFuture<String> ping() {
			return CompletableFuture.completedFuture("pong");
		}

		@Override
		public void failWithErrorInRunAsync() {
			runAsync(() -> {
				throw new EndpointError("fatal for this endpoint only");
			});
		}

		@Override
		public void failWithExceptionInRunAsync() {
			runAsync(() -> {
				throw new IllegalArgumentException("logged and ignored");
			});
		}

	}

}
