package org.actorrpc.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.actorrpc.RpcMethod;
import org.actorrpc.RpcObserver;
import org.actorrpc.spring.boot.autoconfigure.observation.RpcObservationObserver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RpcObservationObserver} (the composite it is combined with is tested in rpc-core).
 */
class RpcObservationObserverTests {

	private static final RpcMethod ECHO = new RpcMethod(TestGateway.class.getName(), "TestGateway", "echo");

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

}
