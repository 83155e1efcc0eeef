package org.actorrpc.benchmarks.scale;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * The main thread of the endpoint that runs a piece of simulation logic, whichever RPC system hosts it: tasks
 * given to it run there, one at a time, in order. Thread-safe.
 */
public interface MainThread extends Executor {

	/**
	 * Runs a task on the main thread after a delay.
	 * @param task the task
	 * @param delay the delay
	 */
	void schedule(Runnable task, Duration delay);

	/**
	 * @param executor runs tasks on the main thread (an endpoint's main-thread executor)
	 * @param scheduler runs tasks there after a delay (an endpoint's {@code scheduleRunAsync})
	 * @return both as a main thread
	 */
	static MainThread of(Executor executor, BiConsumer<Runnable, Duration> scheduler) {
		return new MainThread() {
			@Override
			public void execute(Runnable task) {
				executor.execute(task);
			}

			@Override
			public void schedule(Runnable task, Duration delay) {
				scheduler.accept(task, delay);
			}
		};
	}

}
