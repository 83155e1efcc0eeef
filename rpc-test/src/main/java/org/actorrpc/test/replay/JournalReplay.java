package org.actorrpc.test.replay;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcService;
import org.actorrpc.journal.Journal;
import org.actorrpc.journal.JournalReader;

/**
 * Deterministic replay of a journaled endpoint: re-runs the endpoint's class against its journal
 * with no network, virtual time set from the recorded clock readings, and the recorded answers to
 * its outbound calls, and rebuilds its state at any message:
 *
 * <pre>{@code
 * JobMaster jobMaster = JournalReplay.of(journalDir)
 *     .replay((service) -> new JobMaster(service, session, properties))
 *     .untilSequence(42);
 * }</pre>
 *
 * The first point where the replayed endpoint does something else than the record — another
 * outbound call or arguments, a clock reading, timer or result with no counterpart — fails with a
 * {@link NonDeterminismException} naming the message and both values. Stateless apart from the
 * journal it read; thread-safe.
 */
public final class JournalReplay {

	private final Journal journal;

	private final ClassLoader classLoader;

	private JournalReplay(Journal journal, ClassLoader classLoader) {
		this.journal = journal;
		this.classLoader = classLoader;
	}

	/**
	 * Reads a journal for replay, with the thread's context class loader.
	 * @param directory the endpoint's journal directory, {@code <actorrpc.journal.directory>/<endpointId>}
	 * @return the replay
	 */
	public static JournalReplay of(Path directory) {
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		loader = (loader != null) ? loader : JournalReplay.class.getClassLoader();
		return new JournalReplay(JournalReader.read(directory, loader), loader);
	}

	/**
	 * Replays a journal already read.
	 * @param journal the journal
	 * @return the replay
	 */
	public static JournalReplay of(Journal journal) {
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		return new JournalReplay(Objects.requireNonNull(journal, "journal"),
				(loader != null) ? loader : JournalReplay.class.getClassLoader());
	}

	/**
	 * Returns the journal.
	 * @return the journal
	 */
	public Journal journal() {
		return this.journal;
	}

	/**
	 * Prepares the replay of the endpoint the factory creates; nothing runs before
	 * {@link EndpointReplay#untilSequence}.
	 * @param factory creates the endpoint on the given (replay) service, as the live application
	 * created it on its own; called again whenever the replay moves back
	 * @param <E> the endpoint type
	 * @return the replay of the endpoint
	 */
	public <E extends RpcEndpoint> EndpointReplay<E> replay(Function<? super RpcService, E> factory) {
		Objects.requireNonNull(factory, "factory");
		return replay((EndpointFactory<E>) (service, journal) -> factory.apply(service));
	}

	/**
	 * Prepares the replay of the endpoint the factory creates, handing it the journal too (for a
	 * fenced endpoint's {@link Journal#fencingToken()}).
	 * @param factory creates the endpoint; called again whenever the replay moves back
	 * @param <E> the endpoint type
	 * @return the replay of the endpoint
	 */
	public <E extends RpcEndpoint> EndpointReplay<E> replay(EndpointFactory<E> factory) {
		return new EndpointReplay<>(this.journal, Objects.requireNonNull(factory, "factory"), this.classLoader);
	}

}
