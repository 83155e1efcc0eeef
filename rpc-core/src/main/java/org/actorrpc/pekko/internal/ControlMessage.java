package org.actorrpc.pekko.internal;

import org.actorrpc.RpcMethod;

/**
 * Lifecycle commands, processed in mailbox order like every other message.
 */
final class ControlMessage extends MailboxMessage {

	/** Lifecycle commands. */
	enum Kind {

		START, STOP, TERMINATE, STOP_COMPLETED

	}

	static final RpcMethod LIFECYCLE = new RpcMethod("actorrpc", "actorrpc", "lifecycle");

	final Kind kind;

	ControlMessage(Kind kind) {
		this.kind = kind;
	}

	@Override
	RpcMethod method() {
		return LIFECYCLE;
	}

	@Override
	Throwable process(EndpointServer server) {
		server.control(this.kind);
		return null;
	}

	@Override
	void reject(Throwable failure) {
	}

}
