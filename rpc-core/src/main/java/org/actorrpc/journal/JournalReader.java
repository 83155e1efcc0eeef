package org.actorrpc.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Reads an endpoint's journal directory (the one {@link JournalWriter} wrote,
 * {@code <directory>/<endpointId>}) into a {@link Journal}. Every frame's CRC32C is checked. A bad
 * frame at the end of the last segment is a torn tail — the process died in the middle of a write
 * — and is reported in {@link Journal#tornTail()} and ignored with everything after it; a bad frame
 * anywhere else is corruption and fails the read with a {@link JournalCorruptedException} naming
 * the file and offset. Values are decoded with the gateways' contracts, so the endpoint's and its
 * gateways' classes must be on the class path. Reads the whole journal into memory. Stateless.
 */
public final class JournalReader {

	private JournalReader() {
	}

	/**
	 * Reads a journal with the thread's context class loader.
	 * @param directory the endpoint's journal directory
	 * @return the journal
	 * @throws JournalCorruptedException if a record inside the journal is damaged
	 * @throws IllegalArgumentException if the directory holds no journal
	 */
	public static Journal read(Path directory) {
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		return read(directory, (loader != null) ? loader : JournalReader.class.getClassLoader());
	}

	/**
	 * Reads a journal.
	 * @param directory the endpoint's journal directory
	 * @param classLoader where the journal's classes are loaded from
	 * @return the journal
	 * @throws JournalCorruptedException if a record inside the journal is damaged
	 * @throws IllegalArgumentException if the directory holds no journal
	 */
	public static Journal read(Path directory, ClassLoader classLoader) {
		List<Path> segments = segments(directory);
		List<JournalRecord> records = new ArrayList<>();
		String endpointId = null;
		String endpointClass = null;
		JournalCodec.Header found = null;
		String tornTail = null;
		JournalCodec.Contracts contracts = null;
		for (int s = 0; s < segments.size(); s++) {
			Path segment = segments.get(s);
			boolean last = s == segments.size() - 1;
			byte[] bytes = readAll(segment);
			int offset = 0;
			boolean first = true;
			while (offset < bytes.length) {
				String damage = damage(bytes, offset);
				if (damage != null) {
					if (!last) {
						throw new JournalCorruptedException("Journal segment " + segment + " is damaged at byte " + offset
								+ " (" + damage + "), before its last segment; the journal cannot be read past it", null);
					}
					tornTail = segment.getFileName() + " at byte " + offset + ": " + damage + "; "
							+ (bytes.length - offset) + " bytes ignored";
					break;
				}
				int length = JournalCodec.getInt(bytes, offset);
				byte[] payload = new byte[length];
				System.arraycopy(bytes, offset + JournalCodec.FRAME_HEADER, payload, 0, length);
				try {
					if (first) {
						JournalCodec.Header header = JournalCodec.decodeHeader(payload);
						if (endpointId == null) {
							endpointId = header.endpointId();
							endpointClass = header.endpointClass();
							found = header;
							contracts = new JournalCodec.Contracts(classLoader, header.extraClasses());
						}
						first = false;
					}
					else {
						records.add(JournalCodec.decode(payload, contracts));
					}
				}
				catch (RuntimeException ex) {
					throw new JournalCorruptedException("Could not decode the record at byte " + offset + " of journal segment "
							+ segment + ": " + ex.getMessage(), ex);
				}
				offset += JournalCodec.FRAME_HEADER + length;
			}
		}
		if (endpointId == null) {
			throw new IllegalArgumentException("Journal directory " + directory + " holds no readable segment");
		}
		return new Journal(endpointId, endpointClass, found.endpointAddress(), found.extraClasses(), records, tornTail);
	}

	private static String damage(byte[] bytes, int offset) {
		int left = bytes.length - offset;
		if (left < JournalCodec.FRAME_HEADER + 9) {
			return "a frame header cut short (" + left + " bytes)";
		}
		int length = JournalCodec.getInt(bytes, offset);
		if (length < 9 || length > left - JournalCodec.FRAME_HEADER) {
			return "a frame of " + length + " bytes with only " + (left - JournalCodec.FRAME_HEADER) + " left";
		}
		CRC32C crc = new CRC32C();
		crc.update(bytes, offset + JournalCodec.FRAME_HEADER, length);
		if ((int) crc.getValue() != JournalCodec.getInt(bytes, offset + 4)) {
			return "checksum mismatch";
		}
		return null;
	}

	private static List<Path> segments(Path directory) {
		if (!Files.isDirectory(directory)) {
			throw new IllegalArgumentException("No journal directory " + directory
					+ ": give the endpoint's journal directory, <actorrpc.journal.directory>/<endpointId>");
		}
		try (Stream<Path> files = Files.list(directory)) {
			List<Path> segments = files
				.filter((p) -> p.getFileName().toString().startsWith(JournalWriter.SEGMENT_PREFIX)
						&& p.getFileName().toString().endsWith(JournalWriter.SEGMENT_SUFFIX))
				.sorted()
				.toList();
			if (segments.isEmpty()) {
				throw new IllegalArgumentException("Journal directory " + directory + " holds no segment files ("
						+ JournalWriter.SEGMENT_PREFIX + "*" + JournalWriter.SEGMENT_SUFFIX + ")");
			}
			return segments;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list journal directory " + directory, ex);
		}
	}

	private static byte[] readAll(Path segment) {
		try {
			return Files.readAllBytes(segment);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read journal segment " + segment, ex);
		}
	}

}
