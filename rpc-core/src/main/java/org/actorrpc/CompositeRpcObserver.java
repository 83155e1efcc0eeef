package org.actorrpc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans every {@link RpcObserver} event out to several observers (metrics and tracing, say), in
 * order. A failing observer is logged and skipped; the others still see the event. For incoming
 * context, the first observer's {@code withIncomingContext} wraps the second's, and so on.
 *
 * <p>Thread-safe: immutable, and the delegates are thread-safe by the observer contract.
 */
public final class CompositeRpcObserver implements RpcObserver {

	private static final Logger logger = LoggerFactory.getLogger(CompositeRpcObserver.class);

	private final List<RpcObserver> observers;

	private CompositeRpcObserver(List<RpcObserver> observers) {
		this.observers = List.copyOf(observers);
	}

	/**
	 * Combines the observers.
	 * @param observers the observers, in order
	 * @return {@link RpcObserver#NOOP} for none, the observer itself for one, else a composite
	 */
	public static RpcObserver of(List<RpcObserver> observers) {
		if (observers.isEmpty()) {
			return RpcObserver.NOOP;
		}
		if (observers.size() == 1) {
			return observers.get(0);
		}
		return new CompositeRpcObserver(observers);
	}

	/**
	 * Returns the observers this composite delegates to.
	 * @return the observers, in order
	 */
	public List<RpcObserver> getObservers() {
		return this.observers;
	}

	@Override
	public void endpointRegistered(RpcEndpointView endpoint) {
		for (RpcObserver observer : this.observers) {
			try {
				observer.endpointRegistered(endpoint);
			}
			catch (RuntimeException ex) {
				logFailure(observer, ex);
			}
		}
	}

	@Override
	public void endpointTerminated(RpcEndpointView endpoint, Throwable failure) {
		for (RpcObserver observer : this.observers) {
			try {
				observer.endpointTerminated(endpoint, failure);
			}
			catch (RuntimeException ex) {
				logFailure(observer, ex);
			}
		}
	}

	@Override
	public void serverCallCompleted(RpcEndpointView endpoint, RpcMethod method, long queueWaitNanos,
			long processingNanos, Throwable failure) {
		for (RpcObserver observer : this.observers) {
			try {
				observer.serverCallCompleted(endpoint, method, queueWaitNanos, processingNanos, failure);
			}
			catch (RuntimeException ex) {
				logFailure(observer, ex);
			}
		}
	}

	@Override
	public void capacityWaited(String recipient, String limit, long waitedNanos, boolean admitted) {
		forEach((observer) -> observer.capacityWaited(recipient, limit, waitedNanos, admitted));
	}

	@Override
	public void messagesUndelivered(String recipient, long count) {
		forEach((observer) -> observer.messagesUndelivered(recipient, count));
	}

	/** For the rare events; the per-call ones loop inline so that no lambda is allocated per call. */
	private void forEach(java.util.function.Consumer<RpcObserver> event) {
		for (RpcObserver observer : this.observers) {
			try {
				event.accept(observer);
			}
			catch (RuntimeException ex) {
				logFailure(observer, ex);
			}
		}
	}

	@Override
	public ClientCall clientCallStarted(RpcMethod method, String recipient) {
		List<ClientCall> calls = new ArrayList<>(this.observers.size());
		for (RpcObserver observer : this.observers) {
			try {
				calls.add(observer.clientCallStarted(method, recipient));
			}
			catch (RuntimeException ex) {
				logFailure(observer, ex);
			}
		}
		return new CompositeClientCall(calls);
	}

	@Override
	public void withIncomingContext(RpcMethod method, Map<String, String> context, Runnable call) {
		wrap(0, method, context, call);
	}

	private void wrap(int index, RpcMethod method, Map<String, String> context, Runnable call) {
		if (index == this.observers.size()) {
			call.run();
			return;
		}
		this.observers.get(index).withIncomingContext(method, context, () -> wrap(index + 1, method, context, call));
	}

	private static void logFailure(RpcObserver observer, RuntimeException ex) {
		logger.warn("RpcObserver {} failed; the event was skipped for it", observer, ex);
	}

	private record CompositeClientCall(List<ClientCall> calls) implements ClientCall {

		@Override
		public Map<String, String> context() {
			Map<String, String> merged = null;
			for (ClientCall call : this.calls) {
				Map<String, String> context = call.context();
				if (context != null && !context.isEmpty()) {
					if (merged == null) {
						merged = new HashMap<>();
					}
					merged.putAll(context);
				}
			}
			return merged;
		}

		@Override
		public void completed(Throwable failure) {
			for (ClientCall call : this.calls) {
				try {
					call.completed(failure);
				}
				catch (RuntimeException ex) {
					logger.warn("RpcObserver call handle {} failed on completion", call, ex);
				}
			}
		}

	}

}
