package org.actorrpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CompositeRpcObserver}: every observer sees every event, in order, and a failing one
 * hides nothing from the others.
 */
class CompositeRpcObserverTest {

	private static final RpcMethod ECHO = new RpcMethod("com.example.EchoGateway", "EchoGateway", "echo");

	@Test
	void noneOrOneObserverNeedsNoComposite() {
		RpcObserver one = new RpcObserver() {
		};
		assertThat(CompositeRpcObserver.of(List.of())).isSameAs(RpcObserver.NOOP);
		assertThat(CompositeRpcObserver.of(List.of(one))).isSameAs(one);
	}

	@Test
	void aFailingObserverDoesNotHideEventsFromTheOthers() {
		List<String> seen = new ArrayList<>();
		RpcObserver failing = new RpcObserver() {

			@Override
			public void serverCallCompleted(RpcEndpointView endpoint, RpcMethod method, long wait, long processing,
					Throwable failure) {
				throw new IllegalStateException("observer bug");
			}

			@Override
			public ClientCall clientCallStarted(RpcMethod method, String recipient) {
				throw new IllegalStateException("observer bug");
			}

		};
		RpcObserver recording = new RpcObserver() {

			@Override
			public void serverCallCompleted(RpcEndpointView endpoint, RpcMethod method, long wait, long processing,
					Throwable failure) {
				seen.add("server:" + method.shortName());
			}

			@Override
			public ClientCall clientCallStarted(RpcMethod method, String recipient) {
				return new ClientCall() {

					@Override
					public Map<String, String> context() {
						return Map.of("traceparent", "00-abc");
					}

					@Override
					public void completed(Throwable failure) {
						seen.add("client-completed");
					}

				};
			}

		};
		RpcObserver composite = CompositeRpcObserver.of(List.of(failing, recording));

		composite.serverCallCompleted(null, ECHO, 1, 1, null);
		RpcObserver.ClientCall call = composite.clientCallStarted(ECHO, "pekko://a@127.0.0.1:1/user/rpc/x");
		call.completed(null);

		assertThat(call.context()).containsEntry("traceparent", "00-abc");
		assertThat(seen).containsExactly("server:EchoGateway/echo", "client-completed");
	}

	@Test
	void incomingContextWrapsInObserverOrder() {
		List<String> seen = new ArrayList<>();
		CompositeRpcObserver.of(List.of(wrapping("outer", seen), wrapping("inner", seen)))
			.withIncomingContext(ECHO, Map.of(), () -> seen.add("call"));

		assertThat(seen).containsExactly("outer-in", "inner-in", "call", "inner-out", "outer-out");
	}

	private static RpcObserver wrapping(String name, List<String> seen) {
		return new RpcObserver() {

			@Override
			public void withIncomingContext(RpcMethod method, Map<String, String> context, Runnable call) {
				seen.add(name + "-in");
				call.run();
				seen.add(name + "-out");
			}

		};
	}

}
