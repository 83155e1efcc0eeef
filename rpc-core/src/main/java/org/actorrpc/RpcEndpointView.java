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

	/**
	 * Returns the most recent messages the endpoint's main thread processed, newest first, as its
	 * flight recorder keeps them (the service's {@code flightRecorderSize}, 256 by default). The
	 * list is a copy: it does not change as the endpoint goes on. An entry the main thread is
	 * overwriting while the copy is taken is left out. O(size).
	 * @return the recorded messages, newest first; empty when the flight recorder is off
	 */
	default List<RecordedMessage> getRecentMessages() {
		return List.of();
	}

	/**
	 * Returns at most {@code limit} of the most recent messages, newest first, as
	 * {@link #getRecentMessages()}.
	 * @param limit the most to return
	 * @return the newest recorded messages, newest first
	 */
	default List<RecordedMessage> getRecentMessages(int limit) {
		List<RecordedMessage> all = getRecentMessages();
		return (all.size() > limit) ? List.copyOf(all.subList(0, Math.max(0, limit))) : all;
	}

}
