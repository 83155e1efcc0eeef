package org.actorrpc.pekko.internal;

import org.apache.pekko.actor.ActorRef;

import org.actorrpc.pekko.FlowControlSettings;

/**
 * The receiving half of the flow from one remote service to one endpoint: the credit the
 * endpoint's main thread owes that service. The main thread counts each message of the flow it
 * takes out of the mailbox and returns the credit in one {@link FlowGrant} per quarter window (at
 * once for a message of a sixteenth of the byte window or more, so before its answer), when
 * its mailbox runs empty with a quarter of that owed, when the endpoint terminates, and at
 * once after the sender said it waits ({@link CreditRequest}). Messages refused before they reach
 * the main thread are granted back on the spot by whoever refused them.
 *
 * <p>Thread-safety: the owed counters are confined to the main thread of the endpoint currently
 * registered under the id (a {@link CreditLedger} lists the flows owed); {@link #grantRefused} may
 * be called from any thread and sends its grant itself.
 */
final class InboundFlow {

	private final String endpointId;

	private final ActorRef sender;

	/** The sending service's address, for the flight recorder. */
	private final String senderAddress;

	private final ActorRef ingress;

	private final long batchMessages;

	private final long batchBytes;

	// Main thread only.
	private long owedMessages;

	private long owedBytes;

	private long owedRefused;

	private boolean senderWaiting;

	/** Whether the main thread's ledger lists this flow. */
	boolean listed;

	InboundFlow(String endpointId, ActorRef sender, ActorRef ingress, FlowControlSettings limits) {
		this.endpointId = endpointId;
		this.sender = sender;
		this.senderAddress = sender.path().address().toString();
		this.ingress = ingress;
		this.batchMessages = Math.max(1, limits.windowMessages() / 4);
		this.batchBytes = Math.max(1, limits.windowBytes() / 4);
	}

	ActorRef sender() {
		return this.sender;
	}

	/** @return the sending service's address, {@code pekko://system@host:port} */
	String senderAddress() {
		return this.senderAddress;
	}

	/**
	 * Counts a message the main thread took out of the mailbox; main thread only.
	 * @param bytes its payload size
	 * @param ledger the main thread's ledger
	 */
	void taken(int bytes, CreditLedger ledger) {
		long messages = ++this.owedMessages;
		long owed = (this.owedBytes += bytes);
		// A large message (a sixteenth of the window or more) is paid at once: its grant then travels
		// ahead of its answer, so a caller that issues its next call from the answer (and may not wait)
		// finds the credit back; one grant per large message is nothing beside the message.
		if (this.senderWaiting || messages >= this.batchMessages || owed >= this.batchBytes
				|| (long) bytes * 4 >= this.batchBytes) {
			pay();
		}
		else if (!this.listed) {
			ledger.owe(this);
		}
	}

	/** A fire-and-forget message the main thread took was not processed (not started, fencing); main thread only. */
	void refusedTell() {
		this.owedRefused++;
		pay();
	}

	/**
	 * The sender is waiting for credit: return what is owed now, and the next message's at once.
	 * Main thread only.
	 */
	void senderWaiting() {
		this.senderWaiting = true;
		if (this.owedMessages > 0) {
			pay();
		}
	}

	/**
	 * The mailbox ran empty: return the credit if enough is owed to matter (a quarter of a batch);
	 * less waits for the next batch, so that light traffic does not cost a grant per message. Main
	 * thread only.
	 */
	void idle() {
		if (this.owedMessages * 4 >= this.batchMessages || this.owedBytes * 4 >= this.batchBytes) {
			pay();
		}
	}

	/** Returns whatever is owed; main thread only. */
	void pay() {
		if (this.owedMessages > 0 || this.owedRefused > 0) {
			this.sender.tell(new FlowGrant(this.endpointId, this.owedMessages, this.owedBytes, this.owedRefused),
					this.ingress);
			this.owedMessages = 0;
			this.owedBytes = 0;
			this.owedRefused = 0;
			this.senderWaiting = false;
		}
	}

	boolean owes() {
		return this.owedMessages > 0;
	}

	/**
	 * Returns the credit of messages refused before the main thread took them; any thread.
	 * @param messages how many
	 * @param bytes their payload bytes
	 * @param refusedTells how many of them were fire-and-forget messages, which the sender counts as undelivered
	 */
	void grantRefused(long messages, long bytes, long refusedTells) {
		this.sender.tell(new FlowGrant(this.endpointId, messages, bytes, refusedTells), this.ingress);
	}

}
