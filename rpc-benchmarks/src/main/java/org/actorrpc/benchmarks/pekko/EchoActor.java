package org.actorrpc.benchmarks.pekko;

import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.Props;

/**
 * The echo workload as a plain Pekko actor, using only Pekko's built-in serializers: an {@link Integer} is echoed,
 * a {@code byte[]} is echoed, a {@link Long} is a counted one-way message and {@link #COUNT} is answered with the
 * count. Confined to the actor's dispatcher, one message at a time, like any actor.
 */
final class EchoActor extends AbstractActor {

	/** The count request. */
	static final String COUNT = "count";

	private long told;

	static Props props() {
		return Props.create(EchoActor.class, EchoActor::new);
	}

	@Override
	public Receive createReceive() {
		return receiveBuilder()
			.match(Integer.class, value -> getSender().tell(value, getSelf()))
			.match(byte[].class, payload -> getSender().tell(payload, getSelf()))
			.match(Long.class, value -> this.told++)
			.matchEquals(COUNT, request -> getSender().tell(this.told, getSelf()))
			.build();
	}

}
