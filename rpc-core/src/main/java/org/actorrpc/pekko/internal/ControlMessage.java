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

	final Throwable stopFailure;

	ControlMessage(Kind kind, Throwable stopFailure) {
		this.kind = kind;
		this.stopFailure = stopFailure;
	}

	@Override
	RpcMethod method() {
		return LIFECYCLE;
	}

	@Override
	Throwable process(EndpointServer server) {
		server.control(this);
		return null;
	}

	@Override
	void reject(Throwable failure) {
	}

}
