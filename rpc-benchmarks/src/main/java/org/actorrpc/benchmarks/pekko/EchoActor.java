package org.actorrpc.benchmarks.pekko;

import java.nio.ByteBuffer;

import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.Props;

import org.actorrpc.benchmarks.peer.Delivery;
import org.actorrpc.benchmarks.peer.SequenceChecker;

/**
 * The echo workload as a plain Pekko actor, using only Pekko's built-in serializers: an {@link Integer} is echoed,
 * a {@code byte[]} is echoed, a {@link Long} is a one-way message carrying a sender id and sequence number
 * ({@link #tellMessage}) that a {@link SequenceChecker} checks, and {@link #COUNT} is answered with the
 * {@link Delivery} counts, 3 longs in a {@code byte[]}. Confined to the actor's dispatcher, one message at a time, like any actor.
 */
final class EchoActor extends AbstractActor {

	/** The count request. */
	static final String COUNT = "count";

	/** Bits of a one-way message's {@link Long} that carry the sequence number; the sender id is above them. */
	static final int SEQUENCE_BITS = 40;

	private final SequenceChecker told = new SequenceChecker();

	static Props props() {
		return Props.create(EchoActor.class, EchoActor::new);
	}

	@Override
	public Receive createReceive() {
		return receiveBuilder()
			.match(Integer.class, value -> getSender().tell(value, getSelf()))
			.match(byte[].class, payload -> getSender().tell(payload, getSelf()))
			.match(Long.class, this::told)
			.matchEquals(COUNT, request -> getSender().tell(encode(this.told.delivery()), getSelf()))
			.build();
	}

	private void told(Long message) {
		long bits = message;
		this.told.accept((int) (bits >>> SEQUENCE_BITS), bits & ((1L << SEQUENCE_BITS) - 1));
	}

	/**
	 * @param sender the sender id
	 * @param sequence the sequence number, below 2^40
	 * @return the one-way message
	 */
	static Long tellMessage(int sender, long sequence) {
		return ((long) sender << SEQUENCE_BITS) | sequence;
	}

	static byte[] encode(Delivery delivery) {
		return ByteBuffer.allocate(24).putLong(delivery.processed()).putLong(delivery.missing())
			.putLong(delivery.outOfOrder()).array();
	}

	static Delivery decode(byte[] bytes) {
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		return new Delivery(buffer.getLong(), buffer.getLong(), buffer.getLong());
	}

}
