package org.actorrpc.test.internal;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.actorrpc.internal.endpoint.UnstoppableScheduledExecutor;
import org.actorrpc.test.ManualClock;

/**
 * The testing service's scheduled executor, on virtual time: {@code execute}/{@code submit} queue a
 * task of the service (run by the driver, on no endpoint's main thread); {@code schedule*} set
 * timers on the {@link ManualClock}, which fire as {@code advanceTime} passes them. Periodic tasks
 * reschedule themselves after each run, at a fixed rate or with a fixed delay, on virtual time.
 * Callers get it wrapped in an {@link UnstoppableScheduledExecutor}: only closing the service
 * shuts it down, and after that it rejects new tasks.
 *
 * <p>Thread-safe.
 */
final class VirtualScheduledExecutor extends AbstractExecutorService implements ScheduledExecutorService {

	private static final Logger logger = LoggerFactory.getLogger(VirtualScheduledExecutor.class);

	private final Driver driver;

	private final VirtualTimers timers;

	private final ManualClock clock;

	private volatile boolean shutdown;

	VirtualScheduledExecutor(Driver driver, VirtualTimers timers, ManualClock clock) {
		this.driver = driver;
		this.timers = timers;
		this.clock = clock;
	}

	@Override
	public void execute(Runnable command) {
		Objects.requireNonNull(command, "command");
		checkOpen();
		this.driver.enqueueServiceTask(Driver.Task.of(() -> {
			try {
				command.run();
			}
			catch (RuntimeException ex) {
				logger.error("A task of the TestingRpcService's scheduled executor failed", ex);
			}
		}));
	}

	@Override
	public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
		return schedule(new VirtualFuture<>(Executors.callable(command), 0, false), delay, unit);
	}

	@Override
	public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
		return schedule(new VirtualFuture<>(callable, 0, false), delay, unit);
	}

	@Override
	public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
		if (period <= 0) {
			throw new IllegalArgumentException("period must be positive but was " + period);
		}
		return schedule(new VirtualFuture<>(Executors.callable(command), unit.toNanos(period), true), initialDelay,
				unit);
	}

	@Override
	public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
			TimeUnit unit) {
		if (delay <= 0) {
			throw new IllegalArgumentException("delay must be positive but was " + delay);
		}
		return schedule(new VirtualFuture<>(Executors.callable(command), unit.toNanos(delay), false), initialDelay,
				unit);
	}

	private <V> VirtualFuture<V> schedule(VirtualFuture<V> future, long delay, TimeUnit unit) {
		checkOpen();
		future.arm(unit.toNanos(Math.max(0, delay)));
		return future;
	}

	private void checkOpen() {
		if (this.shutdown) {
			throw new RejectedExecutionException("The TestingRpcService is closed");
		}
	}

	/** Closing the service: from now on new tasks are rejected. */
	@Override
	public void shutdown() {
		this.shutdown = true;
	}

	@Override
	public List<Runnable> shutdownNow() {
		shutdown();
		return List.of();
	}

	@Override
	public boolean isShutdown() {
		return this.shutdown;
	}

	@Override
	public boolean isTerminated() {
		return this.shutdown;
	}

	@Override
	public boolean awaitTermination(long timeout, TimeUnit unit) {
		return this.shutdown;
	}

	/** Utility: {@link java.util.concurrent.Executors#callable(Runnable)} without the static import clash. */
	private static final class Executors {

		static Callable<Object> callable(Runnable runnable) {
			Objects.requireNonNull(runnable, "command");
			return java.util.concurrent.Executors.callable(runnable);
		}

	}

	/**
	 * A scheduled task on virtual time; periodic ones re-arm after each run until cancelled or a
	 * run throws.
	 */
	private final class VirtualFuture<V> extends FutureTask<V> implements ScheduledFuture<V> {

		private final long periodNanos;

		private final boolean fixedRate;

		private volatile VirtualTimers.Timer timer;

		VirtualFuture(Callable<V> callable, long periodNanos, boolean fixedRate) {
			super(callable);
			this.periodNanos = periodNanos;
			this.fixedRate = fixedRate;
		}

		void arm(long delayNanos) {
			this.timer = VirtualScheduledExecutor.this.timers.schedule(delayNanos, this::fire);
		}

		private void fire() {
			if (this.periodNanos == 0) {
				run();
				return;
			}
			long due = this.timer.due();
			if (runAndReset() && !VirtualScheduledExecutor.this.shutdown) {
				long now = VirtualScheduledExecutor.this.clock.nanos();
				long next = this.fixedRate ? Math.max(0, due + this.periodNanos - now) : this.periodNanos;
				arm(next);
			}
		}

		@Override
		public long getDelay(TimeUnit unit) {
			VirtualTimers.Timer current = this.timer;
			long remaining = (current != null) ? current.due() - VirtualScheduledExecutor.this.clock.nanos() : 0;
			return unit.convert(remaining, TimeUnit.NANOSECONDS);
		}

		@Override
		public int compareTo(Delayed other) {
			return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
		}

		@Override
		public boolean cancel(boolean mayInterruptIfRunning) {
			VirtualTimers.Timer current = this.timer;
			if (current != null) {
				current.cancel();
			}
			return super.cancel(mayInterruptIfRunning);
		}

	}

}
