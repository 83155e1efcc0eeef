package org.actorrpc.pekko.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * An endpoint's mailbox: an intrusive multi-producer single-consumer FIFO queue (Dmitry Vyukov's
 * algorithm) whose consumer is the endpoint's main thread. Offering is one atomic exchange plus a
 * counter increment; depth and the age of the oldest message are O(1) reads. When the queue is
 * empty the consumer polls for a while, longer while polling keeps catching messages, then parks,
 * and producers wake it.
 *
 * <p>The queue itself never refuses a message: its {@code capacity} is enforced by the callers
 * that admit gateway calls ({@link #offerIfRoom}, {@link #offerIfNobodyWaits}, {@link #offerWhenRoom}),
 * so that the endpoint's own tasks and lifecycle messages always get in. Callers waiting for room
 * wait in a {@link WaitingLine}, first come first served; the consumer wakes the first of them
 * after each message it takes, which costs one volatile read while nobody waits.
 */
final class EndpointMailbox {

	private static final VarHandle HEAD;

	static {
		try {
			HEAD = MethodHandles.lookup().findVarHandle(EndpointMailbox.class, "head", MailboxMessage.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	/** Polls before parking when messages arrive far apart (about 2 µs). */
	private static final int MIN_SPINS = 64;

	/**
	 * Polls before parking while messages keep arriving within the spin (about 30 µs): a wake-up
	 * costs the producer a system call and the consumer tens of microseconds on a virtual machine.
	 */
	private static final int MAX_SPINS = 1024;

	private final AtomicReference<MailboxMessage> tail;

	private final AtomicLong enqueued = new AtomicLong();

	/** Consumer-owned; published with release semantics for readers of {@link #oldestEnqueuedAt()}. */
	@SuppressWarnings("unused")
	private MailboxMessage head;

	private volatile long dequeued;

	private volatile boolean parked;

	/** Consumer-owned: how long to poll before parking, doubled when polling caught a message, else halved. */
	private int spinLimit = MIN_SPINS;

	private volatile Thread consumer;

	private final int capacity;

	/** Callers waiting for room, served first come, first served. */
	private final WaitingLine roomWaiters = new WaitingLine();

	EndpointMailbox(int capacity) {
		this.capacity = capacity;
		MailboxMessage stub = new StubMessage();
		this.head = stub;
		this.tail = new AtomicReference<>(stub);
	}

	void bindConsumer(Thread thread) {
		this.consumer = thread;
	}

	/**
	 * Enqueues a message; any thread.
	 * @param message the message, not enqueued anywhere else
	 */
	void offer(MailboxMessage message) {
		message.enqueuedAt = System.nanoTime();
		MailboxMessage previous = this.tail.getAndSet(message);
		this.enqueued.getAndIncrement();
		previous.next = message;
		if (this.parked) {
			LockSupport.unpark(this.consumer);
		}
	}

	/**
	 * Dequeues the next message; consumer only.
	 * @return the message, or {@code null} if none is visible
	 */
	MailboxMessage poll() {
		MailboxMessage current = (MailboxMessage) HEAD.get(this);
		MailboxMessage next = current.next;
		if (next == null) {
			return null;
		}
		HEAD.setRelease(this, next);
		this.dequeued = this.dequeued + 1;
		return next;
	}

	/**
	 * Dequeues the next message, parking until one arrives; consumer only.
	 * @return the message
	 */
	MailboxMessage take() {
		for (;;) {
			MailboxMessage message = poll();
			if (message != null) {
				return message;
			}
			int limit = this.spinLimit;
			for (int i = 0; i < limit; i++) {
				Thread.onSpinWait();
				message = poll();
				if (message != null) {
					this.spinLimit = Math.min(MAX_SPINS, limit << 1);
					return message;
				}
			}
			this.spinLimit = Math.max(MIN_SPINS, limit >> 1);
			this.parked = true;
			message = poll();
			if (message != null) {
				this.parked = false;
				return message;
			}
			LockSupport.park(this);
			this.parked = false;
		}
	}

	/**
	 * Returns how many messages are queued; any thread, O(1).
	 * @return the depth
	 */
	int depth() {
		long depth = this.enqueued.get() - this.dequeued;
		return (int) Math.max(0, Math.min(Integer.MAX_VALUE, depth));
	}

	/** @return whether fewer than {@code capacity} messages are queued; any thread */
	boolean hasRoom() {
		return depth() < this.capacity;
	}

	/**
	 * Enqueues a gateway call if the mailbox has room, whoever waits for room; for callers that must
	 * not wait, which take any room there is at once. Any thread but the consumer.
	 * @param message the call
	 * @return whether it was enqueued
	 */
	boolean offerIfRoom(MailboxMessage message) {
		if (!hasRoom()) {
			return false;
		}
		offer(message);
		return true;
	}

	/**
	 * Enqueues a gateway call if nobody waits for room and there is room: the fast path of callers
	 * that may wait, no lock and no allocation. Any thread but the consumer.
	 * @param message the call
	 * @return whether it was enqueued; if not, the caller waits in line ({@link #offerWhenRoom})
	 */
	boolean offerIfNobodyWaits(MailboxMessage message) {
		return this.roomWaiters.isEmpty() && offerIfRoom(message);
	}

	/**
	 * Waits in line for room and enqueues the call when it is first in line and there is room, in
	 * one step, so that waiters are served in the order they came and never overshoot the capacity.
	 * Any thread but the consumer.
	 * @param message the call
	 * @param timeoutNanos how long to wait at most
	 * @param giveUp checked on every wake-up: stop waiting when it says so
	 * @return how the wait ended; the call was enqueued only if {@link WaitingLine.Outcome#ADMITTED}
	 */
	WaitingLine.Outcome offerWhenRoom(MailboxMessage message, long timeoutNanos, BooleanSupplier giveUp) {
		return this.roomWaiters.await(() -> offerIfRoom(message), giveUp, timeoutNanos, Long.MAX_VALUE);
	}

	/** Wakes the first caller waiting for room, if any; called by the consumer after it took a message. */
	void wakeRoomWaiters() {
		this.roomWaiters.signalHead();
	}

	/** Wakes every caller waiting for room, so that each checks whether to give up; any thread. */
	void releaseRoomWaiters() {
		this.roomWaiters.signalAll();
	}

	/**
	 * Returns when the oldest queued message was enqueued; any thread, O(1).
	 * @return its {@link System#nanoTime()}, or 0 when empty
	 */
	long oldestEnqueuedAt() {
		MailboxMessage current = (MailboxMessage) HEAD.getAcquire(this);
		MailboxMessage next = current.next;
		return (next != null) ? next.enqueuedAt : 0;
	}

	private static final class StubMessage extends MailboxMessage {

		@Override
		org.actorrpc.RpcMethod method() {
			return null;
		}

		@Override
		org.actorrpc.RecordedMessage.Kind recordedKind() {
			return null;
		}

		@Override
		Throwable process(EndpointServer server) {
			return null;
		}

		@Override
		void reject(Throwable failure) {
		}

	}

}
