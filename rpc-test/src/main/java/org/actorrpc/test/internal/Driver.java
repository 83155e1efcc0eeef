package org.actorrpc.test.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.actorrpc.test.ManualClock;

/**
 * Runs the work of a testing service on whichever thread drives it: every endpoint's FIFO queue
 * of main-thread tasks, the service's own tasks (its scheduled executor), and the
 * {@link VirtualTimers} as virtual time passes.
 *
 * <p>The next task is always the oldest queued one, over all queues, whose endpoint is not busy, so
 * a run is deterministic: the same test runs the same tasks in the same order on every run. One
 * thread drives at a time (a lock); a task may drive again (a blocking call waits for another
 * endpoint), and then the endpoints already running a task on the stack are skipped, so an
 * endpoint never runs two tasks at once.
 *
 * <p>In automatic mode, a thread that enqueues work while nobody drives runs the service until it
 * is idle before it returns. Thread-safe.
 */
public final class Driver {

	/** A run that takes more tasks than this without becoming idle is taken for a busy loop. */
	static final int MAX_TASKS_PER_RUN = 1_000_000;

	private static final Logger logger = LoggerFactory.getLogger(Driver.class);

	private final boolean automatic;

	private final ManualClock clock;

	private final VirtualTimers timers;

	private final Object lock = new Object();

	private final ReentrantLock driveLock = new ReentrantLock();

	/** Guarded by {@link #lock}. */
	private final ArrayDeque<Task> serviceTasks = new ArrayDeque<>();

	/** Guarded by {@link #lock}. */
	private final List<MainThreadQueue> queues = new ArrayList<>();

	/** The queues running a task, innermost first; only the driving thread touches it. */
	private final ArrayDeque<MainThreadQueue> running = new ArrayDeque<>();

	/** Guarded by {@link #lock}. */
	private long nextSequence;

	/**
	 * Creates the driver.
	 * @param automatic whether enqueuing work drives the service on the enqueuing thread
	 * @param clock the virtual clock
	 * @param timers the timers due on it
	 */
	public Driver(boolean automatic, ManualClock clock, VirtualTimers timers) {
		this.automatic = automatic;
		this.clock = clock;
		this.timers = timers;
	}

	/** @return whether enqueuing work drives the service at once */
	public boolean isAutomatic() {
		return this.automatic;
	}

	/**
	 * Creates the task queue of one endpoint.
	 * @param name the name its main thread shows while no task runs
	 * @param address the endpoint's address, the sender of the calls its tasks make
	 * @param onFailure told when a task of the queue throws an error it did not handle
	 * @return the queue
	 */
	public MainThreadQueue newQueue(String name, String address, Consumer<Throwable> onFailure) {
		MainThreadQueue queue = new MainThreadQueue(name, address, onFailure);
		synchronized (this.lock) {
			this.queues.add(queue);
		}
		return queue;
	}

	/**
	 * Forgets an endpoint's queue (it terminated); tasks still in it are returned.
	 * @param queue the queue
	 * @return the tasks it still held
	 */
	public List<Task> removeQueue(MainThreadQueue queue) {
		synchronized (this.lock) {
			this.queues.remove(queue);
			queue.closed = true;
			List<Task> left = new ArrayList<>(queue.tasks);
			queue.tasks.clear();
			return left;
		}
	}

	/**
	 * Appends a task to an endpoint's queue.
	 * @param queue the queue
	 * @param task the task
	 * @return {@code false} if the queue is closed (the task was not queued)
	 */
	public boolean enqueue(MainThreadQueue queue, Task task) {
		synchronized (this.lock) {
			if (queue.closed) {
				return false;
			}
			task.sequence = this.nextSequence++;
			queue.tasks.addLast(task);
		}
		afterEnqueue();
		return true;
	}

	/**
	 * Puts a task in front of every task queued for the endpoint (lifecycle steps that must not
	 * wait behind messages).
	 * @param queue the queue
	 * @param task the task
	 * @return {@code false} if the queue is closed
	 */
	public boolean enqueueFirst(MainThreadQueue queue, Task task) {
		synchronized (this.lock) {
			if (queue.closed) {
				return false;
			}
			Task head = queue.tasks.peekFirst();
			task.sequence = (head != null) ? head.sequence : this.nextSequence++;
			queue.tasks.addFirst(task);
		}
		afterEnqueue();
		return true;
	}

	/**
	 * Appends a task that runs on the driving thread but on no endpoint's main thread (the
	 * service's scheduled executor).
	 * @param task the task
	 */
	public void enqueueServiceTask(Task task) {
		synchronized (this.lock) {
			task.sequence = this.nextSequence++;
			this.serviceTasks.addLast(task);
		}
		afterEnqueue();
	}

	/**
	 * Returns how many tasks an endpoint has queued (not counting one it is running).
	 * @param queue the queue
	 * @return the count
	 */
	public int depth(MainThreadQueue queue) {
		synchronized (this.lock) {
			return queue.tasks.size();
		}
	}

	/**
	 * Returns the endpoint queue whose task the calling thread is running, if any.
	 * @return the innermost running queue, or {@code null} outside tasks
	 */
	public MainThreadQueue currentQueue() {
		if (!this.driveLock.isHeldByCurrentThread()) {
			return null;
		}
		return this.running.peekFirst();
	}

	// ------------------------------------------------------------------------
	// Driving
	// ------------------------------------------------------------------------

	/**
	 * Runs tasks and due timers until none is left.
	 * @return the number of tasks and timers run
	 */
	public int runUntilIdle() {
		this.driveLock.lock();
		try {
			return drain();
		}
		finally {
			release();
		}
	}

	/**
	 * Runs the oldest queued task of any endpoint (or the service), or else the first due timer.
	 * @return whether something ran
	 */
	public boolean runNext() {
		this.driveLock.lock();
		try {
			return step(null);
		}
		finally {
			release();
		}
	}

	/**
	 * Runs the oldest task queued for one endpoint.
	 * @param queue the endpoint's queue
	 * @return whether a task ran ({@code false} when its queue is empty)
	 */
	public boolean runNext(MainThreadQueue queue) {
		this.driveLock.lock();
		try {
			return step(queue);
		}
		finally {
			release();
		}
	}

	/**
	 * Moves virtual time forward, stopping at each timer due on the way: the clock is set to the
	 * timer's due time, the timer fires, and the service runs until idle before time moves on.
	 * @param duration how far, zero or positive
	 */
	public void advance(Duration duration) {
		if (duration.isNegative()) {
			throw new IllegalArgumentException("Virtual time only moves forward, but was asked to advance by "
					+ duration);
		}
		this.driveLock.lock();
		try {
			long now = this.clock.nanos();
			long delta = saturatedNanos(duration);
			long target = (delta > Long.MAX_VALUE - now) ? Long.MAX_VALUE : now + delta;
			drain();
			while (true) {
				long due = this.timers.nextDue();
				if (due > target) {
					break;
				}
				moveClockTo(due);
				drain();
			}
			moveClockTo(target);
			drain();
		}
		finally {
			release();
		}
	}

	/**
	 * Runs the service until the condition holds or nothing is left to run; used by a blocking
	 * call that waits for its answer. Endpoints already running a task are not run again.
	 * @param done the condition
	 * @return whether the condition holds
	 */
	public boolean runUntil(BooleanSupplier done) {
		this.driveLock.lock();
		try {
			int steps = 0;
			while (!done.getAsBoolean()) {
				if (!step(null)) {
					break;
				}
				checkBusyLoop(++steps);
			}
			return done.getAsBoolean();
		}
		finally {
			release();
		}
	}

	/**
	 * Whether nothing is queued to run now (timers due later do not count).
	 * @return whether the service is idle
	 */
	public boolean isIdle() {
		synchronized (this.lock) {
			if (pick() != null) {
				return false;
			}
		}
		return this.timers.nextDue() > this.clock.nanos();
	}

	private void moveClockTo(long epochNanos) {
		long now = this.clock.nanos();
		if (epochNanos > now) {
			this.clock.advance(Duration.ofNanos(epochNanos - now));
		}
	}

	private int drain() {
		int steps = 0;
		while (step(null)) {
			checkBusyLoop(++steps);
		}
		return steps;
	}

	private static void checkBusyLoop(int steps) {
		if (steps >= MAX_TASKS_PER_RUN) {
			throw new IllegalStateException("The TestingRpcService ran " + MAX_TASKS_PER_RUN + " tasks without "
					+ "becoming idle: an endpoint keeps enqueuing work for itself (a runAsync loop, or a zero-delay "
					+ "scheduleRunAsync that reschedules itself). Use a positive delay and advanceTime instead.");
		}
	}

	/** Unlocks; in automatic mode, picks up work that other threads enqueued while this one drove. */
	private void release() {
		boolean outermost = this.driveLock.getHoldCount() == 1;
		this.driveLock.unlock();
		if (outermost && this.automatic) {
			drainAutomatically();
		}
	}

	private void afterEnqueue() {
		if (this.automatic && !this.driveLock.isHeldByCurrentThread()) {
			drainAutomatically();
		}
	}

	private void drainAutomatically() {
		while (hasWork()) {
			if (!this.driveLock.tryLock()) {
				// The driving thread re-checks for work after it unlocks.
				return;
			}
			try {
				drain();
			}
			finally {
				this.driveLock.unlock();
			}
		}
	}

	private boolean hasWork() {
		return !isIdle();
	}

	/**
	 * Driving thread, lock held. A timer that is already due fires before queued tasks: it fell
	 * due before the current time, when those tasks were still waiting.
	 */
	private boolean step(MainThreadQueue only) {
		if (only == null) {
			VirtualTimers.Timer timer = this.timers.pollDue(this.clock.nanos());
			if (timer != null) {
				timer.fire();
				return true;
			}
		}
		MainThreadQueue queue;
		Task task;
		synchronized (this.lock) {
			queue = (only != null) ? only : pick();
			if (queue == null) {
				task = null;
			}
			else if (queue == SERVICE) {
				queue = null;
				task = this.serviceTasks.pollFirst();
			}
			else {
				task = (queue.busy) ? null : queue.tasks.pollFirst();
			}
		}
		if (task == null) {
			return false;
		}
		execute(queue, task);
		return true;
	}

	/** Marks the service's own task queue in {@link #pick}. */
	private static final MainThreadQueue SERVICE = new MainThreadQueue("service", "service", (failure) -> {
	});

	/** Lock held: the queue whose head is the oldest runnable task, {@link #SERVICE}, or null. */
	private MainThreadQueue pick() {
		MainThreadQueue best = null;
		long bestSequence = Long.MAX_VALUE;
		Task service = this.serviceTasks.peekFirst();
		if (service != null) {
			best = SERVICE;
			bestSequence = service.sequence;
		}
		for (MainThreadQueue queue : this.queues) {
			if (queue.busy) {
				continue;
			}
			Task head = queue.tasks.peekFirst();
			if (head != null && head.sequence < bestSequence) {
				best = queue;
				bestSequence = head.sequence;
			}
		}
		return best;
	}

	private void execute(MainThreadQueue queue, Task task) {
		if (queue == null) {
			try {
				task.run();
			}
			catch (VirtualMachineError fatal) {
				throw fatal;
			}
			catch (Throwable ex) {
				logger.error("A task of the TestingRpcService's scheduled executor failed", ex);
			}
			return;
		}
		Thread current = Thread.currentThread();
		MainThreadQueue outer = this.running.peekFirst();
		if (outer != null) {
			outer.active = null;
		}
		queue.busy = true;
		queue.active = current;
		this.running.push(queue);
		try {
			task.run();
		}
		catch (VirtualMachineError fatal) {
			throw fatal;
		}
		catch (Throwable ex) {
			queue.onFailure.accept(ex);
		}
		finally {
			this.running.pop();
			queue.active = null;
			queue.busy = false;
			if (outer != null) {
				outer.active = current;
			}
		}
	}

	private static long saturatedNanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

	/**
	 * The FIFO queue of one endpoint's main-thread tasks, and the thread that counts as its main
	 * thread: the driving thread while one of its tasks runs, otherwise a thread that is never
	 * started (so that {@code validateRunsInMainThread()} fails outside tasks).
	 */
	public static final class MainThreadQueue {

		private final Thread idleThread;

		private final String address;

		private final Consumer<Throwable> onFailure;

		private final ArrayDeque<Task> tasks = new ArrayDeque<>();

		private volatile Thread active;

		private volatile boolean busy;

		private boolean closed;

		MainThreadQueue(String name, String address, Consumer<Throwable> onFailure) {
			this.idleThread = new Thread(name + " (no task running)");
			this.address = address;
			this.onFailure = onFailure;
		}

		/**
		 * Returns the endpoint's main thread as the main-thread check sees it.
		 * @return the driving thread while a task of this queue runs, else an idle placeholder
		 */
		public Thread mainThread() {
			Thread thread = this.active;
			return (thread != null) ? thread : this.idleThread;
		}

		/** @return the address of the endpoint that owns the queue */
		public String address() {
			return this.address;
		}

		/** @return whether one of the queue's tasks runs right now */
		public boolean isBusy() {
			return this.busy;
		}

	}

	/**
	 * One unit of work: it runs once, or is refused when its endpoint terminated first.
	 */
	public abstract static class Task {

		private long sequence;

		/** Runs the work on the driving thread. */
		protected abstract void run();

		/**
		 * Tells whoever waits for this task that it will never run.
		 * @param reason why
		 */
		protected void refuse(Throwable reason) {
		}

		/**
		 * Creates a task from a runnable.
		 * @param body the work
		 * @return the task
		 */
		public static Task of(Runnable body) {
			return new Task() {

				@Override
				protected void run() {
					body.run();
				}

			};
		}

	}

}
