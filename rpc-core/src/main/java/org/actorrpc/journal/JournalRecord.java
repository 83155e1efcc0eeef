package org.actorrpc.journal;

import java.time.Instant;
import java.util.Arrays;

/**
 * One record of an endpoint's journal, as read back by {@link JournalReader}. Records come in the
 * endpoint's main-thread order. A <em>message</em> record ({@link #isMessage()}) is one message the
 * main thread processed and carries its sequence number (1, 2, 3, … over the endpoint's life); the
 * <em>effect</em> records after it (clock readings, outbound calls, connects, scheduled timers,
 * results of blocking calls) are what the endpoint did or observed while processing that message,
 * in that order, and carry the same sequence number.
 *
 * <p>Work the endpoint created while processing message {@code n} (a task, a timer, an outbound
 * call, a connect) is named by an {@link Origin} {@code n.k}: the k-th such item of message n.
 * Because an endpoint is deterministic given its inputs, a replay creates the same origins, which
 * is how a recorded timer firing or call result is matched to the replayed endpoint's own timer or
 * call. Immutable.
 */
public sealed interface JournalRecord {

	/**
	 * Returns the sequence number of the message this record is, or belongs to.
	 * @return the sequence number, 1 or greater
	 */
	long sequence();

	/**
	 * Whether this record starts a message (as opposed to an effect inside one).
	 * @return whether it is a message
	 */
	default boolean isMessage() {
		return !(this instanceof ClockRead || this instanceof Called || this instanceof Connected
				|| this instanceof Scheduled || this instanceof Returned || this instanceof FencingTokenChanged
				|| this instanceof Ended);
	}

	/**
	 * What an endpoint created while processing a message: the {@code index}-th task, timer, call
	 * or connect of message {@code sequence}.
	 *
	 * @param sequence the message that created it
	 * @param index its position among that message's creations, from 1
	 */
	record Origin(long sequence, int index) {

		@Override
		public String toString() {
			return this.sequence + "." + this.index;
		}

	}

	/**
	 * The endpoint started: {@code onStart()} ran.
	 * @param sequence the message's sequence number
	 * @param fencingToken a fenced endpoint's fencing token at that time, or {@code null}
	 */
	record Started(long sequence, Object fencingToken) implements JournalRecord {
	}

	/**
	 * The endpoint was closed: {@code onStop()} ran.
	 * @param sequence the message's sequence number
	 */
	record Stopped(long sequence) implements JournalRecord {
	}

	/**
	 * A gateway method was invoked on the endpoint (a remote or local call or fire-and-forget
	 * message), after it passed the fencing check.
	 * @param sequence the message's sequence number
	 * @param gateway the gateway interface's class name
	 * @param method the method name
	 * @param methodIndex the method's index in the gateway's contract
	 * @param args the arguments, or {@code null} if they could not be serialized
	 * @param unrecorded why the arguments are missing, or {@code null}
	 */
	record Invoked(long sequence, String gateway, String method, int methodIndex, Object[] args,
			String unrecorded) implements JournalRecord {

		@Override
		public boolean equals(Object other) {
			return other instanceof Invoked that && this.sequence == that.sequence && this.gateway.equals(that.gateway)
					&& this.methodIndex == that.methodIndex && Arrays.deepEquals(this.args, that.args);
		}

		@Override
		public int hashCode() {
			return Long.hashCode(this.sequence) * 31 + this.methodIndex;
		}

		@Override
		public String toString() {
			return "Invoked[" + this.sequence + ", " + simpleName(this.gateway) + "." + this.method
					+ ((this.args != null) ? Arrays.deepToString(this.args) : "(" + this.unrecorded + ")") + "]";
		}

	}

	/**
	 * A task the endpoint enqueued itself (runAsync, callAsync, a main-thread executor hand-over)
	 * ran.
	 * @param sequence the message's sequence number
	 * @param origin the message that enqueued it
	 */
	record TaskRan(long sequence, Origin origin) implements JournalRecord {
	}

	/**
	 * A task enqueued from another thread than the endpoint's main thread ran. It cannot be replayed:
	 * its code is not known from the journal.
	 * @param sequence the message's sequence number
	 * @param description the task's class
	 */
	record ForeignTaskRan(long sequence, String description) implements JournalRecord {
	}

	/**
	 * A timer the endpoint scheduled ({@code scheduleRunAsync}) fired and its code ran.
	 * @param sequence the message's sequence number
	 * @param origin the message that scheduled it
	 */
	record TimerFired(long sequence, Origin origin) implements JournalRecord {
	}

	/**
	 * The result of an outbound call or connect reached the endpoint's main thread.
	 * @param sequence the message's sequence number
	 * @param origin the call or connect
	 * @param gateway the gateway interface's class name
	 * @param value the result (for a connect: {@code null}, the endpoint got the gateway)
	 * @param failure the failure, or {@code null}
	 */
	record Delivered(long sequence, Origin origin, String gateway, Object value, Throwable failure)
			implements JournalRecord {

		@Override
		public String toString() {
			return "Delivered[" + this.sequence + ", " + this.origin + ", "
					+ ((this.failure != null) ? "failed: " + this.failure : String.valueOf(this.value)) + "]";
		}

	}

	/**
	 * Effect: the endpoint read its clock.
	 * @param sequence the message being processed
	 * @param instant what the clock said
	 */
	record ClockRead(long sequence, Instant instant) implements JournalRecord {
	}

	/**
	 * Effect: the endpoint called a method of a gateway it connected to.
	 * @param sequence the message being processed
	 * @param origin the call's origin (its result is delivered under it)
	 * @param gateway the gateway interface's class name
	 * @param address the callee's address
	 * @param method the method name
	 * @param methodIndex the method's index in the gateway's contract
	 * @param args the arguments
	 */
	record Called(long sequence, Origin origin, String gateway, String address, String method, int methodIndex,
			Object[] args) implements JournalRecord {

		@Override
		public boolean equals(Object other) {
			return other instanceof Called that && this.sequence == that.sequence && this.origin.equals(that.origin)
					&& this.gateway.equals(that.gateway) && this.address.equals(that.address)
					&& this.methodIndex == that.methodIndex && Arrays.deepEquals(this.args, that.args);
		}

		@Override
		public int hashCode() {
			return this.origin.hashCode() * 31 + this.methodIndex;
		}

		@Override
		public String toString() {
			return "Called[" + this.sequence + ", " + this.origin + ", " + simpleName(this.gateway) + "." + this.method
					+ Arrays.deepToString(this.args) + " at " + this.address + "]";
		}

	}

	/**
	 * Effect: the endpoint connected to a gateway.
	 * @param sequence the message being processed
	 * @param origin the connect's origin (its outcome is delivered under it)
	 * @param gateway the gateway interface's class name
	 * @param address the address connected to
	 */
	record Connected(long sequence, Origin origin, String gateway, String address) implements JournalRecord {
	}

	/**
	 * Effect: the endpoint scheduled a timer ({@code scheduleRunAsync}).
	 * @param sequence the message being processed
	 * @param origin the timer's origin (its firing is recorded under it)
	 * @param delayMillis the delay
	 */
	record Scheduled(long sequence, Origin origin, long delayMillis) implements JournalRecord {
	}

	/**
	 * Effect: a blocking outbound call returned (its {@link Called} record precedes it).
	 * @param sequence the message being processed
	 * @param origin the call
	 * @param value the result
	 * @param failure the failure, or {@code null}
	 */
	record Returned(long sequence, Origin origin, Object value, Throwable failure) implements JournalRecord {
	}

	/**
	 * Effect: the fencing token of an endpoint whose token follows leadership
	 * ({@code FencedRpcEndpoint.updateFencingToken}) changed since the previous message; the message
	 * this record follows was processed under the new token. A replay switches the replayed
	 * endpoint's token before that message.
	 * @param sequence the first message under the new token
	 * @param fencingToken the new token, or {@code null} when the endpoint stopped leading
	 */
	record FencingTokenChanged(long sequence, Object fencingToken) implements JournalRecord {
	}

	/**
	 * The journal stopped recording before the endpoint terminated; nothing after this record was
	 * written.
	 * @param sequence the last message recorded
	 * @param reason why (size limit reached, write failure)
	 */
	record Ended(long sequence, String reason) implements JournalRecord {
	}

	private static String simpleName(String className) {
		return className.substring(className.lastIndexOf('.') + 1);
	}

}
