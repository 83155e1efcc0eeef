package org.actorrpc.pekko.internal;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * The Java Flight Recorder event of one message an endpoint's main thread processed. It is begun
 * when the main thread takes the message and committed when it is done, on that thread, so a
 * recording shows every invocation as a span of the endpoint's thread. Filled and committed by
 * {@link JfrInvocations} only while a recording enables it; one instance per message, confined to
 * the main thread.
 */
@Name(InvocationEvent.NAME)
@Label("RPC Invocation")
@Category("actorrpc")
@Description("A message processed on an endpoint's main thread: a gateway call, a fire-and-forget message, "
		+ "a runAsync/callAsync task, a scheduled run or a lifecycle step")
@StackTrace(false)
final class InvocationEvent extends Event {

	/** The event's name in recordings ({@code jfr print --events org.actorrpc.Invocation}). */
	static final String NAME = "org.actorrpc.Invocation";

	@Label("Endpoint")
	@Description("Id of the endpoint that processed the message")
	String endpoint;

	@Label("Sequence Number")
	@Description("The message's number in the endpoint's life, as in its flight recorder")
	long sequenceNumber;

	@Label("Kind")
	@Description("CALL, FIRE_AND_FORGET, RUN_ASYNC, CALL_ASYNC, SCHEDULED_RUN, START or STOP")
	String kind;

	@Label("Method")
	@Description("Gateway/method, or the task or lifecycle step")
	String method;

	@Label("Sender")
	@Description("Address of the calling service, or 'local'")
	String sender;

	@Label("Fencing Token")
	@Description("The fencing token the message carried, if any")
	String fencingToken;

	@Label("Queue Wait")
	@Description("How long the message waited in the mailbox")
	@Timespan(Timespan.NANOSECONDS)
	long queueWait;

	@Label("Payload Size")
	@Description("Size of the serialized request; 0 when it was not serialized")
	@DataAmount(DataAmount.BYTES)
	int payloadSize;

	@Label("Outcome")
	@Description("'ok', or the exception type and message")
	String outcome;

}
