package org.actorrpc.demo.taskmanager;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The TaskManager's worker threads ({@code task-worker-<resourceId>-<n>}): simulated task work
 * runs here, never on the TaskExecutor's main thread. Threads are created on demand (at most one
 * per running task) and are daemons. Thread-safe.
 */
public final class TaskWorkers implements AutoCloseable {

	private final ExecutorService executor;

	/**
	 * Creates the pool.
	 * @param resourceId the TaskManager, for thread names
	 */
	public TaskWorkers(String resourceId) {
		AtomicInteger counter = new AtomicInteger();
		ThreadFactory threads = (runnable) -> {
			Thread thread = new Thread(runnable, "task-worker-" + resourceId + "-" + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		this.executor = Executors.newCachedThreadPool(threads);
	}

	/**
	 * Runs a task's work on a worker thread.
	 * @param work the work
	 */
	public void execute(Runnable work) {
		this.executor.execute(work);
	}

	/**
	 * Stops the workers: running tasks are interrupted.
	 */
	@Override
	public void close() {
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
