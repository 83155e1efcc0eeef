package org.actorrpc.test.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.actorrpc.exceptions.RecipientUnreachableException;
import org.actorrpc.exceptions.RpcConnectionException;

/**
 * The path every gateway invocation of a testing service takes from its sender to its recipient,
 * with the faults a test injects on it, and the calls still waiting for an answer.
 *
 * <p>Without faults an invocation is handed over at once, on the calling thread. Each pair of
 * sender and recipient is a <em>lane</em>: an invocation that is delayed or held for reordering
 * waits in its lane, and every later invocation of the same lane queues behind it, so no fault
 * ever reorders the messages of one sender. Released invocations are handed over in the order they
 * were sent, except where a reorder rule applies: then the next lane is picked by the rule's seeded
 * random, so a run is still repeatable. A partition or a dead fake fails calls across it at once
 * with a {@link RecipientUnreachableException}, as the real service fails calls to an unreachable
 * node; calls already waiting across it fail too.
 *
 * <p>Thread-safe (one monitor for rules and lanes; hand-overs run outside it).
 */
public final class Network {

	private static final Logger logger = LoggerFactory.getLogger(Network.class);

	private final TestingRuntime runtime;

	private final Set<ClientCall> inFlight = ConcurrentHashMap.newKeySet();

	private final List<Rule> rules = new CopyOnWriteArrayList<>();

	private final List<Partition> partitions = new CopyOnWriteArrayList<>();

	private final Set<String> deadFakes = ConcurrentHashMap.newKeySet();

	/** Held invocations per (sender, recipient); guarded by itself. */
	private final Map<Lane, ArrayDeque<Held>> lanes = new LinkedHashMap<>();

	private final AtomicLong sendSequence = new AtomicLong();

	Network(TestingRuntime runtime) {
		this.runtime = runtime;
	}

	/**
	 * Sends an invocation through the faults in force.
	 * @param envelope the invocation
	 */
	public void send(Envelope envelope) {
		RecipientUnreachableException cut = cutOff(envelope.sender(), envelope.target());
		if (cut != null) {
			fail(envelope, cut);
			return;
		}
		Lane lane = new Lane(envelope.sender(), envelope.target());
		Rule rule = firstRule(envelope.sender(), envelope.target());
		long now = this.runtime.clock().nanos();
		synchronized (this.lanes) {
			ArrayDeque<Held> waiting = this.lanes.get(lane);
			boolean laneBusy = waiting != null && !waiting.isEmpty();
			if (rule == null && !laneBusy) {
				// Fast path outside the monitor below.
			}
			else if (rule != null && rule.kind == Rule.Kind.DROP) {
				rule.affected.incrementAndGet();
				logger.debug("Dropped {} from {} to {} (fault injection)", envelope.method().invocationString,
						envelope.sender(), envelope.target());
				return;
			}
			else {
				long release = now;
				Rule shuffle = null;
				if (rule != null && rule.kind == Rule.Kind.DELAY) {
					rule.affected.incrementAndGet();
					long delay = rule.delay.toNanos();
					release = (delay > Long.MAX_VALUE - now) ? Long.MAX_VALUE : now + delay;
				}
				else if (rule != null && rule.kind == Rule.Kind.REORDER) {
					rule.affected.incrementAndGet();
					shuffle = rule;
				}
				this.lanes.computeIfAbsent(lane, (key) -> new ArrayDeque<>())
					.addLast(new Held(envelope, release, shuffle, this.sendSequence.incrementAndGet()));
				scheduleRelease(release - now, shuffle != null);
				return;
			}
		}
		envelope.deliver();
	}

	private void scheduleRelease(long delayNanos, boolean asTask) {
		if (asTask || delayNanos <= 0) {
			// Held for reordering: released once what is queued now has run, so that invocations of
			// several senders sent meanwhile are there to be interleaved.
			this.runtime.driver().enqueueServiceTask(Driver.Task.of(this::release));
		}
		else {
			this.runtime.timers().schedule(delayNanos, this::release);
		}
	}

	/** Hands over every held invocation whose time has come, lane heads only. */
	void release() {
		while (true) {
			Held next;
			synchronized (this.lanes) {
				next = pickReady(this.runtime.clock().nanos());
				if (next == null) {
					return;
				}
			}
			RecipientUnreachableException cut = cutOff(next.envelope.sender(), next.envelope.target());
			if (cut != null) {
				fail(next.envelope, cut);
			}
			else {
				next.envelope.deliver();
			}
		}
	}

	/** Lanes monitor held: removes and returns the next invocation to hand over. */
	private Held pickReady(long now) {
		List<Lane> ready = new ArrayList<>();
		Rule shuffle = null;
		Lane oldest = null;
		long oldestSequence = Long.MAX_VALUE;
		for (Map.Entry<Lane, ArrayDeque<Held>> entry : this.lanes.entrySet()) {
			Held head = entry.getValue().peekFirst();
			if (head == null || head.release > now) {
				continue;
			}
			ready.add(entry.getKey());
			if (head.shuffle != null) {
				shuffle = head.shuffle;
			}
			if (head.sequence < oldestSequence) {
				oldestSequence = head.sequence;
				oldest = entry.getKey();
			}
		}
		if (ready.isEmpty()) {
			return null;
		}
		Lane chosen = (shuffle != null) ? ready.get(shuffle.random.nextInt(ready.size())) : oldest;
		ArrayDeque<Held> lane = this.lanes.get(chosen);
		Held head = lane.pollFirst();
		if (lane.isEmpty()) {
			this.lanes.remove(chosen);
		}
		return head;
	}

	private Rule firstRule(String sender, String target) {
		for (Rule rule : this.rules) {
			if (rule.matches(sender, target)) {
				return rule;
			}
		}
		return null;
	}

	private RecipientUnreachableException cutOff(String sender, String target) {
		if (this.deadFakes.contains(target)) {
			return new RecipientUnreachableException("Could not deliver the message to " + target + ", because the "
					+ "recipient is unreachable: it was killed by fault injection.");
		}
		for (Partition partition : this.partitions) {
			if (partition.separates(sender, target)) {
				return new RecipientUnreachableException("Could not deliver the message to " + target + ", because the "
						+ "recipient is unreachable: a partition (fault injection) separates it from " + sender + ".");
			}
		}
		return null;
	}

	private void fail(Envelope envelope, Throwable failure) {
		if (envelope.call() != null) {
			envelope.call().fail(failure);
		}
		else {
			logger.warn("Fire-and-forget call {} from {} to {} was not delivered: {}",
					envelope.method().invocationString, envelope.sender(), envelope.target(), failure.getMessage());
		}
	}

	/**
	 * Returns why a connect from the sender to the address must fail, if it must.
	 * @param sender the connecting endpoint's address, or the outside sender
	 * @param address the address connected to
	 * @return the failure, or {@code null} when the connect may go ahead
	 */
	RpcConnectionException connectFailure(String sender, String address) {
		RecipientUnreachableException cut = cutOff(sender, address);
		return (cut != null) ? new RpcConnectionException("Could not connect to rpc endpoint under address " + address
				+ ": " + cut.getMessage(), cut) : null;
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

	// ------------------------------------------------------------------------
	// Faults (FaultInjector)
	// ------------------------------------------------------------------------

	/**
	 * Adds a rule; the first rule that matches an invocation decides its fate.
	 * @param rule the rule
	 */
	public void add(Rule rule) {
		this.rules.add(rule);
	}

	/**
	 * Removes a rule; invocations it holds are still released as planned.
	 * @param rule the rule
	 */
	public void remove(Rule rule) {
		this.rules.remove(rule);
	}

	/**
	 * Cuts a set of addresses off from every other one; calls waiting across the cut fail now.
	 * @param partition the partition
	 */
	public void add(Partition partition) {
		this.partitions.add(partition);
		RecipientUnreachableException failure = new RecipientUnreachableException("The call was in flight when a "
				+ "partition (fault injection) cut its sender and its recipient apart.");
		for (ClientCall call : this.inFlight) {
			if (partition.separates(call.sender(), call.target())) {
				call.fail(failure);
			}
		}
	}

	/**
	 * Heals a partition.
	 * @param partition the partition
	 */
	public void remove(Partition partition) {
		this.partitions.remove(partition);
	}

	/**
	 * Declares a registered fake dead: calls to it fail as unreachable, waiting ones at once.
	 * @param address the fake's address
	 */
	public void killFake(String address) {
		this.deadFakes.add(address);
		recipientGone(address, new RecipientUnreachableException("Could not deliver the message to " + address
				+ ", because the recipient is unreachable: it was killed by fault injection."));
	}

	/** Removes every rule and partition and revives dead fakes; held invocations are released. */
	public void healAll() {
		this.rules.clear();
		this.partitions.clear();
		this.deadFakes.clear();
	}

	/**
	 * A rule for invocations from some senders to some recipients.
	 */
	public static final class Rule {

		/** What happens to a matching invocation. */
		public enum Kind {

			/** Lost in transit: a call waits for its timeout. */
			DROP,
			/** Handed over after a delay of virtual time. */
			DELAY,
			/** Held, then interleaved with other senders' invocations in a seeded random order. */
			REORDER

		}

		private final Kind kind;

		private final Set<String> senders;

		private final Set<String> recipients;

		private final Duration delay;

		private final Random random;

		private final AtomicLong affected = new AtomicLong();

		/**
		 * Creates a rule.
		 * @param kind what it does
		 * @param senders the senders it applies to; empty for every sender
		 * @param recipients the recipients it applies to; empty for every recipient
		 * @param delay the delay of a {@link Kind#DELAY} rule, else ignored
		 * @param seed the seed of a {@link Kind#REORDER} rule, else ignored
		 */
		public Rule(Kind kind, Set<String> senders, Set<String> recipients, Duration delay, long seed) {
			this.kind = kind;
			this.senders = Set.copyOf(senders);
			this.recipients = Set.copyOf(recipients);
			this.delay = delay;
			this.random = new Random(seed);
		}

		boolean matches(String sender, String target) {
			return (this.senders.isEmpty() || this.senders.contains(sender))
					&& (this.recipients.isEmpty() || this.recipients.contains(target));
		}

		/** @return how many invocations it dropped, delayed or held so far */
		public long affected() {
			return this.affected.get();
		}

	}

	/**
	 * A set of addresses cut off from every address outside it (both directions).
	 *
	 * @param side the addresses on one side of the cut
	 */
	public record Partition(Set<String> side) {

		/**
		 * Copies the set.
		 */
		public Partition {
			side = Set.copyOf(side);
		}

		boolean separates(String sender, String target) {
			return this.side.contains(sender) != this.side.contains(target);
		}

	}

	private record Lane(String sender, String target) {
	}

	private record Held(Envelope envelope, long release, Rule shuffle, long sequence) {
	}

}
