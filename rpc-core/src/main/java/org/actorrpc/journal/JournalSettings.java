package org.actorrpc.journal;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of the opt-in message journal ({@code PekkoRpcServiceSettings#journal()}): which
 * endpoints record everything non-deterministic that enters their main thread, where, and how much
 * disk they may use. Off unless {@link #endpointIds()} names an endpoint.
 *
 * <p>Each journaled endpoint writes to its own directory {@code <directory>/<endpointId>}, in
 * segment files of about {@link #segmentSize()} bytes. When an endpoint starts and its directory
 * already holds a journal, that journal is moved to {@code <endpointId>.previous} (replacing an
 * older one), so the last crashed run can still be replayed: an endpoint uses at most twice
 * {@link #maxSize()} on disk.
 *
 * <p>Records are handed to a writer thread through a buffer of {@link #bufferSize()} bytes; the
 * writer appends and fsyncs them in batches. When the buffer is full the endpoint's main thread
 * waits for the writer (its mailbox then fills and flow control slows its senders): records are
 * never dropped. When the journal reaches {@link #maxSize()} it follows {@link #onFull()}.
 *
 * @param directory where journals are written; required when any endpoint is journaled
 * @param endpointIds the endpoints to journal; empty for none
 * @param maxSize the most bytes one endpoint's journal may use
 * @param segmentSize the size at which a segment file is closed and the next one begun
 * @param bufferSize the bytes of records that may wait for the writer thread
 * @param onFull what happens at {@code maxSize}
 */
public record JournalSettings(Path directory, Set<String> endpointIds, long maxSize, long segmentSize,
		long bufferSize, OnFull onFull) {

	/** Default {@link #maxSize()}: 1 GiB. */
	public static final long DEFAULT_MAX_SIZE = 1L << 30;

	/** Default {@link #segmentSize()}: 64 MiB. */
	public static final long DEFAULT_SEGMENT_SIZE = 64L << 20;

	/** Default {@link #bufferSize()}: 8 MiB. */
	public static final long DEFAULT_BUFFER_SIZE = 8L << 20;

	private static final long MIN_SEGMENT_SIZE = 4096;

	/** What a journal does when it reaches its size limit. */
	public enum OnFull {

		/**
		 * Stop recording, keeping the journal from the endpoint's start, so that it stays replayable up
		 * to where it ends; an ERROR is logged and the journal's last record says why it ended.
		 */
		STOP,

		/**
		 * Keep recording and delete the oldest segments: the journal then holds the newest messages,
		 * which can be printed but no longer replayed (a replay needs the endpoint's first message).
		 */
		DELETE_OLDEST

	}

	/**
	 * Validates the settings.
	 * @throws IllegalArgumentException naming the invalid setting
	 */
	public JournalSettings {
		endpointIds = Set.copyOf(Objects.requireNonNull(endpointIds, "endpointIds"));
		Objects.requireNonNull(onFull, "onFull");
		if (!endpointIds.isEmpty() && directory == null) {
			throw new IllegalArgumentException("journal.directory is required when endpoints are journaled "
					+ "(journal.endpointIds = " + endpointIds + "): set the directory the journals are written to");
		}
		if (segmentSize < MIN_SEGMENT_SIZE) {
			throw new IllegalArgumentException(
					"journal.segmentSize must be at least " + MIN_SEGMENT_SIZE + " bytes but was " + segmentSize);
		}
		if (maxSize < segmentSize) {
			throw new IllegalArgumentException("journal.maxSize (" + maxSize
					+ " bytes) must be at least journal.segmentSize (" + segmentSize + " bytes)");
		}
		if (bufferSize < MIN_SEGMENT_SIZE) {
			throw new IllegalArgumentException(
					"journal.bufferSize must be at least " + MIN_SEGMENT_SIZE + " bytes but was " + bufferSize);
		}
	}

	/**
	 * Returns settings that journal no endpoint.
	 * @return the settings of a disabled journal
	 */
	public static JournalSettings disabled() {
		return new JournalSettings(null, Set.of(), DEFAULT_MAX_SIZE, DEFAULT_SEGMENT_SIZE, DEFAULT_BUFFER_SIZE,
				OnFull.STOP);
	}

	/**
	 * Returns settings that journal the given endpoints into a directory, with the default sizes.
	 * @param directory where journals are written
	 * @param endpointIds the endpoints to journal
	 * @return the settings
	 */
	public static JournalSettings of(Path directory, String... endpointIds) {
		return new JournalSettings(Objects.requireNonNull(directory, "directory"), Set.of(endpointIds),
				DEFAULT_MAX_SIZE, DEFAULT_SEGMENT_SIZE, DEFAULT_BUFFER_SIZE, OnFull.STOP);
	}

	/**
	 * Whether an endpoint is journaled.
	 * @param endpointId the endpoint id
	 * @return whether it is
	 */
	public boolean journals(String endpointId) {
		return this.endpointIds.contains(endpointId);
	}

	/**
	 * Returns the directory of one endpoint's journal.
	 * @param endpointId the endpoint id
	 * @return {@code <directory>/<endpointId>}
	 */
	public Path endpointDirectory(String endpointId) {
		return this.directory.resolve(endpointId);
	}

	/**
	 * Returns a copy with other sizes.
	 * @param maxSize see {@link #maxSize()}
	 * @param segmentSize see {@link #segmentSize()}
	 * @param bufferSize see {@link #bufferSize()}
	 * @return the copy
	 */
	public JournalSettings withSizes(long maxSize, long segmentSize, long bufferSize) {
		return new JournalSettings(this.directory, this.endpointIds, maxSize, segmentSize, bufferSize, this.onFull);
	}

	/**
	 * Returns a copy with another policy at the size limit.
	 * @param onFull see {@link #onFull()}
	 * @return the copy
	 */
	public JournalSettings withOnFull(OnFull onFull) {
		return new JournalSettings(this.directory, this.endpointIds, this.maxSize, this.segmentSize,
				this.bufferSize, onFull);
	}

}
