package org.actorrpc.ha.zookeeper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the accept logs written by {@link CounterEndpoint}s and checks fencing safety: the time
 * intervals in which endpoints accepted calls under different tokens never overlap. Times are
 * wall-clock microseconds, comparable across the JVMs of one machine.
 */
final class AcceptLog {

	/** First and last accepted call under one token, and how many. */
	record Interval(UUID token, long firstMicros, long lastMicros, int calls) {
	}

	private AcceptLog() {
	}

	static long nowMicros() {
		return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
	}

	/** Returns the accept interval of each token found in the logs, ordered by first accept. */
	static List<Interval> intervals(List<Path> logs) throws IOException {
		Map<UUID, long[]> perToken = new LinkedHashMap<>();
		for (Path log : logs) {
			if (!Files.exists(log)) {
				continue;
			}
			for (String line : Files.readAllLines(log)) {
				String[] parts = line.split(" ");
				if (parts.length != 2) {
					// a SIGKILL can cut the last line short
					continue;
				}
				UUID token = UUID.fromString(parts[0]);
				long micros = Long.parseLong(parts[1]);
				long[] interval = perToken.computeIfAbsent(token, (t) -> new long[] { Long.MAX_VALUE, Long.MIN_VALUE, 0 });
				interval[0] = Math.min(interval[0], micros);
				interval[1] = Math.max(interval[1], micros);
				interval[2]++;
			}
		}
		List<Interval> intervals = new ArrayList<>();
		perToken.forEach((token, i) -> intervals.add(new Interval(token, i[0], i[1], (int) i[2])));
		intervals.sort(Comparator.comparingLong(Interval::firstMicros));
		return intervals;
	}

	/** Returns a description of the first overlap of two tokens' intervals, or null if none overlap. */
	static String firstOverlap(List<Interval> intervals) {
		for (int i = 1; i < intervals.size(); i++) {
			Interval previous = intervals.get(i - 1);
			Interval next = intervals.get(i);
			if (next.firstMicros() <= previous.lastMicros()) {
				return "token " + next.token() + " accepted a call at " + next.firstMicros() + " us while token "
						+ previous.token() + " still accepted calls until " + previous.lastMicros() + " us";
			}
		}
		return null;
	}

}
