package org.actorrpc.pekko.internal;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.RootActorPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.actorrpc.RpcObserver;
import org.actorrpc.pekko.PekkoRpcServiceSettings;

/**
 * Liveness of the remote services this one talks to. While a peer has calls waiting for answers
 * or messages waiting for credit, it is probed every {@code peerHeartbeatInterval}; anything it
 * sends counts as a sign of life (answers, credit grants, probe answers), so a peer that is busy
 * but alive is never declared unreachable. Silence is judged in probe rounds on this service's own
 * clock ({@link PeerSilence}, {@link ProbeClock}): a peer is unreachable once it missed several
 * consecutive rounds spanning {@code peerUnreachableAfter}, and a round in which the prober itself
 * ran late (its JVM starved or paused) counts as one interval only, so a prober's own stall never
 * makes it blame its peers. An unreachable peer's waiting calls fail with a
 * RecipientUnreachableException, the messages in flight to it are reported as unconfirmed (logged
 * and counted, never replayed), and new calls to it fail at once until it answers a probe again. A
 * peer that answers as a new incarnation restarted: what was in flight to the old one is reported
 * the same way. Also owns the reply actor that receives everything peers send back. Thread-safe;
 * the judging runs on the service's scheduler thread only.
 */
final class PeerMonitor {

	private static final Logger logger = LoggerFactory.getLogger(PeerMonitor.class);

	/** How long an unreachable peer is still probed after a caller last wanted it. */
	private static final long DEMAND_NANOS = TimeUnit.SECONDS.toNanos(60);

	private final ServiceContext context;

	private final ExtendedActorSystem system;

	private final ActorRef replyActor;

	private final ConcurrentHashMap<Address, Peer> peers = new ConcurrentHashMap<>();

	private volatile Peer[] peersById = new Peer[1];

	private final AtomicInteger peerIds = new AtomicInteger();

	private final AtomicLong callSequence = new AtomicLong();

	private final AtomicLong probeSequence = new AtomicLong();

	private final ProbeClock clock;

	private final ScheduledFuture<?> probeTask;

	PeerMonitor(ServiceContext context, ActorSystem system) {
		this.context = context;
		this.system = (ExtendedActorSystem) system;
		this.replyActor = system.actorOf(ClientReplyActor.props(this, context), "actorrpc-replies");
		long probeMillis = context.settings().peerHeartbeatInterval().toMillis();
		this.clock = new ProbeClock(context.settings().peerHeartbeatInterval().toNanos());
		this.probeTask = context.scheduler().scheduleWithFixedDelay(this::probe, probeMillis, probeMillis,
				TimeUnit.MILLISECONDS);
	}

	ActorRef replyActor() {
		return this.replyActor;
	}

	/**
	 * Returns the peer at an address, creating it on first use.
	 * @param address the remote service's address
	 * @return the peer
	 */
	Peer peerFor(Address address) {
		Peer peer = this.peers.get(address);
		if (peer != null) {
			return peer;
		}
		synchronized (this.peers) {
			peer = this.peers.get(address);
			if (peer == null) {
				int id = this.peerIds.incrementAndGet();
				// Resolved from a path, not from a string: Pekko's string overload creates a 1,024-entry cache (16 KiB)
				// per actor system on every thread that calls it, and a peer is resolved once.
				ActorRef remoteRoot = this.system.provider()
					.resolveActorRef(new RootActorPath(address, "/").child("user").child("rpc"));
				PekkoRpcServiceSettings settings = this.context.settings();
				peer = new Peer(id, address.toString(), remoteRoot, this.replyActor, this.callSequence,
						settings.flowControl(), this.context.observer(),
						new PeerSilence(settings.peerHeartbeatInterval(), settings.peerUnreachableAfter()));
				Peer[] table = this.peersById;
				if (id >= table.length) {
					table = Arrays.copyOf(table, Math.max(id + 1, table.length * 2));
				}
				table[id] = peer;
				this.peersById = table;
				this.peers.put(address, peer);
			}
			return peer;
		}
	}

	Peer peer(int id) {
		Peer[] table = this.peersById;
		return (id > 0 && id < table.length) ? table[id] : null;
	}

	Peer peerAt(Address address) {
		return this.peers.get(address);
	}

	/**
	 * The peer sent something; any thread (the transport thread, typically).
	 * @param peer the peer
	 */
	void heard(Peer peer) {
		String wasUnreachable = peer.unreachableReason();
		peer.heard();
		if (wasUnreachable != null) {
			logger.info("Remote RpcService {} is reachable again", peer.address);
		}
	}

	/**
	 * The peer told its incarnation (in a probe answer or a handshake): if it differs from the one
	 * seen before, the peer restarted and what was in flight to its old incarnation is lost.
	 * @param peer the peer
	 * @param incarnation the incarnation it reported
	 */
	void incarnation(Peer peer, long incarnation) {
		long previous = peer.incarnation;
		if (incarnation == 0 || previous == incarnation) {
			return;
		}
		peer.incarnation = incarnation;
		if (previous != 0) {
			lost(peer, "restarted: it answers as a new incarnation, which never received what was sent to the old one.",
					"restarted");
		}
	}

	/**
	 * A caller wanted an unreachable peer: keep probing it so the next call goes through once it
	 * answers.
	 * @param peer the peer
	 */
	void demanded(Peer peer) {
		peer.lastDemand = System.nanoTime();
	}

	/**
	 * The receiver refused fire-and-forget messages (its mailbox was full, or the endpoint was not
	 * running or fenced otherwise): log and count them on this, the sending side.
	 * @param peer the peer
	 * @param endpointId the endpoint
	 * @param count how many
	 */
	void refused(Peer peer, String endpointId, long count) {
		logger.warn("{} fire-and-forget message(s) to endpoint '{}' of {} were not delivered: the endpoint refused "
				+ "them (its mailbox was full, or it was not started, terminated or fenced with another token)", count,
				endpointId, peer.address);
		reportUndelivered(peer.address + "/user/rpc/" + endpointId, count);
	}

	private void probe() {
		long now = System.nanoTime();
		long credit = this.clock.tick(now);
		for (Peer peer : this.peersById) {
			if (peer != null) {
				judge(peer, now, credit);
			}
		}
	}

	private void judge(Peer peer, long now, long credit) {
		boolean active = peer.hasSomethingInFlight();
		boolean wanted = peer.unreachableReason() != null && now - peer.lastDemand < DEMAND_NANOS;
		long heardAt = peer.lastHeard;
		boolean heard = heardAt != peer.lastHeardJudged;
		peer.lastHeardJudged = heardAt;
		boolean becameActive = active && !peer.active;
		peer.active = active;
		if (becameActive) {
			// Its silence counts from now: before, nobody waited for it to say anything.
			peer.silence.heard(0);
		}
		else if (heard) {
			peer.silence.heard(Math.min(now - heardAt, credit));
		}
		if (!active && !wanted) {
			return;
		}
		if (active && !becameActive && !heard && peer.silence.missed(credit)) {
			long silentMillis = TimeUnit.NANOSECONDS.toMillis(peer.silence.silentNanos());
			String reason = "is unreachable: it did not answer " + peer.silence.missedRounds()
					+ " liveness probes in a row (" + silentMillis + " ms of silence on this service's clock; "
					+ "it crashed, was stopped, or the network is down)";
			peer.markUnreachable(reason);
			peer.silence.heard(0);
			peer.lastDemand = now;
			lost(peer, reason + ". Calls to it fail at once until it answers again; nothing is quarantined.",
					"unreachable");
		}
		else {
			peer.root.tell(new PeerPing(this.probeSequence.incrementAndGet()), this.replyActor);
		}
	}

	private void lost(Peer peer, String failure, String what) {
		long unconfirmed = peer.failInFlight(failure);
		peer.active = false;
		if (unconfirmed > 0) {
			logger.warn("Remote RpcService {} {}: {} message(s) in flight to it were not confirmed as delivered; calls "
					+ "among them failed, fire-and-forget messages among them may be lost (never replayed)",
					peer.address, what, unconfirmed);
			reportUndelivered(peer.address, unconfirmed);
		}
	}

	private void reportUndelivered(String recipient, long count) {
		RpcObserver observer = this.context.observer();
		if (observer != RpcObserver.NOOP) {
			try {
				observer.messagesUndelivered(recipient, count);
			}
			catch (RuntimeException ex) {
				logger.warn("RpcObserver failed on messagesUndelivered", ex);
			}
		}
	}

	/** Fails what is in flight to every peer; the service is closing. */
	void close() {
		this.probeTask.cancel(false);
		for (Peer peer : this.peers.values()) {
			peer.failInFlight("is no longer reachable: this RpcService was closed.");
		}
	}

}
