package org.actorrpc.pekko.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.apache.pekko.actor.ActorRef;

import org.actorrpc.RpcObserver;
import org.actorrpc.exceptions.RpcException;
import org.actorrpc.pekko.FlowControlSettings;

/**
 * The sending half of the flow from this service to one remote endpoint: how many messages and
 * payload bytes are in flight to it (sent, and not yet taken out of its mailbox by its main
 * thread). A message is sent only within the window; the receiver returns credit with
 * {@link FlowGrant}s as its main thread works.
 *
 * <p>Thread-safety and ordering: the credit is one packed {@code long} changed by compare-and-set,
 * so a send within the window takes no lock and allocates nothing while nobody waits. A thread
 * that finds the window exhausted joins a first-come, first-served line (guarded by {@code this})
 * and parks. Whoever returns credit (a {@link FlowGrant}, on the transport thread) takes it for
 * the waiters in the order they came, as far as it goes, and unparks each one it served; so a
 * caller that started waiting earlier gets credit before a later one, and the waiters served by
 * one grant send as their threads run. While anyone waits, new senders queue behind the waiters
 * instead of overtaking them. If no grant came for 20 ms a waiter asks the receiver for its
 * credit (a {@link CreditRequest}, one at a time). A thread that may not wait takes any credit
 * there is at once, or asks and fails. Messages of one thread leave in the order that thread sent
 * them.
 */
final class OutboundFlow {

	private static final VarHandle CREDIT_REQUESTED;

	static {
		try {
			CREDIT_REQUESTED = MethodHandles.lookup().findVarHandle(OutboundFlow.class, "creditRequested", boolean.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private static final int BYTES_BITS = 40;

	private static final long BYTES_MASK = (1L << BYTES_BITS) - 1;

	/**
	 * How long a waiting sender lets the receiver return credit unasked before it asks: under
	 * steady backpressure grants come every quarter window anyway, and asking would only add
	 * messages.
	 */
	private static final long CREDIT_REQUEST_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

	final String endpointAddress;

	private final ActorRef target;

	private final ActorRef replyTo;

	private final FlowControlSettings limits;

	private final RpcObserver observer;

	/** Messages in flight (upper 24 bits) and bytes in flight (lower 40 bits). */
	private final AtomicLong inFlight = new AtomicLong();

	/** Threads waiting for credit, in the order they came; guarded by {@code this}. */
	private final ArrayDeque<Waiter> line = new ArrayDeque<>();

	/** How many threads are in {@link #line}; written under {@code this}, read without a lock on the fast path. */
	private volatile int waiters;

	/** Whether a credit request is on its way and unanswered. */
	private volatile boolean creditRequested;

	/** How many grants arrived; tells a waiting sender whether credit comes back unasked. */
	private volatile long releases;

	OutboundFlow(String endpointAddress, ActorRef target, ActorRef replyTo, FlowControlSettings limits,
			RpcObserver observer) {
		this.endpointAddress = endpointAddress;
		this.target = target;
		this.replyTo = replyTo;
		this.limits = limits;
		this.observer = observer;
	}

	/**
	 * Takes credit for one message, waiting for it if the caller may wait.
	 * @param bytes the message's payload size
	 * @param invocation the method, for the error
	 * @param caller tells, only when the window is exhausted, whether the calling thread may block
	 * @return {@code null} when the message may be sent, otherwise why not
	 */
	RpcException acquire(int bytes, String invocation, ServiceContext caller) {
		if (this.waiters == 0 && tryAcquire(bytes)) {
			return null;
		}
		long start = System.nanoTime();
		RpcException refused = acquireSlowly(bytes, invocation, caller.mayWaitForCapacity());
		if (this.observer != RpcObserver.NOOP) {
			try {
				this.observer.capacityWaited(this.endpointAddress, "window", System.nanoTime() - start, refused == null);
			}
			catch (RuntimeException ex) {
				// observers must not throw; a failing one does not change the call's outcome
			}
		}
		return refused;
	}

	private RpcException acquireSlowly(int bytes, String invocation, boolean mayWait) {
		long timeoutNanos = mayWait ? PendingCall.saturatedNanos(this.limits.overflowTimeout()) : 0;
		if (timeoutNanos == 0) {
			if (tryAcquire(bytes)) {
				return null;
			}
			requestCredit();
			return exhausted(invocation, bytes, mayWait ? Waited.NOT_CONFIGURED : Waited.NOT_ALLOWED);
		}
		Waiter self = new Waiter(Thread.currentThread(), bytes);
		synchronized (this) {
			this.line.addLast(self);
			this.waiters = this.line.size();
			// Credit returned between the caller's check and its joining the line was handed to nobody.
			serve();
		}
		long deadline = System.nanoTime() + timeoutNanos;
		long releasesSeen = this.releases;
		long askAt = System.nanoTime() + CREDIT_REQUEST_DELAY_NANOS;
		boolean interrupted = false;
		try {
			while (!self.served) {
				long now = System.nanoTime();
				long remaining = deadline - now;
				if (remaining <= 0) {
					if (leave(self)) {
						return exhausted(invocation, bytes, Waited.TIMED_OUT);
					}
					// Served as its bound passed.
					break;
				}
				long releasesNow = this.releases;
				if (releasesNow != releasesSeen) {
					releasesSeen = releasesNow;
					askAt = now + CREDIT_REQUEST_DELAY_NANOS;
				}
				else if (now - askAt >= 0) {
					// No credit came back on its own: the receiver may owe too little to send it unasked.
					requestCredit();
					askAt = now + CREDIT_REQUEST_DELAY_NANOS;
				}
				LockSupport.parkNanos(this, Math.min(remaining, CREDIT_REQUEST_DELAY_NANOS));
				// Waiting goes on until credit or the bound: an interrupt would otherwise end every park at once.
				interrupted |= Thread.interrupted();
			}
			return null;
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Takes a waiter that reached its bound out of the line, unless credit was handed to it first.
	 * @param waiter the waiter
	 * @return whether it left without credit
	 */
	private boolean leave(Waiter waiter) {
		synchronized (this) {
			if (waiter.served) {
				return false;
			}
			this.line.remove(waiter);
			this.waiters = this.line.size();
			// The waiter behind it may fit what it could not wait for.
			serve();
			return true;
		}
	}

	/**
	 * Takes credit for the waiters in the order they came, as far as it goes, and wakes each one
	 * served; a waiter that does not get its credit keeps the ones behind it waiting. Caller holds
	 * {@code this}: a thread returning credit, or a waiter joining or leaving the line.
	 */
	private void serve() {
		// The returning thread serves, not the first waiter for itself: a line whose head takes its own
		// credit and then wakes the next passes a grant on one thread wake-up at a time; under contention
		// every sender rejoins the line for every message, and each message reaches the transport alone,
		// from another thread, so the transport is woken from outside once per message. That made
		// FlowControlTest's million messages slower by 2-3 times on one core and exposed a lost wake-up
		// of the transport loop (the peer looked unreachable). Here a grant costs the returning thread
		// one unpark per waiter it serves, and the served senders send in bursts.
		Waiter head;
		while ((head = this.line.peekFirst()) != null && tryAcquire(head.bytes)) {
			this.line.pollFirst();
			head.served = true;
			LockSupport.unpark(head.thread);
		}
		this.waiters = this.line.size();
	}

	private boolean tryAcquire(int bytes) {
		for (;;) {
			long current = this.inFlight.get();
			long messages = current >>> BYTES_BITS;
			long inFlightBytes = current & BYTES_MASK;
			// A message starts while the window is not full yet, as for messages; so the headers of a
			// message, or its size, never keep it out of a window that is partly free.
			if (messages >= this.limits.windowMessages() || inFlightBytes >= this.limits.windowBytes()) {
				return false;
			}
			long next = ((messages + 1) << BYTES_BITS) | Math.min(BYTES_MASK, inFlightBytes + bytes);
			if (this.inFlight.compareAndSet(current, next)) {
				return true;
			}
		}
	}

	private void requestCredit() {
		// Waiters ask without a lock: only one of them sends the request.
		if (!this.creditRequested && CREDIT_REQUESTED.compareAndSet(this, false, true)) {
			this.target.tell(CreditRequest.INSTANCE, this.replyTo);
		}
	}

	/**
	 * Returns credit: the receiver took messages out of its mailbox (or refused them). Any thread.
	 * @param messages how many messages
	 * @param bytes their payload bytes
	 */
	void release(long messages, long bytes) {
		long current;
		long next;
		do {
			current = this.inFlight.get();
			long remainingMessages = Math.max(0, (current >>> BYTES_BITS) - messages);
			long remainingBytes = Math.max(0, (current & BYTES_MASK) - bytes);
			if (remainingMessages == 0) {
				remainingBytes = 0;
			}
			next = (remainingMessages << BYTES_BITS) | remainingBytes;
		}
		while (!this.inFlight.compareAndSet(current, next));
		this.creditRequested = false;
		this.releases++;
		if (this.waiters > 0) {
			synchronized (this) {
				serve();
			}
		}
	}

	/**
	 * Forgets what is in flight, because the connection to the receiver was lost or it restarted.
	 * @return how many messages were in flight and will never be confirmed
	 */
	long reset() {
		long previous = this.inFlight.getAndSet(0);
		this.creditRequested = false;
		if (this.waiters > 0) {
			synchronized (this) {
				serve();
			}
		}
		return previous >>> BYTES_BITS;
	}

	/** @return messages in flight */
	long inFlightMessages() {
		return this.inFlight.get() >>> BYTES_BITS;
	}

	/** @return payload bytes in flight */
	long inFlightBytes() {
		return this.inFlight.get() & BYTES_MASK;
	}

	/** A thread in the line; {@link #served} once credit was taken for it. */
	private static final class Waiter {

		final Thread thread;

		final int bytes;

		volatile boolean served;

		Waiter(Thread thread, int bytes) {
			this.thread = thread;
			this.bytes = bytes;
		}

	}

	/** Why a caller did not get credit. */
	private enum Waited {

		TIMED_OUT, NOT_CONFIGURED, NOT_ALLOWED

	}

	private RpcException exhausted(String invocation, int bytes, Waited waited) {
		long current = this.inFlight.get();
		boolean messagesFull = (current >>> BYTES_BITS) >= this.limits.windowMessages();
		String raise = messagesFull ? "actorrpc.flow-control.window-messages (FlowControlSettings.windowMessages)"
				: "actorrpc.flow-control.window-size (FlowControlSettings.windowBytes)";
		String waitText = switch (waited) {
			case TIMED_OUT -> "did not return credit within " + this.limits.overflowTimeout().toMillis()
					+ " ms (actorrpc.flow-control.overflow-timeout)";
			case NOT_CONFIGURED -> "has not returned credit, and callers do not wait for it "
					+ "(actorrpc.flow-control.overflow-timeout is 0)";
			case NOT_ALLOWED -> "has not returned credit, and this thread must not wait for it (it is an endpoint's "
					+ "main thread or the transport thread; waiting there could deadlock)";
		};
		return new RpcException("Could not send " + invocation + " to " + this.endpointAddress
				+ ": the flow-control window to that endpoint is exhausted (" + (current >>> BYTES_BITS) + " of "
				+ this.limits.windowMessages() + " messages and " + (current & BYTES_MASK) + " of "
				+ this.limits.windowBytes() + " bytes in flight; this message has " + bytes + " bytes) and the endpoint "
				+ waitText + ". The endpoint processes more slowly than it is called, or more is in flight to it "
				+ "than the window holds: send less, or raise " + raise + " on both sides.");
	}

}
