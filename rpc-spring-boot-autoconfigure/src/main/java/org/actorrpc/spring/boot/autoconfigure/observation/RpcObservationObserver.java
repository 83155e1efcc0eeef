package org.actorrpc.spring.boot.autoconfigure.observation;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;

import org.actorrpc.RpcMethod;
import org.actorrpc.RpcObserver;

/**
 * Wraps RPC calls in Micrometer {@link Observation}s so that tracing spans caller and endpoint:
 * <ul>
 * <li>on the caller, an {@value #CLIENT_OBSERVATION} observation (a {@link SenderContext}) starts
 * with the call, as a child of the caller's current observation; tracing handlers write the trace
 * context into a string map that travels inside the invocation;</li>
 * <li>on the endpoint's main thread, an {@value #SERVER_OBSERVATION} observation (a
 * {@link ReceiverContext}) reads that map, so it continues the caller's trace, and is in scope
 * while the method runs.</li>
 * </ul>
 * Contextual (span) name: {@code com.example.Gateway/method}; low-cardinality key values
 * {@code rpc.system.name} and {@code rpc.method} ({@code Gateway/method}); the client adds
 * {@code server.address} (the endpoint address) as a high-cardinality value.
 *
 * <p>Thread-safe.
 */
public final class RpcObservationObserver implements RpcObserver {

	/** Name of client observations. */
	public static final String CLIENT_OBSERVATION = "actorrpc.client.call";

	/** Name of server observations. */
	public static final String SERVER_OBSERVATION = "actorrpc.server.call";

	private final ObservationRegistry registry;

	/**
	 * Creates the observer.
	 * @param registry the observation registry
	 */
	public RpcObservationObserver(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public ClientCall clientCallStarted(RpcMethod method, String recipient) {
		if (this.registry.isNoop()) {
			return ClientCall.NOOP;
		}
		SenderContext<Map<String, String>> context = new SenderContext<>(Map::put);
		Map<String, String> carrier = new HashMap<>();
		context.setCarrier(carrier);
		context.setRemoteServiceAddress(recipient);
		Observation observation = Observation.createNotStarted(CLIENT_OBSERVATION, () -> context, this.registry)
			.contextualName(method.qualifiedName())
			.lowCardinalityKeyValue("rpc.system.name", "actorrpc")
			.lowCardinalityKeyValue("rpc.method", method.shortName())
			.highCardinalityKeyValue("server.address", recipient)
			.start();
		return new ObservedClientCall(observation, carrier);
	}

	@Override
	public void withIncomingContext(RpcMethod method, Map<String, String> context, Runnable call) {
		if (this.registry.isNoop()) {
			call.run();
			return;
		}
		ReceiverContext<Map<String, String>> receiverContext = new ReceiverContext<>(Map::get);
		receiverContext.setCarrier(context);
		Observation.createNotStarted(SERVER_OBSERVATION, () -> receiverContext, this.registry)
			.contextualName(method.qualifiedName())
			.lowCardinalityKeyValue("rpc.system.name", "actorrpc")
			.lowCardinalityKeyValue("rpc.method", method.shortName())
			.observe(call);
	}

	private record ObservedClientCall(Observation observation, Map<String, String> carrier) implements ClientCall {

		@Override
		public Map<String, String> context() {
			return this.carrier.isEmpty() ? null : this.carrier;
		}

		@Override
		public void completed(Throwable failure) {
			if (failure != null) {
				this.observation.error(failure);
			}
			this.observation.stop();
		}

	}

}
