package org.actorrpc.pekko.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
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
 * that admit gateway calls ({@link #hasRoom()}, {@link #awaitRoom}), so that the endpoint's own
 * tasks and lifecycle messages always get in. Callers waiting for room wait on a monitor that the
 * consumer signals after each message it takes, only while someone waits.
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

	/** Producers waiting for room; changed under {@link #roomLock}, read racily by the consumer. */
	private volatile int roomWaiters;

	private final Object roomLock = new Object();

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
	 * Waits until the mailbox has room; any thread but the consumer.
	 * @param timeoutNanos how long to wait at most
	 * @param giveUp checked on every wake-up: stop waiting when it says so
	 * @return whether there is room (or {@code giveUp} said so) before the timeout
	 */
	boolean awaitRoom(long timeoutNanos, BooleanSupplier giveUp) {
		long deadline = System.nanoTime() + timeoutNanos;
		synchronized (this.roomLock) {
			this.roomWaiters++;
			try {
				long remaining;
				while (!hasRoom() && !giveUp.getAsBoolean() && (remaining = deadline - System.nanoTime()) > 0) {
					TimeUnit.NANOSECONDS.timedWait(this.roomLock, remaining);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				this.roomWaiters--;
			}
		}
		return hasRoom() || giveUp.getAsBoolean();
	}

	/** Wakes producers waiting for room, if any; called by the consumer after it took a message. */
	void wakeRoomWaiters() {
		if (this.roomWaiters > 0) {
			synchronized (this.roomLock) {
				this.roomLock.notifyAll();
			}
		}
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
