package org.actorrpc.pekko.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.apache.pekko.dispatch.TaskInvocation;
import org.apache.pekko.util.SerializedSuspendableExecutionContext;

/**
 * A single-threaded executor on which Pekko IO's selector loop, its TCP connection actors and
 * Artery's streams all run, so that bytes arriving on a socket are read, decoded and handed to an
 * endpoint's mailbox by the thread the kernel woke, with no hand-over between a selector thread and
 * a transport thread.
 *
 * <p>Pekko IO runs {@code selector.select()} as a task that blocks until a channel is ready and then
 * schedules itself again. While the loop thread sits in that call, a task submitted by another
 * thread (a caller's message to Artery's outbound stream, a timer) would wait for the next network
 * event; so such a submission interrupts the loop thread, which the JDK turns into
 * {@code Selector.wakeup()}. Interrupts are confined to the selector's tasks by a small state
 * machine: the loop clears the interrupt before it runs anything else, because an interrupt seen by
 * channel I/O would close the channel.
 *
 * <p>Selector tasks are recognised as Pekko IO submits them: a {@link TaskInvocation} wrapping the
 * selector's {@link SerializedSuspendableExecutionContext}, the only user of that class in Pekko.
 * The dispatcher must have a throughput of 1, so that each such task runs exactly one selector step
 * and a selector step never blocks while work submitted by the loop thread itself is queued.
 *
 * <p>Threading: {@link #execute(Runnable)} and the lifecycle methods may be called from any thread;
 * tasks run one at a time on the loop thread, in submission order.
 */
final class TransportEventLoop extends AbstractExecutorService {

	/** The loop thread runs a task other than a selector step. */
	private static final int RUNNING = 0;

	/** The loop thread is parked waiting for tasks. */
	private static final int PARKED = 1;

	/** The loop thread runs a selector step and may be blocked in {@code select()}. */
	private static final int SELECTING = 2;

	/** A submitter claimed the right to interrupt the selector step. */
	private static final int WAKING = 3;

	/** The submitter that claimed it has delivered its interrupts. */
	private static final int WOKEN = 4;

	private static final int ACCEPTING = 0;

	private static final int SHUTDOWN = 1;

	private static final int STOPPED = 2;

	private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	private final AtomicInteger state = new AtomicInteger(RUNNING);

	private final CountDownLatch terminated = new CountDownLatch(1);

	private final Thread thread;

	private volatile int runState = ACCEPTING;

	TransportEventLoop(ThreadFactory threadFactory) {
		this.thread = threadFactory.newThread(this::loop);
		this.thread.start();
	}

	@Override
	public void execute(Runnable task) {
		if (this.runState != ACCEPTING) {
			throw new RejectedExecutionException("The transport event loop " + this.thread.getName() + " is shut down");
		}
		this.tasks.offer(task);
		wakeLoop();
		if (this.runState != ACCEPTING && this.tasks.remove(task)) {
			throw new RejectedExecutionException("The transport event loop " + this.thread.getName() + " is shut down");
		}
	}

	/**
	 * Makes sure the loop thread will look at its queue: unparks it, or interrupts the selector step
	 * it runs. The loop thread interrupts itself too when it submits from inside a selector step,
	 * so that a {@code select()} later in the same step cannot strand its own task.
	 */
	private void wakeLoop() {
		int current = this.state.get();
		if (current == PARKED) {
			LockSupport.unpark(this.thread);
		}
		else if (current == SELECTING) {
			wakeSelector();
		}
	}

	/**
	 * Interrupts the selector step, if no other thread has claimed to: a {@code select()} the loop
	 * thread is in, or is about to enter, returns. Twice, because on JDK 17 an interrupt from another
	 * thread that finds no blocker installed sets the interrupted flag only after releasing the blocker
	 * lock: a loop thread entering {@code select()} in between installs the selector's blocker, finds
	 * the flag not yet set, and blocks until Pekko's 10 s select timeout (seen as a peer declared
	 * unreachable under load). The second interrupt either finds that blocker and wakes the selector
	 * through it, or comes before it and leaves the flag set that {@code select()} checks on entry.
	 * {@link #WOKEN} tells the loop that both interrupts are delivered, so the flag it clears after
	 * the step cannot be set again under the next task.
	 */
	private void wakeSelector() {
		if (this.state.compareAndSet(SELECTING, WAKING)) {
			this.thread.interrupt();
			if (Thread.currentThread() != this.thread) {
				this.thread.interrupt();
			}
			this.state.set(WOKEN);
		}
	}

	private void loop() {
		try {
			while (true) {
				Runnable task = this.tasks.poll();
				if (task == null) {
					if (this.runState != ACCEPTING) {
						return;
					}
					park();
				}
				else if (isSelectorStep(task)) {
					runSelectorStep(task);
				}
				else {
					clearStrayInterrupt();
					runTask(task);
				}
			}
		}
		finally {
			this.runState = STOPPED;
			this.terminated.countDown();
		}
	}

	private void park() {
		this.state.set(PARKED);
		if (this.tasks.isEmpty() && this.runState == ACCEPTING) {
			LockSupport.park(this);
		}
		this.state.set(RUNNING);
	}

	private void runSelectorStep(Runnable step) {
		this.state.set(SELECTING);
		// A task offered just before SELECTING was visible would otherwise wait for the next I/O event.
		if (!this.tasks.isEmpty() || this.runState != ACCEPTING) {
			wakeSelector();
		}
		try {
			runTask(step);
		}
		finally {
			if (!this.state.compareAndSet(SELECTING, RUNNING)) {
				// A submitter won the race to WAKING: its interrupts are on the way and must be consumed
				// here, not by the channel I/O of the next task.
				while (this.state.get() != WOKEN) {
					Thread.onSpinWait();
				}
				Thread.interrupted();
				this.state.set(RUNNING);
			}
		}
	}

	private void clearStrayInterrupt() {
		if (this.runState != STOPPED) {
			Thread.interrupted();
		}
	}

	private void runTask(Runnable task) {
		try {
			task.run();
		}
		catch (Throwable ex) {
			// Pekko's tasks report their own failures; anything escaping is reported like an uncaught
			// exception, but the loop carries on, since it is the only thread of the transport.
			Thread.UncaughtExceptionHandler handler = this.thread.getUncaughtExceptionHandler();
			if (handler != null) {
				handler.uncaughtException(this.thread, ex);
			}
		}
	}

	private static boolean isSelectorStep(Runnable task) {
		return task instanceof TaskInvocation invocation
				&& invocation.runnable() instanceof SerializedSuspendableExecutionContext;
	}

	@Override
	public void shutdown() {
		if (this.runState == ACCEPTING) {
			this.runState = SHUTDOWN;
		}
		wakeLoop();
	}

	@Override
	public List<Runnable> shutdownNow() {
		this.runState = STOPPED;
		List<Runnable> pending = new ArrayList<>();
		Runnable task;
		while ((task = this.tasks.poll()) != null) {
			pending.add(task);
		}
		this.thread.interrupt();
		LockSupport.unpark(this.thread);
		return pending;
	}

	@Override
	public boolean isShutdown() {
		return this.runState != ACCEPTING;
	}

	@Override
	public boolean isTerminated() {
		return this.terminated.getCount() == 0;
	}

	@Override
	public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
		return this.terminated.await(timeout, unit);
	}

}
