package org.actorrpc.pekko;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcService;
import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.testutil.Bounded;
import org.actorrpc.testutil.RpcServicePair;
import org.actorrpc.testutil.RpcServices;

import static org.actorrpc.testutil.Bounded.BOUND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Blocking calls that could only end in their timeout are refused at once with an error that says
 * why and what to do instead: a blocking remote call on the transport thread (which would have to
 * deliver its own answer), and a blocking call to an endpoint from its own main thread.
 */
class BlockingCallGuardTest {

	@RegisterExtension
	final RpcServices services = new RpcServices();

	@Test
	void blockingRemoteCallInsideANonAsyncCallbackFailsAtOnceInsteadOfDeadlockingTheTransport() throws Exception {
		RpcServicePair services = this.services.pair(UnaryOperator.identity(),
				(settings) -> settings.askTimeout(Duration.ofSeconds(30)));
		GateEndpoint endpoint = new GateEndpoint(services.server());
		endpoint.start();
		GateGateway gateway = services.connect(endpoint, GateGateway.class);

		// The answer is withheld until release(), so the callback is attached before the answer
		// arrives and therefore runs on the transport thread that delivers it.
		CompletableFuture<String> outcome = gateway.awaitRelease().thenApply((ignored) -> {
			try {
				return gateway.echoSync("second");
			}
			catch (IllegalStateException ex) {
				return ex.getMessage();
			}
		});
		gateway.release();

		assertThat(Bounded.get(outcome)).contains("GateGateway.echoSync(String)",
				"transport thread", "CompletableFuture");
		assertThat(gateway.echoSync("after")).isEqualTo("after");
	}

	@Test
	void blockingCallToAnEndpointFromItsOwnMainThreadFailsAtOnce() throws Exception {
		PekkoRpcService service = this.services.create("guard-self");
		SelfCallingEndpoint endpoint = new SelfCallingEndpoint(service);
		endpoint.start();
		SelfCallingGateway gateway = endpoint.getSelfGateway(SelfCallingGateway.class);

		assertThat(Bounded.get(gateway.callSelf())).contains("SelfCallingGateway.value()",
				"main thread");
	}

	public interface GateGateway extends RpcGateway {

		CompletableFuture<String> awaitRelease();

		void release();

		String echoSync(String message);

	}

	public static class GateEndpoint extends RpcEndpoint implements GateGateway {

		private final CompletableFuture<String> gate = new CompletableFuture<>();

		GateEndpoint(RpcService service) {
			super(service, "gate");
		}

		@Override
		public CompletableFuture<String> awaitRelease() {
			return this.gate;
		}

		@Override
		public void release() {
			this.gate.complete("released");
		}

		@Override
		public String echoSync(String message) {
			return message;
		}

	}

	public interface SelfCallingGateway extends RpcGateway {

		CompletableFuture<String> callSelf();

		int value();

	}

	public static class SelfCallingEndpoint extends RpcEndpoint implements SelfCallingGateway {

		SelfCallingEndpoint(RpcService service) {
			super(service, "self-caller");
		}

		@Override
		public CompletableFuture<String> callSelf() {
			try {
				return CompletableFuture.completedFuture("answered " + getSelfGateway(SelfCallingGateway.class).value());
			}
			catch (IllegalStateException ex) {
				return CompletableFuture.completedFuture(ex.getMessage());
			}
		}

		@Override
		public int value() {
			return 42;
		}

	}

}
