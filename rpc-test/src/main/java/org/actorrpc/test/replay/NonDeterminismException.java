package org.actorrpc.test.replay;

/**
 * A replayed endpoint did something other than what its journal records at the same point: it
 * made another outbound call (or the same with other arguments), read its clock where the live
 * endpoint did not, scheduled another timer, or a recorded timer firing or result has no
 * counterpart in the replay. Like a non-deterministic workflow replay in Temporal, this means the
 * endpoint's code or its inputs changed since the journal was recorded, or the endpoint depends on
 * something the journal does not see (a static, a random number, {@code System.currentTimeMillis}).
 * The message names the message's sequence number and both values.
 */
public class NonDeterminismException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final long sequence;

	private final String recorded;

	private final String replayed;

	/**
	 * @param sequence the message being replayed
	 * @param recorded what the journal records
	 * @param replayed what the replayed endpoint did
	 */
	public NonDeterminismException(long sequence, String recorded, String replayed) {
		super("Non-deterministic replay at message " + sequence + ": the journal records " + recorded
				+ ", but the replayed endpoint " + replayed);
		this.sequence = sequence;
		this.recorded = recorded;
		this.replayed = replayed;
	}

	/**
	 * Returns the sequence number of the message where replay diverged.
	 * @return the sequence number
	 */
	public long getSequence() {
		return this.sequence;
	}

	/**
	 * Returns what the journal records at that point.
	 * @return the recorded value
	 */
	public String getRecorded() {
		return this.recorded;
	}

	/**
	 * Returns what the replayed endpoint did instead.
	 * @return the replayed value
	 */
	public String getReplayed() {
		return this.replayed;
	}

}
