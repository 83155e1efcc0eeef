package org.actorrpc.pekko.internal;

/**
 * Credit returned by an endpoint to one sending service: its main thread took {@code messages}
 * messages with {@code bytes} payload bytes out of the mailbox, or the service refused them
 * ({@code refused} of them were fire-and-forget messages that were not delivered: the mailbox was
 * full or the endpoint had terminated).
 *
 * @param endpointId the endpoint whose credit this is
 * @param messages how many messages
 * @param bytes their payload bytes
 * @param refused how many of them were fire-and-forget messages that were refused
 */
public record FlowGrant(String endpointId, long messages, long bytes, long refused) implements RpcWireMessage {

}
