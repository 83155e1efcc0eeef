package org.actorrpc.test.replay;

import java.time.Instant;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.journal.Journal;

/**
 * One endpoint being replayed from its journal: {@link #untilSequence} rebuilds its state at any
 * message. Moving forward continues the replay; moving back starts it again with a new endpoint
 * from the factory. The endpoint instance returned is the live object — inspect its state directly.
 *
 * <p><b>Threading:</b> not thread-safe. The thread that calls {@link #untilSequence} is the
 * replayed endpoint's main thread, so inspect the endpoint from that thread (its main-thread checks
 * pass there).
 *
 * @param <E> the endpoint type
 */
public final class EndpointReplay<E extends RpcEndpoint> implements AutoCloseable {

	private final Journal journal;

	private final EndpointFactory<E> factory;

	private final ClassLoader classLoader;

	private ReplayEngine engine;

	private ReplayRpcService service;

	private E endpoint;

	EndpointReplay(Journal journal, EndpointFactory<E> factory, ClassLoader classLoader) {
		this.journal = journal;
		this.factory = factory;
		this.classLoader = classLoader;
	}

	/**
	 * Replays every message up to and including {@code sequence} and returns the endpoint.
	 * @param sequence a message's sequence number, from 0 (the endpoint as constructed) to
	 * {@link Journal#lastSequence()}
	 * @return the replayed endpoint, in the state it had after that message
	 * @throws NonDeterminismException at the first message where the replay diverges from the record
	 * @throws ReplayException if the journal cannot be replayed that far
	 * @throws IllegalArgumentException if the journal has no such message
	 */
	public E untilSequence(long sequence) {
		if (sequence < 0 || sequence > this.journal.lastSequence()) {
			throw new IllegalArgumentException("The journal of endpoint " + this.journal.endpointId() + " holds messages 1 to "
					+ this.journal.lastSequence() + "; there is no message " + sequence);
		}
		if (this.engine == null || sequence < this.engine.position()) {
			restart();
		}
		this.engine.advanceTo(sequence);
		return this.endpoint;
	}

	/**
	 * Replays the whole journal.
	 * @return the replayed endpoint in its last recorded state
	 */
	public E toEnd() {
		return untilSequence(this.journal.lastSequence());
	}

	/**
	 * Returns the sequence number of the last message replayed.
	 * @return the position, 0 before the first message
	 */
	public long position() {
		return (this.engine != null) ? this.engine.position() : 0;
	}

	/**
	 * Returns the time the replayed endpoint's clock shows: the last recorded reading so far.
	 * @return the virtual time
	 */
	public Instant virtualTime() {
		return (this.engine != null) ? this.engine.virtualTime() : Instant.EPOCH;
	}

	/**
	 * Returns the journal being replayed.
	 * @return the journal
	 */
	public Journal journal() {
		return this.journal;
	}

	private void restart() {
		close();
		this.engine = new ReplayEngine(this.journal, this.classLoader);
		this.service = new ReplayRpcService(this.engine);
		try {
			this.endpoint = this.factory.create(this.service, this.journal);
		}
		catch (RuntimeException ex) {
			throw new ReplayException("The endpoint factory failed to create the endpoint to replay: " + ex, ex);
		}
		if (this.endpoint == null) {
			throw new ReplayException("The endpoint factory returned null", null);
		}
		this.engine.attach(this.endpoint);
	}

	/** Releases the replay service. */
	@Override
	public void close() {
		if (this.service != null) {
			this.service.closeAsync();
			this.service = null;
		}
	}

}
