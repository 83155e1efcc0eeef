package org.actorrpc;

import java.util.List;

/**
 * A live, read-only view of one endpoint's mailbox and main thread. Every getter is O(1) (apart
 * from {@link #getMethodStats()}, which is O(methods)) and safe to call from any thread; values
 * are racy snapshots, good for metrics and dashboards.
 */
public interface RpcEndpointView {

	/** Lifecycle state of an endpoint. */
	enum State {

		/** Registered, not started: messages are answered with EndpointNotStartedException. */
		CREATED,
		/** Processing messages. */
		STARTED,
		/** Suspended by {@code stop()}. */
		STOPPED,
		/** {@code onStop} ran; still processing until its future completes. */
		TERMINATING,
		/** Terminated normally. */
		TERMINATED,
		/** Terminated because starting, stopping or a main-thread task failed. */
		FAILED

	}

	/** @return the endpoint id */
	String getEndpointId();

	/** @return the endpoint's address */
	String getAddress();

	/** @return the gateway interfaces the endpoint implements */
	List<Class<? extends RpcGateway>> getGateways();

	/** @return the lifecycle state */
	State getState();

	/** @return the name of the endpoint's dedicated main thread */
	String getMainThreadName();

	/** @return messages waiting in the mailbox, not counting the one being processed */
	int getMailboxDepth();

	/**
	 * Returns how many gateway calls the mailbox queues before it refuses more.
	 * @return the capacity, or -1 if the mailbox is unbounded
	 */
	default int getMailboxCapacity() {
		return -1;
	}

	/**
	 * Returns how many gateway calls were refused because the mailbox was full (local callers that
	 * waited in vain or could not wait, and remote calls and messages that found it full).
	 * @return the count since registration
	 */
	default long getRefusedMessages() {
		return 0;
	}

	/** @return how long the oldest queued message has waited, in nanoseconds; 0 when empty */
	long getOldestQueuedMessageAgeNanos();

	/** @return how long the message being processed has been running, in nanoseconds; 0 when idle */
	long getCurrentMessageAgeNanos();

	/** @return the method being processed, or {@code null} when idle */
	RpcMethod getCurrentMethod();

	/** @return total time the main thread spent processing messages, in nanoseconds */
	long getBusyTimeNanos();

	/** @return messages processed since registration */
	long getProcessedMessages();

	/** @return per-method totals, one entry per method that was invoked at least once */
	List<RpcMethodStats> getMethodStats();

}
