package org.actorrpc.pekko.internal;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Props;

/**
 * The actor under {@code /user/rpc}: parent of the ingress actors (one per endpoint id, kept for
 * the service's life) and the target of liveness probes from other services, which it answers with
 * this service's address and incarnation, and of {@link AddressMismatch} reports from services that
 * this one addressed under a wrong name. Runs on the inline dispatcher.
 */
final class RpcRootActor extends AbstractActor {

	private final ServiceContext context;

	private final EndpointRegistry registry;

	private final HandshakeAcceptor handshakes;

	private final String serviceAddress;

	private final PendingHandshakes pendingHandshakes;

	RpcRootActor(ServiceContext context, EndpointRegistry registry, PendingHandshakes pendingHandshakes) {
		this.context = context;
		this.registry = registry;
		this.pendingHandshakes = pendingHandshakes;
		this.handshakes = new HandshakeAcceptor(context);
		this.serviceAddress = context.addressPrefix();
	}

	static Props props(ServiceContext context, EndpointRegistry registry, PendingHandshakes pendingHandshakes) {
		return Props.create(RpcRootActor.class, () -> new RpcRootActor(context, registry, pendingHandshakes))
			.withDispatcher(PekkoConfigFactory.INLINE_DISPATCHER);
	}

	/** Ensures the ingress actor of an endpoint id exists. */
	record EnsureIngress(String endpointId, CompletableFuture<ActorRef> result) {
	}

	@Override
	public Receive createReceive() {
		return receiveBuilder().match(EnsureIngress.class, this::ensure)
			.match(PeerPing.class, (ping) -> getSender().tell(
					new PeerPong(ping.sequence(), this.serviceAddress, this.context.incarnation()), getSelf()))
			.match(AddressMismatch.class, (mismatch) -> this.pendingHandshakes.reject(mismatch,
					getSender().path().address().toString()))
			.match(UndecodableMessage.class, (undecodable) -> {
				// counted and logged by the serializer
			})
			.build();
	}

	private void ensure(EnsureIngress command) {
		try {
			Optional<ActorRef> existing = getContext().findChild(command.endpointId());
			ActorRef ingress = existing.orElseGet(() -> getContext().actorOf(
					EndpointIngressActor.props(this.context, this.registry, this.handshakes, command.endpointId()),
					command.endpointId()));
			command.result().complete(ingress);
		}
		catch (RuntimeException ex) {
			command.result().completeExceptionally(ex);
		}
	}

}
