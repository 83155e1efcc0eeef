package org.actorrpc.pekko.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.pekko.actor.ActorRef;

import org.actorrpc.RpcObserver;
import org.actorrpc.exceptions.RecipientUnreachableException;
import org.actorrpc.pekko.FlowControlSettings;

/**
 * A remote service this one talks to: its calls waiting for answers, its {@link OutboundFlow}s
 * (one per endpoint of it this service sends to), when it was last heard from, which incarnation
 * of it answered, and whether it is currently unreachable. Its liveness is judged by the
 * {@link PeerMonitor}. Nothing is quarantined: once an unreachable peer answers again, calls to it
 * go through at once. Thread-safe.
 */
final class Peer {

	private static final long CALL_SEQUENCE_MASK = (1L << 40) - 1;

	final int id;

	final String address;

	final ActorRef root;

	private final ActorRef replyActor;

	private final FlowControlSettings limits;

	private final RpcObserver observer;

	private final ConcurrentHashMap<Long, PendingCall> pending = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, OutboundFlow> flows = new ConcurrentHashMap<>();

	private final AtomicLong sequence;

	/** {@link System#nanoTime()} when the peer last sent anything; any thread writes it. */
	volatile long lastHeard;

	/** The {@link #lastHeard} the monitor saw at its previous tick; monitor thread only. */
	long lastHeardJudged;

	/** The peer's silence in probe rounds; monitor thread only. */
	final PeerSilence silence;

	/** Set by the monitor while the peer is active (has something in flight); monitor thread only. */
	boolean active;

	/** The peer's incarnation as last seen; 0 until it first answered. */
	volatile long incarnation;

	/** Why the peer is unreachable, or {@code null} while it is reachable. */
	private volatile String unreachable;

	/** When a caller last wanted this peer while it was unreachable, so the monitor keeps probing. */
	volatile long lastDemand;

	Peer(int id, String address, ActorRef root, ActorRef replyActor, AtomicLong sequence,
			FlowControlSettings limits, RpcObserver observer, PeerSilence silence) {
		this.observer = observer;
		this.id = id;
		this.address = address;
		this.root = root;
		this.replyActor = replyActor;
		this.sequence = sequence;
		this.limits = limits;
		this.silence = silence;
		this.lastHeard = System.nanoTime();
		this.lastHeardJudged = this.lastHeard;
	}

	static int peerIdOf(long callId) {
		return (int) (callId >>> 40);
	}

	ActorRef replyActor() {
		return this.replyActor;
	}

	/**
	 * Returns the flow to one of the peer's endpoints, creating it on first use.
	 * @param endpointId the endpoint id
	 * @param endpointAddress its full address, for errors
	 * @param target its ingress actor
	 * @return the flow
	 */
	OutboundFlow flow(String endpointId, String endpointAddress, ActorRef target) {
		OutboundFlow flow = this.flows.get(endpointId);
		return (flow != null) ? flow
				: this.flows.computeIfAbsent(endpointId,
						(id) -> new OutboundFlow(endpointAddress, target, this.replyActor, this.limits, this.observer));
	}

	/**
	 * Returns the flow to one of the peer's endpoints if it exists.
	 * @param endpointId the endpoint id
	 * @return the flow, or {@code null}
	 */
	OutboundFlow existingFlow(String endpointId) {
		return this.flows.get(endpointId);
	}

	Collection<OutboundFlow> flows() {
		return this.flows.values();
	}

	long register(PendingCall call) {
		long callId = ((long) this.id << 40) | (this.sequence.incrementAndGet() & CALL_SEQUENCE_MASK);
		call.callId = callId;
		call.peer = this;
		this.pending.put(callId, call);
		return callId;
	}

	PendingCall take(long callId) {
		return this.pending.remove(callId);
	}

	void forget(long callId) {
		this.pending.remove(callId);
	}

	/** @return whether calls wait for answers or messages wait for credit */
	boolean hasSomethingInFlight() {
		if (!this.pending.isEmpty()) {
			return true;
		}
		for (OutboundFlow flow : this.flows.values()) {
			if (flow.inFlightMessages() > 0) {
				return true;
			}
		}
		return false;
	}

	/** Something arrived from the peer. Any thread. */
	void heard() {
		this.lastHeard = System.nanoTime();
		this.unreachable = null;
	}

	/** @return why the peer is unreachable, or {@code null} while it is reachable */
	String unreachableReason() {
		return this.unreachable;
	}

	void markUnreachable(String reason) {
		this.unreachable = reason;
	}

	/**
	 * Fails every call waiting for an answer and forgets what is in flight on every flow.
	 * @param failure the message of the calls' {@link RecipientUnreachableException}
	 * @return how many messages were in flight, unconfirmed
	 */
	long failInFlight(String failure) {
		List<PendingCall> calls = new ArrayList<>(this.pending.values());
		for (PendingCall call : calls) {
			if (this.pending.remove(call.callId) != null) {
				String what = (call.method != null) ? call.method.invocationString : "call";
				call.fail(new RecipientUnreachableException("Could not complete " + what + " at recipient ["
						+ call.recipient + "], because the remote RpcService " + this.address + " " + failure));
			}
		}
		long unconfirmed = 0;
		for (OutboundFlow flow : this.flows.values()) {
			unconfirmed += flow.reset();
		}
		return unconfirmed;
	}

}
