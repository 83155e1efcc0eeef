package org.actorrpc.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends one endpoint's journal frames to rotating segment files, on a writer thread of its own.
 * The endpoint's main thread only encodes a record and {@link #append queues} it; the writer
 * writes whatever has queued since its last pass and fsyncs once per pass (group commit), so no
 * message waits for an fsync, and under load one fsync covers many records. A record is durable
 * once the pass that wrote it has forced the file: a crash loses at most the records still queued
 * (at most {@link JournalSettings#bufferSize()} bytes) and may leave a torn last frame, which
 * {@link JournalReader} detects by its checksum and ignores.
 *
 * <p>When the buffer is full, {@link #append} waits for the writer: records are never dropped. At
 * {@link JournalSettings#maxSize()} the writer follows {@link JournalSettings#onFull()}; when a
 * write fails, the journal ends with an ERROR log (the endpoint keeps running, unjournaled) and
 * {@link #isRecording()} turns false. Segments are named {@code segment-<first sequence>.journal}
 * and each begins with a header frame naming the endpoint, so a segment is readable on its own;
 * a new segment begins only at a message, never inside one.
 *
 * <p>Thread-safe: {@link #append} is called by the endpoint's main thread, {@link #close} by
 * whichever thread terminates the endpoint.
 */
public final class JournalWriter implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(JournalWriter.class);

	/** Room kept for the record that says why the journal ended. */
	private static final int END_RESERVE = 1024;

	static final String SEGMENT_PREFIX = "segment-";

	static final String SEGMENT_SUFFIX = ".journal";

	private final JournalSettings settings;

	private final String endpointId;

	private final Path directory;

	private final byte[] header;

	private final FrameQueue queue;

	private final Thread thread;

	private volatile boolean recording = true;

	// Writer thread only:

	private final JournalCodec codec = new JournalCodec();

	private final ArrayDeque<Path> segments = new ArrayDeque<>();

	private final ArrayDeque<Long> segmentSizes = new ArrayDeque<>();

	private FileChannel channel;

	private long segmentBytes;

	private long totalBytes;

	private long lastSequence;

	private boolean ended;

	private JournalWriter(JournalSettings settings, String endpointId, byte[] header) {
		this.settings = settings;
		this.endpointId = endpointId;
		this.directory = settings.endpointDirectory(endpointId);
		this.header = header;
		this.queue = new FrameQueue(settings.bufferSize());
		this.thread = new Thread(this::writeLoop, "actorrpc-journal-" + endpointId);
		this.thread.setDaemon(true);
	}

	/**
	 * Opens the journal of an endpoint: moves an existing one to {@code <endpointId>.previous} and
	 * starts the writer thread.
	 * @param settings the journal settings
	 * @param endpointId the endpoint
	 * @param header the segment header frame ({@link JournalCodec#header})
	 * @return the writer
	 * @throws UncheckedIOException if the directory cannot be prepared, naming it
	 */
	public static JournalWriter open(JournalSettings settings, String endpointId, byte[] header) {
		Path directory = settings.endpointDirectory(endpointId);
		try {
			if (Files.isDirectory(directory)) {
				Path previous = directory.resolveSibling(endpointId + ".previous");
				deleteRecursively(previous);
				Files.move(directory, previous);
			}
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare the journal directory " + directory + " of endpoint "
					+ endpointId + " (actorrpc.journal.directory): " + ex.getMessage(), ex);
		}
		JournalWriter writer = new JournalWriter(settings, endpointId, header);
		writer.thread.start();
		return writer;
	}

	/**
	 * Whether records are still written; {@code false} once the journal ended (size limit with
	 * {@code STOP}, a write failure) or was closed.
	 * @return whether the journal records
	 */
	public boolean isRecording() {
		return this.recording;
	}

	/**
	 * Queues a frame for writing, waiting while the buffer is full.
	 * @param frame an encoded frame
	 */
	public void append(byte[] frame) {
		if (this.recording && !this.queue.put(frame)) {
			this.recording = false;
		}
	}

	/**
	 * Writes what is queued, fsyncs and closes the files; waits up to ten seconds for the writer.
	 */
	@Override
	public void close() {
		this.recording = false;
		this.queue.close();
		if (Thread.currentThread() == this.thread) {
			return;
		}
		try {
			this.thread.join(TimeUnit.SECONDS.toMillis(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (this.thread.isAlive()) {
			logger.warn("The journal writer of endpoint {} did not finish within 10 s; the last records may be missing",
					this.endpointId);
		}
	}

	/** @return the directory holding this endpoint's segments */
	public Path directory() {
		return this.directory;
	}

	private void writeLoop() {
		List<byte[]> batch = new ArrayList<>();
		try {
			while (this.queue.drainTo(batch)) {
				for (byte[] frame : batch) {
					write(frame);
				}
				batch.clear();
				if (this.channel != null) {
					this.channel.force(false);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			fail(ex);
		}
		catch (InterruptedException ex) {
			fail(ex);
			Thread.currentThread().interrupt();
		}
		finally {
			closeChannel();
		}
	}

	private void write(byte[] frame) throws IOException {
		if (this.ended) {
			return;
		}
		byte type = JournalCodec.typeOf(frame);
		long sequence = JournalCodec.sequenceOf(frame);
		boolean message = JournalCodec.isMessage(type);
		if (this.channel == null || (message && this.segmentBytes >= this.settings.segmentSize())) {
			rotate(sequence);
		}
		if (this.totalBytes + frame.length + END_RESERVE > this.settings.maxSize()) {
			if (this.settings.onFull() == JournalSettings.OnFull.DELETE_OLDEST) {
				if (message && this.segmentBytes > this.header.length) {
					rotate(sequence);
				}
				while (this.segments.size() > 1 && this.totalBytes + frame.length + END_RESERVE > this.settings.maxSize()) {
					deleteOldest();
				}
			}
			else {
				end("the journal reached its size limit of " + this.settings.maxSize()
						+ " bytes (actorrpc.journal.max-size); on-full is STOP, so nothing after message "
						+ this.lastSequence + " was recorded");
				return;
			}
		}
		writeFully(frame);
		this.lastSequence = sequence;
	}

	private void end(String reason) throws IOException {
		writeFully(this.codec.ended(this.lastSequence, reason));
		this.channel.force(false);
		this.ended = true;
		this.recording = false;
		this.queue.abandon();
		logger.error("Journal of endpoint {} in {} ended: {}", this.endpointId, this.directory, reason);
		closeChannel();
	}

	private void rotate(long firstSequence) throws IOException {
		if (this.channel != null) {
			this.channel.force(false);
			this.channel.close();
		}
		Path segment = this.directory.resolve(String.format("%s%020d%s", SEGMENT_PREFIX, firstSequence, SEGMENT_SUFFIX));
		this.channel = FileChannel.open(segment, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		this.segments.add(segment);
		this.segmentSizes.add(0L);
		this.segmentBytes = 0;
		writeFully(this.header);
	}

	private void deleteOldest() throws IOException {
		Path oldest = this.segments.removeFirst();
		long size = this.segmentSizes.removeFirst();
		Files.deleteIfExists(oldest);
		this.totalBytes -= size;
	}

	private void writeFully(byte[] frame) throws IOException {
		ByteBuffer buffer = ByteBuffer.wrap(frame);
		while (buffer.hasRemaining()) {
			this.channel.write(buffer);
		}
		this.segmentBytes += frame.length;
		this.totalBytes += frame.length;
		this.segmentSizes.add(this.segmentSizes.removeLast() + frame.length);
	}

	private void fail(Exception ex) {
		this.ended = true;
		this.recording = false;
		this.queue.abandon();
		logger.error("Journal of endpoint {} in {} ended after message {}: could not write ({}); the endpoint keeps "
				+ "running without a journal", this.endpointId, this.directory, this.lastSequence, ex.toString(), ex);
	}

	private void closeChannel() {
		FileChannel current = this.channel;
		this.channel = null;
		if (current != null) {
			try {
				current.force(false);
				current.close();
			}
			catch (IOException ex) {
				logger.warn("Could not close the journal segment of endpoint {}", this.endpointId, ex);
			}
		}
	}

	private static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}

}
