package org.actorrpc.pekko.internal;

import org.actorrpc.RecordedMessage;
import org.actorrpc.RpcMethod;

/**
 * Queued behind the data of one flow when its sender said it waits for credit: the main thread
 * returns the credit it owes that sender at once, and the next message's as soon as it takes it.
 * Never counted against the mailbox capacity and never refused.
 */
final class CreditFlush extends MailboxMessage {

	private final InboundFlow flow;

	CreditFlush(InboundFlow flow) {
		this.flow = flow;
	}

	@Override
	RpcMethod method() {
		return ControlMessage.LIFECYCLE;
	}

	@Override
	RecordedMessage.Kind recordedKind() {
		return null;
	}

	@Override
	void taken(CreditLedger ledger) {
		this.flow.senderWaiting();
	}

	@Override
	Throwable process(EndpointServer server) {
		return null;
	}

	@Override
	void reject(Throwable failure) {
	}

}
