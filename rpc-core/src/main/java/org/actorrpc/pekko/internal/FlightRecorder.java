package org.actorrpc.pekko.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.actorrpc.RecordedMessage;
import org.actorrpc.RpcMethod;

/**
 * The flight recorder of one endpoint: a ring of the most recent messages its main thread
 * processed ({@link RecordedMessage}), always on, and the same messages as Java Flight Recorder
 * events while a recording runs. When the endpoint fails, the ring is written to the log (ERROR,
 * newest first, one line per message), the failing message included.
 *
 * <p>Threading: only the endpoint's main thread writes ({@link #begin}, {@link #end},
 * {@link #terminated}), without locks and, once every slot has been used
 * once, without allocating: each slot is a preallocated set of primitives and references written
 * under a per-slot sequence (a seqlock whose version is the message's sequence number). Any
 * thread may read a {@link #snapshot}; a reader copies each slot and keeps the copy only if the
 * slot's sequence did not change while it copied, so an entry the main thread was overwriting is
 * left out instead of shown torn.
 */
final class FlightRecorder {

	/** The sender of everything enqueued inside this service. */
	static final String LOCAL = "local";

	/** The sender of a remote message whose sending service is unknown. */
	static final String REMOTE = "remote";

	private static final Logger logger = LoggerFactory.getLogger(FlightRecorder.class);

	private static final VarHandle NEWEST;

	private static final VarHandle SEQUENCE;

	static {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			NEWEST = lookup.findVarHandle(FlightRecorder.class, "newest", long.class);
			SEQUENCE = lookup.findVarHandle(Slot.class, "sequence", long.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final String endpointId;

	private final Thread mainThread;

	/** {@code null} when the ring is off (size 0). Slots are created on first use. */
	private final Slot[] slots;

	/** {@code null} when the runtime has no Java Flight Recorder. */
	private final JfrInvocations jfr;

	/** Sequence number of the newest complete entry; written by the main thread with release semantics. */
	@SuppressWarnings("unused")
	private long newest;

	// Main thread only.
	private long sequence;

	private int cursor;

	private boolean inMessage;

	private Throwable pendingFailure;

	/**
	 * Creates the recorder of an endpoint.
	 * @param endpointId the endpoint's id, for the log and the JFR events
	 * @param mainThread the endpoint's main thread, the only writer
	 * @param size how many messages the ring keeps; 0 turns it off (JFR events are still emitted)
	 */
	FlightRecorder(String endpointId, Thread mainThread, int size) {
		this.endpointId = endpointId;
		this.mainThread = mainThread;
		this.slots = (size > 0) ? new Slot[size] : null;
		this.jfr = JfrInvocations.available() ? new JfrInvocations(endpointId) : null;
	}

	/** The main thread takes a message; call {@link #end} when it is done with it. */
	void begin() {
		this.inMessage = true;
		if (this.jfr != null) {
			this.jfr.begin();
		}
	}

	/**
	 * The main thread is done with a message: records it, emits its JFR event, and writes the ring
	 * to the log if the message made the endpoint fail.
	 * @param message the message
	 * @param start {@link System#nanoTime()} when processing started
	 * @param took how long processing took, in nanoseconds
	 * @param failure what processing failed with, or {@code null}
	 */
	void end(MailboxMessage message, long start, long took, Throwable failure) {
		this.inMessage = false;
		Throwable outcome = (failure != null) ? failure : this.pendingFailure;
		RecordedMessage.Kind kind = message.recordedKind();
		if (kind == null) {
			if (this.jfr != null) {
				this.jfr.discard();
			}
		}
		else {
			long number = ++this.sequence;
			long queueWait = start - message.enqueuedAt;
			RpcMethod method = message.recordedMethod();
			// The event is committed before the entry is published, so whoever sees the entry in the endpoint's view
			// and then stops a recording finds the event in it (the caller has its answer before either is written).
			if (this.jfr != null) {
				this.jfr.end(message, kind, method, number, queueWait, outcome);
			}
			if (this.slots != null) {
				write(number, kind, method, message.sender(), message.fencingToken(), message.enqueuedAt, queueWait,
						took, message.payloadSize(), outcome);
			}
		}
		Throwable failed = this.pendingFailure;
		if (failed != null) {
			this.pendingFailure = null;
			dump(failed);
		}
	}

	/**
	 * The endpoint terminated. If it failed, writes the ring to the log, once the message being
	 * processed (whose outcome the failure is) has been recorded.
	 * <p>The main thread finishes an endpoint outside a message only when {@code onStop}'s future
	 * has completed (the completion is not processed as a message of its own): the failure is then
	 * recorded as the outcome of an {@code onStop completed} entry.
	 * @param failure why the endpoint failed, or {@code null} when it terminated normally
	 */
	void terminated(Throwable failure) {
		if (failure == null) {
			return;
		}
		if (Thread.currentThread() == this.mainThread) {
			if (this.inMessage) {
				this.pendingFailure = failure;
				return;
			}
			long number = ++this.sequence;
			if (this.slots != null) {
				write(number, RecordedMessage.Kind.STOP, ControlMessage.Kind.STOP_COMPLETED.recorded, LOCAL, null,
						System.nanoTime(), 0, 0, 0, failure);
			}
		}
		dump(failure);
	}

	private void write(long number, RecordedMessage.Kind kind, RpcMethod method, String sender, Object fencingToken,
			long enqueuedNanos, long queueWait, long took, int payloadSize, Throwable outcome) {
		Slot slot = this.slots[this.cursor];
		if (slot == null) {
			slot = new Slot();
			this.slots[this.cursor] = slot;
		}
		if (++this.cursor == this.slots.length) {
			this.cursor = 0;
		}
		// Readers that see 0 skip the slot; the fence keeps the field writes after that mark.
		SEQUENCE.setOpaque(slot, 0L);
		VarHandle.storeStoreFence();
		slot.kind = kind;
		slot.method = method;
		slot.sender = sender;
		slot.fencingToken = fencingToken;
		slot.enqueuedNanos = enqueuedNanos;
		slot.queueWaitNanos = queueWait;
		slot.processingNanos = took;
		slot.payloadSize = payloadSize;
		if (outcome != null) {
			slot.exceptionType = outcome.getClass().getName();
			slot.exceptionMessage = outcome.getMessage();
		}
		else {
			slot.exceptionType = null;
			slot.exceptionMessage = null;
		}
		SEQUENCE.setRelease(slot, number);
		NEWEST.setRelease(this, number);
	}

	/**
	 * Returns the recorded messages, newest first; any thread.
	 * @param limit the most to return
	 * @return a copy; empty when the ring is off
	 */
	List<RecordedMessage> snapshot(int limit) {
		if (this.slots == null || limit <= 0) {
			return List.of();
		}
		long newestNumber = (long) NEWEST.getAcquire(this);
		int capacity = this.slots.length;
		long oldestNumber = Math.max(1, newestNumber - capacity + 1);
		List<RecordedMessage> entries = new ArrayList<>((int) Math.min(limit, newestNumber - oldestNumber + 1));
		// Enqueue times are monotonic nanos; they become wall-clock times against one reading of both clocks.
		Instant now = Instant.now();
		long nowNanos = System.nanoTime();
		for (long number = newestNumber; number >= oldestNumber && entries.size() < limit; number--) {
			Slot slot = this.slots[(int) ((number - 1) % capacity)];
			RecordedMessage entry = (slot != null) ? slot.read(number, now, nowNanos) : null;
			if (entry != null) {
				entries.add(entry);
			}
		}
		return entries;
	}

	private void dump(Throwable failure) {
		if (this.slots == null) {
			return;
		}
		List<RecordedMessage> entries = snapshot(Integer.MAX_VALUE);
		StringBuilder text = new StringBuilder(128 + entries.size() * 160);
		text.append("Endpoint ").append(this.endpointId).append(" failed (").append(describe(failure))
			.append("); its last ").append(entries.size()).append(" messages, newest first:");
		for (RecordedMessage entry : entries) {
			text.append(System.lineSeparator()).append("  ").append(entry);
		}
		logger.error(text.toString());
	}

	/**
	 * Describes a failure on one line: its type and shortened message.
	 * @param failure the failure
	 * @return {@code type: message}
	 */
	static String describe(Throwable failure) {
		String message = shorten(failure.getMessage());
		return (message != null) ? failure.getClass().getName() + ": " + message : failure.getClass().getName();
	}

	static String shorten(String message) {
		if (message == null) {
			return null;
		}
		String line = message.replace('\n', ' ').replace('\r', ' ');
		int max = RecordedMessage.MAX_MESSAGE_LENGTH;
		return (line.length() > max) ? line.substring(0, max - 3) + "..." : line;
	}

	static String nameOf(RpcMethod method) {
		return "actorrpc".equals(method.gateway()) ? method.method() : method.shortName();
	}

	/** One entry of the ring; fields written by the main thread under {@link #sequence}. */
	private static final class Slot {

		/** The entry's sequence number; 0 while it is written. Accessed through {@link #SEQUENCE}. */
		@SuppressWarnings("unused")
		private long sequence;

		private RecordedMessage.Kind kind;

		private RpcMethod method;

		private String sender;

		private Object fencingToken;

		private long enqueuedNanos;

		private long queueWaitNanos;

		private long processingNanos;

		private int payloadSize;

		private String exceptionType;

		private String exceptionMessage;

		/**
		 * Copies the entry if it still holds the expected message.
		 * @return the entry, or {@code null} when the slot holds another message or was written meanwhile
		 */
		RecordedMessage read(long expected, Instant now, long nowNanos) {
			if ((long) SEQUENCE.getAcquire(this) != expected) {
				return null;
			}
			RecordedMessage.Kind kind = this.kind;
			RpcMethod method = this.method;
			String sender = this.sender;
			Object fencingToken = this.fencingToken;
			long enqueuedNanos = this.enqueuedNanos;
			long queueWaitNanos = this.queueWaitNanos;
			long processingNanos = this.processingNanos;
			int payloadSize = this.payloadSize;
			String exceptionType = this.exceptionType;
			String exceptionMessage = this.exceptionMessage;
			VarHandle.acquireFence();
			if ((long) SEQUENCE.getOpaque(this) != expected) {
				return null;
			}
			return new RecordedMessage(expected, kind, nameOf(method), sender,
					(fencingToken != null) ? fencingToken.toString() : null,
					now.minusNanos(nowNanos - enqueuedNanos), Duration.ofNanos(queueWaitNanos),
					Duration.ofNanos(processingNanos), payloadSize, exceptionType, shorten(exceptionMessage));
		}

	}

}
