package org.actorrpc.pekko.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Props;
import org.apache.pekko.actor.Terminated;

/**
 * The actor under {@code /user/rpc}: parent of every endpoint's ingress actor, and the target of
 * liveness probes from other services. Runs on the inline dispatcher.
 */
final class RpcRootActor extends AbstractActor {

	private final String serviceAddress;

	private final Map<ActorRef, CompletableFuture<Void>> stopping = new HashMap<>();

	RpcRootActor(String serviceAddress) {
		this.serviceAddress = serviceAddress;
	}

	static Props props(String serviceAddress) {
		return Props.create(RpcRootActor.class, () -> new RpcRootActor(serviceAddress))
			.withDispatcher(PekkoConfigFactory.INLINE_DISPATCHER);
	}

	/** Creates the ingress actor of an endpoint. */
	record CreateIngress(EndpointServer server, CompletableFuture<ActorRef> result) {
	}

	/** Stops an ingress actor; the future completes once its name can be reused. */
	record StopIngress(ActorRef ingress, CompletableFuture<Void> result) {
	}

	@Override
	public Receive createReceive() {
		return receiveBuilder().match(CreateIngress.class, this::create)
			.match(StopIngress.class, this::stop)
			.match(Terminated.class, this::terminated)
			.match(PeerPing.class, (ping) -> getSender().tell(new PeerPong(ping.sequence(), this.serviceAddress),
					getSelf()))
			.build();
	}

	private void create(CreateIngress command) {
		try {
			ActorRef ingress = getContext().actorOf(EndpointIngressActor.props(command.server()),
					command.server().getEndpointId());
			getContext().watch(ingress);
			command.result().complete(ingress);
		}
		catch (RuntimeException ex) {
			command.result().completeExceptionally(ex);
		}
	}

	private void stop(StopIngress command) {
		if (command.ingress() == null) {
			command.result().complete(null);
			return;
		}
		this.stopping.put(command.ingress(), command.result());
		getContext().stop(command.ingress());
	}

	private void terminated(Terminated terminated) {
		CompletableFuture<Void> result = this.stopping.remove(terminated.getActor());
		if (result != null) {
			result.complete(null);
		}
	}

}
