package org.actorrpc.pekko.internal;

import org.actorrpc.RecordedMessage;
import org.actorrpc.RpcMethod;

/**
 * Emits an {@link InvocationEvent} per message of one endpoint while a Java Flight Recorder
 * recording enables the event, and costs one enabled check per message otherwise: no event is
 * allocated or filled unless it will be committed. Main thread only.
 *
 * <p>Only loaded when the runtime has the {@code jdk.jfr} module ({@link #available()}), so a
 * runtime image without it runs endpoints without events instead of failing.
 */
final class JfrInvocations {

	/** Never committed: asks JFR whether the event type is enabled without allocating per message. */
	private final InvocationEvent probe = new InvocationEvent();

	private final String endpointId;

	/** The event of the message being processed, when a recording enabled it. */
	private InvocationEvent current;

	JfrInvocations(String endpointId) {
		this.endpointId = endpointId;
	}

	/** @return whether this runtime has Java Flight Recorder */
	static boolean available() {
		return ModuleLayer.boot().findModule("jdk.jfr").isPresent();
	}

	/** The main thread takes a message. */
	void begin() {
		if (this.probe.isEnabled()) {
			InvocationEvent event = new InvocationEvent();
			event.begin();
			this.current = event;
		}
	}

	/**
	 * The main thread is done with the message that {@link #begin()} announced.
	 * @param message the message
	 * @param kind its kind
	 * @param method what it invoked
	 * @param sequenceNumber its number in the flight recorder
	 * @param queueWaitNanos how long it waited
	 * @param failure what it failed with, or {@code null}
	 */
	void end(MailboxMessage message, RecordedMessage.Kind kind, RpcMethod method, long sequenceNumber,
			long queueWaitNanos, Throwable failure) {
		InvocationEvent event = this.current;
		if (event == null) {
			return;
		}
		this.current = null;
		event.end();
		if (!event.shouldCommit()) {
			return;
		}
		event.endpoint = this.endpointId;
		event.sequenceNumber = sequenceNumber;
		event.kind = kind.name();
		event.method = FlightRecorder.nameOf(method);
		event.sender = message.sender();
		Object token = message.fencingToken();
		event.fencingToken = (token != null) ? token.toString() : null;
		event.queueWait = queueWaitNanos;
		event.payloadSize = message.payloadSize();
		event.outcome = (failure != null) ? FlightRecorder.describe(failure) : "ok";
		event.commit();
	}

	/** A message the flight recorder leaves out was processed: drop its event. */
	void discard() {
		this.current = null;
	}

}
