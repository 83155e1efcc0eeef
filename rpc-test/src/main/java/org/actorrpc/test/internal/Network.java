package org.actorrpc.test.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.actorrpc.exceptions.RecipientUnreachableException;
import org.actorrpc.exceptions.RpcConnectionException;

/**
 * The path every gateway invocation of a testing service takes from its sender to its recipient,
 * and the calls still waiting for an answer. Without faults an invocation is handed over at once,
 * on the calling thread. Thread-safe.
 */
public final class Network {

	private final TestingRuntime runtime;

	private final Set<ClientCall> inFlight = ConcurrentHashMap.newKeySet();

	Network(TestingRuntime runtime) {
		this.runtime = runtime;
	}

	/**
	 * Sends an invocation.
	 * @param envelope the invocation
	 */
	public void send(Envelope envelope) {
		envelope.deliver();
	}

	/**
	 * Returns why a connect from the sender to the address must fail, if it must.
	 * @param sender the connecting endpoint's address, or the outside sender
	 * @param address the address connected to
	 * @return the failure, or {@code null} when the connect may go ahead
	 */
	RpcConnectionException connectFailure(String sender, String address) {
		return null;
	}

	/**
	 * Fails every call still waiting for an answer from the address (its endpoint died).
	 * @param address the recipient
	 * @param failure the failure to answer with
	 */
	void recipientGone(String address, RecipientUnreachableException failure) {
		for (ClientCall call : this.inFlight) {
			if (call.target().equals(address)) {
				call.fail(failure);
			}
		}
	}

	void track(ClientCall call) {
		this.inFlight.add(call);
	}

	void untrack(ClientCall call) {
		this.inFlight.remove(call);
	}

}
