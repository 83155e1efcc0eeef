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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.actorrpc.RpcObserver;

/**
 * Liveness of the remote services this one talks to. While a peer has calls waiting for answers
 * or messages waiting for credit, it is probed every {@code peerHeartbeatInterval}; anything it
 * sends counts as a sign of life (answers, credit grants, probe answers), so a peer that is busy
 * but alive is never declared unreachable. A peer silent past {@code peerUnreachableAfter} is
 * unreachable: its waiting calls fail with a RecipientUnreachableException, the messages in flight
 * to it are reported as unconfirmed (logged and counted, never replayed), and new calls to it fail
 * at once until it answers a probe again. A peer that answers as a new incarnation restarted: what
 * was in flight to the old one is reported the same way. Also owns the reply actor that receives
 * everything peers send back. Thread-safe.
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

	private final ScheduledFuture<?> probeTask;

	PeerMonitor(ServiceContext context, ActorSystem system) {
		this.context = context;
		this.system = (ExtendedActorSystem) system;
		this.replyActor = system.actorOf(ClientReplyActor.props(this, context), "actorrpc-replies");
		long probeMillis = context.settings().peerHeartbeatInterval().toMillis();
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
				ActorRef remoteRoot = this.system.provider().resolveActorRef(address + "/user/rpc");
				peer = new Peer(id, address.toString(), remoteRoot, this.replyActor, this.callSequence,
						this.context.settings().flowControl(), this.context.observer());
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
		long limit = this.context.settings().peerUnreachableAfter().toNanos();
		long now = System.nanoTime();
		for (Peer peer : this.peersById) {
			if (peer == null) {
				continue;
			}
			boolean active = peer.hasSomethingInFlight();
			boolean wanted = peer.unreachableReason() != null && now - peer.lastDemand < DEMAND_NANOS;
			if (active && !peer.active) {
				peer.silentSince = Math.max(peer.silentSince, now);
			}
			peer.active = active;
			if (!active && !wanted) {
				continue;
			}
			long silent = now - peer.silentSince;
			if (active && silent > limit) {
				long silentMillis = TimeUnit.NANOSECONDS.toMillis(silent);
				String reason = "is unreachable: it did not answer liveness probes for " + silentMillis
						+ " ms (it crashed, was stopped, or the network is down)";
				peer.markUnreachable(reason);
				peer.lastDemand = now;
				lost(peer, reason + ". Calls to it fail at once until it answers again; nothing is quarantined.",
						"unreachable");
			}
			else {
				peer.root.tell(new PeerPing(this.probeSequence.incrementAndGet()), this.replyActor);
			}
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
