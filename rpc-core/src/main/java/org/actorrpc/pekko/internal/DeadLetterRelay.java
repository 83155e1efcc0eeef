package org.actorrpc.pekko.internal;

import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.DeadLetter;
import org.apache.pekko.actor.Props;

import org.actorrpc.exceptions.RecipientUnreachableException;

/**
 * Answers requests that reached no endpoint (terminated, or never registered) so the caller fails
 * at once with a {@link RecipientUnreachableException} — or a refused handshake — instead of
 * waiting for a timeout, and returns their flow-control credit.
 */
final class DeadLetterRelay extends AbstractActor {

	static Props props() {
		return Props.create(DeadLetterRelay.class, DeadLetterRelay::new)
			.withDispatcher(PekkoConfigFactory.INLINE_DISPATCHER);
	}

	@Override
	public Receive createReceive() {
		return receiveBuilder().match(DeadLetter.class, this::onDeadLetter).build();
	}

	private void onDeadLetter(DeadLetter letter) {
		ActorRef sender = letter.sender();
		if (sender == null || sender == ActorRef.noSender() || sender.equals(getContext().getSystem().deadLetters())) {
			return;
		}
		Object message = letter.message();
		String recipient = letter.recipient().path().toString();
		if (message instanceof RpcRequest request) {
			if (request.callId != 0) {
				RemoteInvocation.sendFailure(sender, request.callId, request.fingerprint,
						new RecipientUnreachableException("Could not deliver the call to " + recipient
								+ ", because the recipient is unreachable: no endpoint is registered under that address "
								+ "(it terminated, or never existed)."));
			}
			// The sender counted the request against its window to that endpoint id: give the credit back.
			sender.tell(new FlowGrant(letter.recipient().path().name(), 1, request.wireSize,
					(request.callId != 0) ? 0 : 1), letter.recipient());
		}
		else if (message instanceof HandshakeRequest) {
			sender.tell(new HandshakeResponse(HandshakeResponse.NO_ENDPOINT, "No rpc endpoint is registered under "
					+ "address " + recipient + " (it terminated, or never existed).", 0), ActorRef.noSender());
		}
	}

}
