package org.actorrpc.pekko;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Limits that keep every endpoint's mailbox, and so every service's memory, bounded however fast
 * its callers are. Immutable.
 *
 * <p><b>Windows.</b> A service starts sending a message to one remote endpoint only while fewer
 * than {@code windowMessages} messages, and fewer than {@code windowBytes} bytes of payload (each
 * message's serialized arguments), are in flight to it: sent, and not yet taken out of its mailbox
 * by its main thread. The receiving side hands the credit back as it works (one small grant per
 * quarter window, and one per message of a sixteenth of the byte window or more), so a sender is
 * slowed to the rate the endpoint really processes. The payload in flight so passes
 * {@code windowBytes} by less than one message (itself at most {@code maxFrameSize}): 16 calls of
 * 1 MiB fit the 16 MiB default whatever their encoding adds, and a message larger than the whole
 * window is sent when nothing else is in flight to that endpoint.
 *
 * <p><b>Mailboxes.</b> An endpoint queues at most {@code mailboxCapacity} gateway calls
 * (local and remote together; its own {@code runAsync}, scheduled runs and lifecycle messages
 * are not counted and never refused). {@code mailboxCapacities} overrides it per endpoint id.
 *
 * <p><b>At a limit.</b> A calling thread that may block waits up to {@code overflowTimeout} for
 * capacity, then the call fails with an {@code RpcException} naming the endpoint, the limit and the
 * setting that raises it. Callers waiting for room in a full mailbox, or for credit in an exhausted
 * window, are served first come, first served: one that started waiting earlier gets room (or
 * credit) before a later one, and a caller that arrives while others wait queues behind them, so no
 * caller waits while later ones are served (callers that one credit grant serves together send as
 * their threads run). A local
 * call that expects an answer stops waiting when its own timeout passes. Threads that must not block — any
 * endpoint's main thread (two endpoints waiting for each other would deadlock) and the transport
 * thread — never wait: they take any capacity there is at once, ahead of waiting callers, and
 * their call fails at once only when there is none. A remote call that finds the receiving mailbox full is answered with the same error; a
 * fire-and-forget message refused that way is counted and logged on the sender as undelivered.
 * Nothing is dropped silently.
 *
 * @param windowMessages messages in flight from one service to one remote endpoint
 * @param windowBytes payload bytes in flight from one service to one remote endpoint below which
 * another message may start
 * @param mailboxCapacity gateway calls an endpoint queues before it refuses more
 * @param mailboxCapacities per endpoint id, a capacity that overrides {@code mailboxCapacity}
 * @param overflowTimeout how long a calling thread waits for capacity before the call fails; zero
 * fails at once
 */
public record FlowControlSettings(int windowMessages, long windowBytes, int mailboxCapacity,
		Map<String, Integer> mailboxCapacities, Duration overflowTimeout) {

	/** Default window: 1024 messages. */
	public static final int DEFAULT_WINDOW_MESSAGES = 1024;

	/** Default window: 16 MiB of payload. */
	public static final long DEFAULT_WINDOW_BYTES = 16L * 1024 * 1024;

	/** Default mailbox capacity: 16384 gateway calls. */
	public static final int DEFAULT_MAILBOX_CAPACITY = 16384;

	/** Default overflow timeout: 10 seconds, the default ask timeout. */
	public static final Duration DEFAULT_OVERFLOW_TIMEOUT = Duration.ofSeconds(10);

	/** The largest window in messages the transport can count. */
	public static final int MAX_WINDOW_MESSAGES = (1 << 22);

	/** The largest window in bytes the transport can count. */
	public static final long MAX_WINDOW_BYTES = (1L << 40) - 1;

	/**
	 * Validates the limits.
	 * @throws IllegalArgumentException naming the invalid limit
	 */
	public FlowControlSettings {
		if (windowMessages < 4 || windowMessages > MAX_WINDOW_MESSAGES) {
			throw new IllegalArgumentException("flow control windowMessages must be between 4 and "
					+ MAX_WINDOW_MESSAGES + " but was " + windowMessages);
		}
		if (windowBytes < 1024 || windowBytes > MAX_WINDOW_BYTES) {
			throw new IllegalArgumentException("flow control windowBytes must be between 1024 and "
					+ MAX_WINDOW_BYTES + " but was " + windowBytes);
		}
		requireCapacity(mailboxCapacity, "mailboxCapacity");
		mailboxCapacities = Map.copyOf(Objects.requireNonNull(mailboxCapacities, "mailboxCapacities"));
		mailboxCapacities.forEach((id, capacity) -> requireCapacity(capacity, "mailboxCapacities[" + id + "]"));
		if (overflowTimeout == null || overflowTimeout.isNegative()) {
			throw new IllegalArgumentException("flow control overflowTimeout must be zero or positive but was "
					+ overflowTimeout);
		}
	}

	private static void requireCapacity(Integer capacity, String name) {
		if (capacity == null || capacity < 1) {
			throw new IllegalArgumentException("flow control " + name + " must be at least 1 but was " + capacity);
		}
	}

	/**
	 * Returns the defaults: a window of 1024 messages and 16 MiB, mailboxes of 16384 calls, and
	 * callers that wait up to 10 seconds.
	 * @return the default limits
	 */
	public static FlowControlSettings defaults() {
		return new FlowControlSettings(DEFAULT_WINDOW_MESSAGES, DEFAULT_WINDOW_BYTES, DEFAULT_MAILBOX_CAPACITY,
				Map.of(), DEFAULT_OVERFLOW_TIMEOUT);
	}

	/**
	 * Returns the mailbox capacity of one endpoint.
	 * @param endpointId the endpoint id
	 * @return its override, or {@link #mailboxCapacity()}
	 */
	public int mailboxCapacityOf(String endpointId) {
		return this.mailboxCapacities.getOrDefault(endpointId, this.mailboxCapacity);
	}

	/**
	 * Returns a copy with another window.
	 * @param messages the window in messages
	 * @param bytes the window in bytes
	 * @return the new settings
	 */
	public FlowControlSettings withWindow(int messages, long bytes) {
		return new FlowControlSettings(messages, bytes, this.mailboxCapacity, this.mailboxCapacities,
				this.overflowTimeout);
	}

	/**
	 * Returns a copy with another default mailbox capacity.
	 * @param capacity the capacity
	 * @return the new settings
	 */
	public FlowControlSettings withMailboxCapacity(int capacity) {
		return new FlowControlSettings(this.windowMessages, this.windowBytes, capacity, this.mailboxCapacities,
				this.overflowTimeout);
	}

	/**
	 * Returns a copy with a mailbox capacity for one endpoint.
	 * @param endpointId the endpoint id
	 * @param capacity its capacity
	 * @return the new settings
	 */
	public FlowControlSettings withMailboxCapacity(String endpointId, int capacity) {
		Map<String, Integer> capacities = new java.util.HashMap<>(this.mailboxCapacities);
		capacities.put(endpointId, capacity);
		return new FlowControlSettings(this.windowMessages, this.windowBytes, this.mailboxCapacity, capacities,
				this.overflowTimeout);
	}

	/**
	 * Returns a copy with another overflow timeout.
	 * @param timeout how long callers wait for capacity
	 * @return the new settings
	 */
	public FlowControlSettings withOverflowTimeout(Duration timeout) {
		return new FlowControlSettings(this.windowMessages, this.windowBytes, this.mailboxCapacity,
				this.mailboxCapacities, timeout);
	}

}
