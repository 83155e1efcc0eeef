package org.actorrpc.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.actorrpc.CompositeRpcObserver;
import org.actorrpc.RpcMethod;
import org.actorrpc.RpcObserver;
import org.actorrpc.spring.boot.autoconfigure.observation.RpcObservationObserver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CompositeRpcObserver} and {@link RpcObservationObserver}.
 */
class CompositeRpcObserverTests {

	private static final RpcMethod ECHO = new RpcMethod(TestGateway.class.getName(), "TestGateway", "echo");

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
			public void serverCallCompleted(org.actorrpc.RpcEndpointView endpoint, RpcMethod method, long wait,
					long processing, Throwable failure) {
				throw new IllegalStateException("observer bug");
			}

			@Override
			public ClientCall clientCallStarted(RpcMethod method, String recipient) {
				throw new IllegalStateException("observer bug");
			}
		};
		RpcObserver recording = new RpcObserver() {
			@Override
			public void serverCallCompleted(org.actorrpc.RpcEndpointView endpoint, RpcMethod method, long wait,
					long processing, Throwable failure) {
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
		assertThat(call.context()).containsEntry("traceparent", "00-abc");
		call.completed(null);
		assertThat(seen).containsExactly("server:TestGateway/echo", "client-completed");
	}

	@Test
	void incomingContextWrapsInObserverOrder() {
		List<String> seen = new ArrayList<>();
		RpcObserver outer = wrapping("outer", seen);
		RpcObserver inner = wrapping("inner", seen);
		CompositeRpcObserver.of(List.of(outer, inner))
			.withIncomingContext(ECHO, Map.of(), () -> seen.add("call"));
		assertThat(seen).containsExactly("outer-in", "inner-in", "call", "inner-out", "outer-out");
	}

	@Test
	void observationObserverOpensAClientObservationAndAServerScope() {
		ObservationRegistry registry = ObservationRegistry.create();
		List<String> events = new ArrayList<>();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {
			@Override
			public void onStart(Observation.Context context) {
				events.add("start:" + context.getName() + ":" + context.getContextualName());
			}

			@Override
			public void onError(Observation.Context context) {
				events.add("error:" + context.getName());
			}

			@Override
			public void onStop(Observation.Context context) {
				events.add("stop:" + context.getName() + ":"
						+ context.getLowCardinalityKeyValue("rpc.method").getValue());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}
		});
		RpcObservationObserver observer = new RpcObservationObserver(registry);
		RpcObserver.ClientCall call = observer.clientCallStarted(ECHO, "pekko://a@127.0.0.1:1/user/rpc/x");
		call.completed(new IllegalStateException("failed"));
		observer.withIncomingContext(ECHO, Map.of("traceparent", "00-abc"),
				() -> events.add("current:" + registry.getCurrentObservation().getContext().getName()));
		assertThat(events).containsExactly(
				"start:actorrpc.client.call:" + TestGateway.class.getName() + "/echo", "error:actorrpc.client.call",
				"stop:actorrpc.client.call:TestGateway/echo",
				"start:actorrpc.server.call:" + TestGateway.class.getName() + "/echo", "current:actorrpc.server.call",
				"stop:actorrpc.server.call:TestGateway/echo");
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
