package org.actorrpc.journal;

import java.util.List;

/**
 * An endpoint's journal as read back: its records in main-thread order and how it ends.
 *
 * @param endpointId the endpoint that wrote it
 * @param endpointClass the endpoint's class name
 * @param endpointAddress the endpoint's address when it was journaled
 * @param extraClasses the extra serializable classes of the service that wrote it
 * @param records the records, messages and their effects in order
 * @param tornTail where a torn last record (a crash in the middle of a write) was found and
 * ignored, or {@code null} if the journal ends cleanly
 */
public record Journal(String endpointId, String endpointClass, String endpointAddress, List<String> extraClasses,
		List<JournalRecord> records, String tornTail) {

	/**
	 * Creates the journal.
	 */
	public Journal {
		extraClasses = List.copyOf(extraClasses);
		records = List.copyOf(records);
	}

	/**
	 * Returns the sequence number of the first message in the journal: 1 unless the oldest
	 * segments were deleted ({@code OnFull.DELETE_OLDEST}).
	 * @return the first sequence number, or 0 for an empty journal
	 */
	public long firstSequence() {
		return this.records.isEmpty() ? 0 : this.records.get(0).sequence();
	}

	/**
	 * Returns the sequence number of the last message in the journal.
	 * @return the last sequence number, or 0 for an empty journal
	 */
	public long lastSequence() {
		for (int i = this.records.size() - 1; i >= 0; i--) {
			JournalRecord record = this.records.get(i);
			if (record.isMessage()) {
				return record.sequence();
			}
		}
		return 0;
	}

	/**
	 * Returns the fencing token the endpoint had when it started (a fenced endpoint's replay is
	 * created with it, since the token reaches outbound calls).
	 * @return the token, or {@code null} for an endpoint that is not fenced
	 */
	public Object fencingToken() {
		for (JournalRecord record : this.records) {
			if (record instanceof JournalRecord.Started started) {
				return started.fencingToken();
			}
		}
		return null;
	}

	/**
	 * Returns the message records only.
	 * @return the messages in order
	 */
	public List<JournalRecord> messages() {
		return this.records.stream().filter(JournalRecord::isMessage).toList();
	}

}
