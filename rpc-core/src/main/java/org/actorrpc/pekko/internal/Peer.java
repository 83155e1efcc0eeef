package org.actorrpc.pekko.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.pekko.actor.ActorRef;

import org.actorrpc.exceptions.RecipientUnreachableException;

/**
 * A remote service this one calls: its calls in flight and when it was last heard from. While
 * calls are in flight the service is probed; if it stays silent past the configured limit, its
 * in-flight calls fail with {@link RecipientUnreachableException} instead of waiting for their
 * timeouts. Nothing is quarantined: the next call is sent as usual, so a restarted peer at the
 * same address is reachable again at once.
 */
final class Peer {

	private static final long CALL_SEQUENCE_MASK = (1L << 40) - 1;

	final int id;

	final String address;

	final ActorRef root;

	private final ConcurrentHashMap<Long, PendingCall> pending = new ConcurrentHashMap<>();

	private final AtomicLong sequence;

	volatile long lastHeard;

	volatile long silentSince;

	Peer(int id, String address, ActorRef root, AtomicLong sequence) {
		this.id = id;
		this.address = address;
		this.root = root;
		this.sequence = sequence;
		this.lastHeard = System.nanoTime();
	}

	static int peerIdOf(long callId) {
		return (int) (callId >>> 40);
	}

	long register(PendingCall call) {
		long callId = ((long) this.id << 40) | (this.sequence.incrementAndGet() & CALL_SEQUENCE_MASK);
		call.callId = callId;
		call.peer = this;
		if (this.pending.isEmpty()) {
			this.silentSince = System.nanoTime();
		}
		this.pending.put(callId, call);
		return callId;
	}

	PendingCall take(long callId) {
		return this.pending.remove(callId);
	}

	void forget(long callId) {
		this.pending.remove(callId);
	}

	boolean hasPendingCalls() {
		return !this.pending.isEmpty();
	}

	void heard() {
		long now = System.nanoTime();
		this.lastHeard = now;
		this.silentSince = now;
	}

	/**
	 * Fails every call in flight to this peer.
	 * @param silentMillis how long the peer has been silent
	 */
	void failInFlight(long silentMillis) {
		List<PendingCall> calls = new ArrayList<>(this.pending.values());
		for (PendingCall call : calls) {
			if (this.pending.remove(call.callId) != null) {
				String what = (call.method != null) ? call.method.invocationString : "call";
				call.fail(new RecipientUnreachableException("Could not complete " + what + " at recipient ["
						+ call.recipient + "], because the remote RpcService " + this.address
						+ " is unreachable: it did not answer liveness probes for " + silentMillis
						+ " ms (it crashed, was stopped, or the network is down). Calls to it are retried as soon "
						+ "as it is back; nothing is quarantined."));
			}
		}
	}

}
