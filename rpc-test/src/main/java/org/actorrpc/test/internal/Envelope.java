package org.actorrpc.test.internal;

import org.actorrpc.internal.endpoint.GatewayMethod;

/**
 * One gateway invocation on its way from a sender to a recipient, as the {@link Network} sees it:
 * who sends it, where it goes, what it invokes, the caller's pending call (none for
 * fire-and-forget) and how to hand it over. Immutable; {@link #deliver()} is called at most once.
 *
 * @param sender address of the calling endpoint, or the outside sender (the test)
 * @param target address of the recipient (a hosted endpoint or a registered fake)
 * @param method the invoked method
 * @param call the caller's pending call, or {@code null} for fire-and-forget
 * @param handOver puts the invocation into the recipient's queue (or calls the fake)
 */
public record Envelope(String sender, String target, GatewayMethod method, ClientCall call, Runnable handOver) {

	/** Hands the invocation to the recipient. */
	public void deliver() {
		this.handOver.run();
	}

	/** @return whether the caller waits for an answer */
	public boolean expectsAnswer() {
		return this.call != null;
	}

}
