package org.actorrpc;

/**
 * Receives RPC events, for metrics and tracing, without rpc-core depending on any metrics
 * library. Install one through the service settings.
 *
 * <p>Server events are delivered on the endpoint's main thread right after the message was
 * processed; client events on whichever thread completed the call. Implementations must be
 * thread-safe, fast and must not throw (exceptions are logged and ignored).
 */
public interface RpcObserver {

	/** An observer that ignores every event. */
	RpcObserver NOOP = new RpcObserver() {
	};

	/**
	 * An endpoint was registered with the service.
	 * @param endpoint the endpoint's view
	 */
	default void endpointRegistered(RpcEndpointView endpoint) {
	}

	/**
	 * An endpoint terminated.
	 * @param endpoint the endpoint's view
	 * @param failure why it failed, or {@code null} when it terminated normally
	 */
	default void endpointTerminated(RpcEndpointView endpoint, Throwable failure) {
	}

	/**
	 * An endpoint processed one message on its main thread.
	 * @param endpoint the endpoint's view
	 * @param method the invoked method (or main-thread task kind)
	 * @param queueWaitNanos time the message waited in the mailbox
	 * @param processingNanos time the main thread spent on it
	 * @param failure the exception it threw, or {@code null}
	 */
	default void serverCallCompleted(RpcEndpointView endpoint, RpcMethod method, long queueWaitNanos,
			long processingNanos, Throwable failure) {
	}

	/**
	 * A gateway call starts on the calling thread. The returned handle is completed exactly once,
	 * when the call completes (for fire-and-forget calls: once the message was handed to the
	 * transport).
	 * @param method the invoked method
	 * @param recipient address of the endpoint called
	 * @return a handle for this call; {@link ClientCall#NOOP} to ignore it
	 */
	default ClientCall clientCallStarted(RpcMethod method, String recipient) {
		return ClientCall.NOOP;
	}

	/**
	 * A caller found a flow-control limit reached: the window of messages in flight to a remote
	 * endpoint, or a local endpoint's mailbox capacity. Called on the calling thread after it waited
	 * (or could not wait); never on the fast path.
	 * @param recipient address of the endpoint called
	 * @param limit {@code "window"} or {@code "mailbox"}
	 * @param waitedNanos how long the caller waited for capacity (0 when it could not wait)
	 * @param admitted whether capacity came in time and the call went ahead; {@code false} means the
	 * call failed with the limit's error
	 */
	default void capacityWaited(String recipient, String limit, long waitedNanos, boolean admitted) {
	}

	/**
	 * Messages sent by this service were not, or not confirmed as, delivered: the remote service
	 * became unreachable or restarted while they were in flight, or the receiving endpoint refused
	 * fire-and-forget messages (its mailbox was full, or it was not running). Calls among them fail
	 * on their own; this event is how lost fire-and-forget messages become visible. Called on a
	 * transport or scheduler thread.
	 * @param recipient address of the remote service or endpoint
	 * @param count how many messages
	 */
	default void messagesUndelivered(String recipient, long count) {
	}

	/**
	 * Wraps the processing of an incoming call that carried context, on the endpoint's main thread.
	 * The default just runs the call.
	 * @param method the invoked method
	 * @param context the headers the caller attached
	 * @param call the processing to run
	 */
	default void withIncomingContext(RpcMethod method, java.util.Map<String, String> context, Runnable call) {
		call.run();
	}

	/**
	 * One call in flight, as seen by an observer on the caller's side.
	 */
	interface ClientCall {

		/** A handle that carries no context and ignores completion. */
		ClientCall NOOP = new ClientCall() {
		};

		/**
		 * Returns context to carry with the call (for example a trace context).
		 * @return string headers, or {@code null} for none
		 */
		default java.util.Map<String, String> context() {
			return null;
		}

		/**
		 * The call completed.
		 * @param failure why it failed, or {@code null}
		 */
		default void completed(Throwable failure) {
		}

	}

}
