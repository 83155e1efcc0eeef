package org.actorrpc.pekko.internal;

import org.actorrpc.RecordedMessage;
import org.actorrpc.RpcMethod;

/**
 * Lifecycle commands, processed in mailbox order like every other message.
 */
final class ControlMessage extends MailboxMessage {

	/** Lifecycle commands, with the step the flight recorder names them after. */
	enum Kind {

		START("start"), STOP("stop"), TERMINATE("terminate"), STOP_COMPLETED("onStop completed");

		final RpcMethod recorded;

		Kind(String step) {
			this.recorded = new RpcMethod("actorrpc", "actorrpc", step);
		}

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
	RecordedMessage.Kind recordedKind() {
		return (this.kind == Kind.START) ? RecordedMessage.Kind.START : RecordedMessage.Kind.STOP;
	}

	@Override
	RpcMethod recordedMethod() {
		return this.kind.recorded;
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
