package org.actorrpc.pekko.internal;

import org.actorrpc.RecordedMessage;
import org.actorrpc.RpcMethod;

/**
 * A message in an endpoint's mailbox. The message is its own queue node (no wrapper allocation
 * per message) and carries the time it was enqueued, for queue-wait metrics.
 */
abstract class MailboxMessage {

	/** Link to the next message; written once by the producer that enqueued that message. */
	volatile MailboxMessage next;

	/** {@link System#nanoTime()} when enqueued. */
	long enqueuedAt;

	/**
	 * Returns what this message invokes, for metrics and views.
	 * @return the method or task kind
	 */
	abstract RpcMethod method();

	/**
	 * Returns how the flight recorder files this message; main thread only.
	 * @return the kind, or {@code null} to leave the message out (flow-control bookkeeping)
	 */
	abstract RecordedMessage.Kind recordedKind();

	/**
	 * Returns what the flight recorder names this message after; main thread only.
	 * @return the method, task or lifecycle step
	 */
	RpcMethod recordedMethod() {
		return method();
	}

	/**
	 * Returns who sent this message, for the flight recorder; main thread only.
	 * @return the sending service's address, or {@link FlightRecorder#LOCAL}
	 */
	String sender() {
		return FlightRecorder.LOCAL;
	}

	/**
	 * Returns the fencing token the message carries; main thread only.
	 * @return the token, or {@code null}
	 */
	Object fencingToken() {
		return null;
	}

	/**
	 * Returns the size of the message's serialized request; main thread only.
	 * @return the size in bytes, 0 when it was not serialized
	 */
	int payloadSize() {
		return 0;
	}

	/**
	 * Processes the message on the endpoint's main thread.
	 * @param server the endpoint's server
	 * @return the failure to report in metrics, or {@code null}
	 */
	abstract Throwable process(EndpointServer server);

	/**
	 * The main thread took the message out of the mailbox: return its flow-control credit, if it
	 * has any. Main thread only.
	 * @param ledger the main thread's ledger of credit owed
	 */
	void taken(CreditLedger ledger) {
	}

	/**
	 * Answers the message without processing it, because the endpoint cannot process it; on the
	 * main thread, after {@link #taken()}.
	 * @param failure why
	 */
	abstract void reject(Throwable failure);

	/**
	 * Answers a message the main thread never took (the endpoint terminated first): as
	 * {@link #reject}, and its credit goes back to its sender. Any thread.
	 * @param failure why
	 */
	void refuse(Throwable failure) {
		reject(failure);
	}

}
