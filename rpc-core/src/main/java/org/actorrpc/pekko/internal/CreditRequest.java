package org.actorrpc.pekko.internal;

/**
 * Sent by a service whose window to an endpoint is exhausted: asks the endpoint to return the
 * credit of whatever its main thread has already taken out of the mailbox, and of its next message
 * at once. Sent at most once per exhaustion, behind the data it is about.
 */
public final class CreditRequest implements RpcWireMessage {

	/** The one instance: the request carries nothing but its sender. */
	public static final CreditRequest INSTANCE = new CreditRequest();

	private CreditRequest() {
	}

	@Override
	public String toString() {
		return "CreditRequest";
	}

}
