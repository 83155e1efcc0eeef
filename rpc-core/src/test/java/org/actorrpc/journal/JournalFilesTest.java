package org.actorrpc.journal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.actorrpc.RpcGateway;
import org.actorrpc.exceptions.RecipientUnreachableException;
import org.actorrpc.journal.JournalRecord.Origin;
import org.actorrpc.serialization.GatewayContract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The journal's files: what the writer appends the reader returns, in order, with every value
 * decoded; a damaged record is detected by its checksum (a torn tail is ignored and reported,
 * damage inside the journal fails the read, naming file and offset); segments rotate at the
 * configured size and the journal keeps to its size bound by its on-full policy.
 */
class JournalFilesTest {

	/** A gateway whose contract encodes the test's values. */
	interface SampleGateway extends RpcGateway {

		CompletableFuture<Greeting> greet(String name, int times);

		void note(List<String> words);

	}

	/** A value type of the sample gateway. */
	record Greeting(String text, long at) {
	}

	private static final GatewayContract CONTRACT = GatewayContract.of(SampleGateway.class, List.of());

	private static final Method GREET = method("greet");

	private static final Method NOTE = method("note");

	@TempDir
	Path directory;

	@Test
	void everyRecordKindReadsBackAsWrittenInOrder() {
		JournalCodec codec = new JournalCodec();
		JournalWriter writer = open(JournalSettings.of(this.directory, "sample"));
		Instant now = Instant.parse("2026-12-06T23:00:00.123456789Z");
		writer.append(codec.lifecycle(1, true));
		writer.append(codec.clock(1, now));
		writer.append(codec.connected(1, new Origin(1, 1), SampleGateway.class, "pekko://a@127.0.0.1:1/user/rpc/x"));
		writer.append(codec.invoked(2, CONTRACT, GREET, new Object[] { "ada", 3 }));
		writer.append(codec.called(2, new Origin(2, 1), CONTRACT, "pekko://a@127.0.0.1:1/user/rpc/x", NOTE,
				new Object[] { List.of("a", "b") }));
		writer.append(codec.scheduled(2, new Origin(2, 2), 250));
		writer.append(codec.delivered(3, new Origin(2, 1), CONTRACT, new Greeting("hi", 7), null));
		writer.append(codec.delivered(4, new Origin(1, 1), CONTRACT, null,
				new RecipientUnreachableException("gone")));
		writer.append(codec.timer(5, new Origin(2, 2)));
		writer.append(codec.task(6, new Origin(5, 1)));
		writer.append(codec.foreignTask(7, "com.example.Job"));
		writer.append(codec.returned(7, new Origin(7, 1), CONTRACT, new Greeting("sync", 1), null));
		writer.append(codec.lifecycle(8, false));
		writer.close();

		Journal journal = JournalReader.read(this.directory.resolve("sample"));

		assertThat(journal.endpointId()).isEqualTo("sample");
		assertThat(journal.endpointAddress()).isEqualTo("pekko://s@127.0.0.1:1/user/rpc/sample");
		assertThat(journal.tornTail()).isNull();
		List<JournalRecord> records = journal.records();
		assertThat(records).hasSize(13);
		assertThat(records.get(0)).isEqualTo(new JournalRecord.Started(1, null));
		assertThat(records.get(1)).isEqualTo(new JournalRecord.ClockRead(1, now));
		assertThat(records.get(2)).isEqualTo(new JournalRecord.Connected(1, new Origin(1, 1),
				SampleGateway.class.getName(), "pekko://a@127.0.0.1:1/user/rpc/x"));
		assertThat(records.get(3)).isEqualTo(new JournalRecord.Invoked(2, SampleGateway.class.getName(), "greet",
				CONTRACT.indexOf(GREET), new Object[] { "ada", 3 }, null));
		assertThat(records.get(4)).isEqualTo(new JournalRecord.Called(2, new Origin(2, 1),
				SampleGateway.class.getName(), "pekko://a@127.0.0.1:1/user/rpc/x", "note", CONTRACT.indexOf(NOTE),
				new Object[] { List.of("a", "b") }));
		assertThat(records.get(5)).isEqualTo(new JournalRecord.Scheduled(2, new Origin(2, 2), 250));
		JournalRecord.Delivered value = (JournalRecord.Delivered) records.get(6);
		assertThat(value.value()).isEqualTo(new Greeting("hi", 7));
		assertThat(value.failure()).isNull();
		JournalRecord.Delivered failure = (JournalRecord.Delivered) records.get(7);
		assertThat(failure.failure()).isInstanceOf(RecipientUnreachableException.class).hasMessage("gone");
		assertThat(records.get(8)).isEqualTo(new JournalRecord.TimerFired(5, new Origin(2, 2)));
		assertThat(records.get(9)).isEqualTo(new JournalRecord.TaskRan(6, new Origin(5, 1)));
		assertThat(records.get(10)).isEqualTo(new JournalRecord.ForeignTaskRan(7, "com.example.Job"));
		assertThat(((JournalRecord.Returned) records.get(11)).value()).isEqualTo(new Greeting("sync", 1));
		assertThat(records.get(12)).isEqualTo(new JournalRecord.Stopped(8));
		assertThat(journal.lastSequence()).isEqualTo(8);
	}

	@Test
	void aTornLastRecordIsIgnoredAndReported() throws IOException {
		JournalCodec codec = new JournalCodec();
		JournalWriter writer = open(JournalSettings.of(this.directory, "sample"));
		for (int i = 1; i <= 5; i++) {
			writer.append(codec.invoked(i, CONTRACT, GREET, new Object[] { "call-" + i, i }));
		}
		writer.close();
		Path segment = onlySegment();
		// A crash in the middle of the last write: the file ends inside the last frame.
		try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
			file.setLength(file.length() - 3);
		}

		Journal journal = JournalReader.read(this.directory.resolve("sample"));

		assertThat(journal.records()).hasSize(4);
		assertThat(journal.lastSequence()).isEqualTo(4);
		assertThat(journal.tornTail()).contains(segment.getFileName().toString()).contains("bytes ignored");
	}

	@Test
	void aChecksumMismatchAtTheEndIsATornTail() throws IOException {
		JournalCodec codec = new JournalCodec();
		JournalWriter writer = open(JournalSettings.of(this.directory, "sample"));
		for (int i = 1; i <= 3; i++) {
			writer.append(codec.invoked(i, CONTRACT, GREET, new Object[] { "call-" + i, i }));
		}
		writer.close();
		Path segment = onlySegment();
		flipLastByte(segment);

		Journal journal = JournalReader.read(this.directory.resolve("sample"));

		assertThat(journal.records()).hasSize(2);
		assertThat(journal.tornTail()).contains("checksum mismatch");
	}

	@Test
	void damageInsideTheJournalFailsTheReadNamingFileAndOffset() throws IOException {
		JournalCodec codec = new JournalCodec();
		JournalWriter writer = open(JournalSettings.of(this.directory, "sample").withSizes(1 << 20, 4096, 1 << 16));
		for (int i = 1; i <= 200; i++) {
			writer.append(codec.invoked(i, CONTRACT, GREET, new Object[] { "a fairly long name " + i, i }));
		}
		writer.close();
		List<Path> segments = segments();
		assertThat(segments).hasSizeGreaterThan(1);
		flipLastByte(segments.get(0));

		assertThatThrownBy(() -> JournalReader.read(this.directory.resolve("sample")))
			.isInstanceOf(JournalCorruptedException.class)
			.hasMessageContaining(segments.get(0).getFileName().toString())
			.hasMessageContaining("checksum mismatch")
			.hasMessageContaining("at byte");
	}

	@Test
	void segmentsRotateAtTheSegmentSizeAndEachBeginsWithAMessage() {
		JournalCodec codec = new JournalCodec();
		JournalWriter writer = open(JournalSettings.of(this.directory, "sample").withSizes(1 << 20, 4096, 1 << 16));
		for (int i = 1; i <= 300; i++) {
			writer.append(codec.invoked(i, CONTRACT, GREET, new Object[] { "a fairly long name " + i, i }));
			writer.append(codec.clock(i, Instant.ofEpochMilli(i)));
		}
		writer.close();

		List<Path> segments = segments();
		assertThat(segments).hasSizeGreaterThan(3);
		for (Path segment : segments) {
			assertThat(size(segment)).isLessThan(4096 + 200);
		}
		Journal journal = JournalReader.read(this.directory.resolve("sample"));
		assertThat(journal.records()).hasSize(600);
		assertThat(journal.messages()).extracting(JournalRecord::sequence)
			.containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 300).boxed().toList());
		// A segment is named after its first message, so the next segment's name says where it begins.
		assertThat(segments.get(1).getFileName().toString()).matches("segment-0+[1-9][0-9]*\\.journal");
	}

	@Test
	void stopOnFullEndsTheJournalWithARecordSayingWhyAndKeepsItsBeginning() {
		JournalCodec codec = new JournalCodec();
		JournalWriter writer = open(JournalSettings.of(this.directory, "sample").withSizes(16384, 4096, 1 << 16));
		for (int i = 1; i <= 500; i++) {
			writer.append(codec.invoked(i, CONTRACT, GREET, new Object[] { "a fairly long name " + i, i }));
		}
		await().until(() -> !writer.isRecording());
		writer.close();

		assertThat(totalSize()).isLessThanOrEqualTo(16384);
		Journal journal = JournalReader.read(this.directory.resolve("sample"));
		assertThat(journal.firstSequence()).isEqualTo(1);
		JournalRecord last = journal.records().get(journal.records().size() - 1);
		assertThat(last).isInstanceOf(JournalRecord.Ended.class);
		assertThat(((JournalRecord.Ended) last).reason()).contains("size limit of 16384 bytes")
			.contains("actorrpc.journal.max-size")
			.contains("nothing after message " + journal.lastSequence());
	}

	@Test
	void deleteOldestOnFullKeepsTheNewestWithinTheBound() {
		JournalCodec codec = new JournalCodec();
		JournalWriter writer = open(JournalSettings.of(this.directory, "sample")
			.withSizes(16384, 4096, 1 << 16)
			.withOnFull(JournalSettings.OnFull.DELETE_OLDEST));
		for (int i = 1; i <= 500; i++) {
			writer.append(codec.invoked(i, CONTRACT, GREET, new Object[] { "a fairly long name " + i, i }));
		}
		writer.close();

		assertThat(totalSize()).isLessThanOrEqualTo(16384);
		Journal journal = JournalReader.read(this.directory.resolve("sample"));
		assertThat(journal.lastSequence()).isEqualTo(500);
		assertThat(journal.firstSequence()).isGreaterThan(1);
	}

	@Test
	void anEndpointStartingAgainMovesItsPreviousJournalAside() {
		JournalCodec codec = new JournalCodec();
		JournalWriter first = open(JournalSettings.of(this.directory, "sample"));
		first.append(codec.lifecycle(1, true));
		first.close();

		JournalWriter second = open(JournalSettings.of(this.directory, "sample"));
		second.append(codec.lifecycle(1, true));
		second.append(codec.lifecycle(2, false));
		second.close();

		assertThat(JournalReader.read(this.directory.resolve("sample")).records()).hasSize(2);
		assertThat(JournalReader.read(this.directory.resolve("sample.previous")).records()).hasSize(1);
	}

	@Test
	void settingsNameWhatIsWrong() {
		assertThatThrownBy(() -> new JournalSettings(null, java.util.Set.of("jobmaster"), 1 << 20, 4096, 4096,
				JournalSettings.OnFull.STOP))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("journal.directory is required");
		assertThatThrownBy(() -> JournalSettings.of(this.directory, "x").withSizes(4096, 8192, 4096))
			.hasMessageContaining("journal.maxSize (4096 bytes) must be at least journal.segmentSize (8192 bytes)");
		assertThatThrownBy(() -> JournalSettings.of(this.directory, "x").withSizes(1 << 20, 100, 4096))
			.hasMessageContaining("journal.segmentSize must be at least 4096 bytes");
	}

	private JournalWriter open(JournalSettings settings) {
		return JournalWriter.open(settings, "sample",
				new JournalCodec().header("sample", "com.example.Sample", "pekko://s@127.0.0.1:1/user/rpc/sample",
						List.of()));
	}

	private Path onlySegment() {
		List<Path> segments = segments();
		assertThat(segments).hasSize(1);
		return segments.get(0);
	}

	private List<Path> segments() {
		try (Stream<Path> files = Files.list(this.directory.resolve("sample"))) {
			return files.sorted().toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long totalSize() {
		return segments().stream().mapToLong(JournalFilesTest::size).sum();
	}

	private static long size(Path path) {
		try {
			return Files.size(path);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void flipLastByte(Path segment) throws IOException {
		try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
			file.seek(file.length() - 1);
			int last = file.read();
			file.seek(file.length() - 1);
			file.write(last ^ 0xff);
		}
	}

	private static Method method(String name) {
		for (Method method : SampleGateway.class.getMethods()) {
			if (method.getName().equals(name)) {
				return method;
			}
		}
		throw new IllegalArgumentException(name);
	}

}
