package org.actorrpc;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * One message an endpoint's main thread processed, as its flight recorder kept it
 * ({@link RpcEndpointView#getRecentMessages()}): what it was, who sent it, how long it waited and
 * ran, and how it ended. Immutable.
 *
 * <p>The outcome is that of the main thread's work: a gateway method that returns a
 * {@code CompletableFuture} is {@linkplain #succeeded() recorded as succeeded} when it returned
 * its future, whatever the future completes with later.
 *
 * @param sequenceNumber the message's number in the endpoint's life, counting from 1 in processing
 * order
 * @param kind what kind of message it was
 * @param method {@code Gateway/method} for gateway calls; for the other kinds the task
 * ({@code runAsync}, {@code callAsync}, {@code scheduleRunAsync}) or the lifecycle step:
 * {@code start} (runs {@code onStart}), {@code stop} (suspends), {@code terminate} (runs
 * {@code onStop}) and {@code onStop completed} (its future completed; a failure of
 * {@code onStop} is this step's outcome)
 * @param sender the calling service's address ({@code pekko://system@host:port}) for remote calls,
 * {@code "local"} for everything enqueued inside this service
 * @param fencingToken the fencing token the message carried ({@code toString()}), or {@code null}
 * @param enqueuedAt wall-clock time the message entered the mailbox
 * @param queueWait how long it waited in the mailbox
 * @param processingTime how long the main thread spent on it
 * @param payloadSize size of its serialized request in bytes; 0 for messages that were not
 * serialized (local calls and tasks)
 * @param exceptionType fully qualified class name of the exception it ended with, or {@code null}
 * when it succeeded
 * @param exceptionMessage that exception's message on one line, shortened to at most
 * {@value #MAX_MESSAGE_LENGTH} characters, or {@code null}
 */
public record RecordedMessage(long sequenceNumber, Kind kind, String method, String sender, String fencingToken,
		Instant enqueuedAt, Duration queueWait, Duration processingTime, int payloadSize, String exceptionType,
		String exceptionMessage) {

	/**
	 * The longest exception message the flight recorder keeps: longer ones are cut and end with
	 * {@code "..."}; line breaks become spaces.
	 */
	public static final int MAX_MESSAGE_LENGTH = 200;

	/** What kind of message an endpoint processed. */
	public enum Kind {

		/** A gateway call whose caller waits for an answer. */
		CALL,
		/** A gateway call without an answer ({@code void} method). */
		FIRE_AND_FORGET,
		/** Code enqueued with {@code runAsync} or through the main-thread executor. */
		RUN_ASYNC,
		/** Code enqueued with {@code callAsync}. */
		CALL_ASYNC,
		/** Code that ran after a delay: {@code scheduleRunAsync} or the main-thread executor's schedules. */
		SCHEDULED_RUN,
		/** The endpoint was started: {@code start}, which runs {@code onStart}. */
		START,
		/** The endpoint was suspended or stopped: {@code stop}, {@code terminate}, {@code onStop completed}. */
		STOP

	}

	/**
	 * Checks that the required components are present.
	 */
	public RecordedMessage {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(method, "method");
		Objects.requireNonNull(sender, "sender");
		Objects.requireNonNull(enqueuedAt, "enqueuedAt");
		Objects.requireNonNull(queueWait, "queueWait");
		Objects.requireNonNull(processingTime, "processingTime");
	}

	/**
	 * Returns whether the message ended without an exception.
	 * @return whether it succeeded
	 */
	public boolean succeeded() {
		return this.exceptionType == null;
	}

	/**
	 * Returns the outcome in one word or line: {@code ok}, or the exception type and message.
	 * @return the outcome
	 */
	public String outcome() {
		if (this.exceptionType == null) {
			return "ok";
		}
		return (this.exceptionMessage != null) ? this.exceptionType + ": " + this.exceptionMessage
				: this.exceptionType;
	}

	/**
	 * Returns the message as one readable log line, for example
	 * {@code #42 CALL JobMasterGateway/requestJobStatus from pekko://tm@10.0.0.2:6124 token=7f3a...
	 * enqueued 2026-12-06T23:10:00.123Z waited 0.050 ms ran 1.200 ms 312 B -> ok}.
	 * @return the line
	 */
	@Override
	public String toString() {
		StringBuilder line = new StringBuilder(160);
		line.append('#').append(this.sequenceNumber).append(' ').append(this.kind).append(' ').append(this.method);
		line.append(" from ").append(this.sender);
		if (this.fencingToken != null) {
			line.append(" token=").append(this.fencingToken);
		}
		line.append(" enqueued ").append(this.enqueuedAt.truncatedTo(ChronoUnit.MILLIS));
		line.append(" waited ").append(millis(this.queueWait)).append(" ran ").append(millis(this.processingTime));
		if (this.payloadSize > 0) {
			line.append(' ').append(this.payloadSize).append(" B");
		}
		line.append(" -> ").append(outcome());
		return line.toString();
	}

	private static String millis(Duration duration) {
		return String.format(Locale.ROOT, "%.3f ms", duration.toNanos() / 1_000_000.0);
	}

}
