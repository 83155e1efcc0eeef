package org.actorrpc.pekko.internal;

import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.DeadLetter;
import org.apache.pekko.actor.Dropped;
import org.apache.pekko.actor.Props;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.actorrpc.exceptions.RecipientUnreachableException;
import org.actorrpc.exceptions.RpcException;

/**
 * Answers requests that reached no endpoint (terminated, or never registered) so the caller fails
 * at once with a {@link RecipientUnreachableException} — or a refused handshake — instead of
 * waiting for a timeout, and returns their flow-control credit. A call that never left this service
 * (the connection broke under it) fails the same way, saying so; such a handshake is left to the
 * connecting side, which sends it again. A request Artery dropped because its
 * send queue to a remote service was full reaches dead letters too, announced by a {@link Dropped}
 * event: the call fails with an error naming the queue and the setting that raises it (not "no
 * endpoint"), and a dropped fire-and-forget message is logged with that reason.
 */
final class DeadLetterRelay extends AbstractActor {

	private static final Logger logger = LoggerFactory.getLogger(DeadLetterRelay.class);

	private static final String QUEUE_SETTING = "pekko.remote.artery.advanced.outbound-message-queue-size";

	static Props props() {
		return Props.create(DeadLetterRelay.class, DeadLetterRelay::new)
			.withDispatcher(PekkoConfigFactory.INLINE_DISPATCHER);
	}

	@Override
	public Receive createReceive() {
		return receiveBuilder().match(DeadLetter.class, this::onDeadLetter).match(Dropped.class, this::onDropped)
			.build();
	}

	private void onDropped(Dropped dropped) {
		ActorRef sender = dropped.sender();
		if (!(dropped.message() instanceof RpcWireMessage message) || sender == null
				|| sender == ActorRef.noSender() || sender.equals(getContext().getSystem().deadLetters())) {
			return;
		}
		String recipient = dropped.recipient().path().toString();
		String cause = "Artery dropped it before sending: " + dropped.reason() + ". Raise " + QUEUE_SETTING
				+ " (the queue holds that many messages rounded up to a power of two) in the raw Pekko configuration (PekkoRpcServiceSettings.pekkoConfig), or send less at once to "
				+ "that service";
		if (message instanceof RpcRequest request) {
			if (request.callId != 0) {
				RemoteInvocation.sendFailure(sender, request.callId, request.fingerprint,
						new RpcException("Could not send the call to " + recipient + ": " + cause + "."));
			}
			else {
				logger.warn("A fire-and-forget message to {} was not delivered: {}.", recipient, cause);
			}
			// Artery also hands the dropped request to dead letters, right after this event: onDeadLetter returns
			// its credit and counts a fire-and-forget message as undelivered; its failure for a call comes second
			// and is ignored.
		}
		else {
			logger.warn("A {} to {} was not delivered: {}.", message.getClass().getSimpleName(), recipient, cause);
		}
	}

	private void onDeadLetter(DeadLetter letter) {
		ActorRef sender = letter.sender();
		if (sender == null || sender == ActorRef.noSender() || sender.equals(getContext().getSystem().deadLetters())) {
			return;
		}
		Object message = letter.message();
		String recipient = letter.recipient().path().toString();
		// A local sender means the message never left this service: Artery gave up on it when the connection broke
		// under it (its queued messages go to dead letters). A remote sender means it arrived and found no endpoint.
		boolean arrived = !sender.path().address().hasLocalScope();
		if (message instanceof RpcRequest request) {
			if (request.callId != 0) {
				RemoteInvocation.sendFailure(sender, request.callId, request.fingerprint,
						new RecipientUnreachableException("Could not deliver the call to " + recipient
								+ ", because the recipient is unreachable: " + (arrived
										? "no endpoint is registered under that address (it terminated, or never existed)."
										: "the connection to its service broke before the call was sent.")));
			}
			// The sender counted the request against its window to that endpoint id: give the credit back.
			sender.tell(new FlowGrant(letter.recipient().path().name(), 1, request.wireSize,
					(request.callId != 0) ? 0 : 1), letter.recipient());
		}
		else if (message instanceof HandshakeRequest && arrived) {
			// (One lost on its way out is sent again by the connecting side until answered.)
			sender.tell(new HandshakeResponse(HandshakeResponse.NO_ENDPOINT, "No rpc endpoint is registered under "
					+ "address " + recipient + " (it terminated, or never existed).", 0), ActorRef.noSender());
		}
	}

}
