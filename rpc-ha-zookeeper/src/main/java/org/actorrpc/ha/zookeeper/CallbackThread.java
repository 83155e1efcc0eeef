package org.actorrpc.ha.zookeeper;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single daemon thread that serializes the events and callbacks of one election or one
 * retrieval. Work submitted after {@link #stop()} is dropped; a task's failure is logged and does
 * not stop later tasks. Thread-safe.
 */
final class CallbackThread implements Executor {

	private static final Logger logger = LoggerFactory.getLogger(CallbackThread.class);

	private final ExecutorService executor;

	private volatile Thread thread;

	CallbackThread(String name) {
		this.executor = Executors.newSingleThreadExecutor((runnable) -> {
			Thread created = new Thread(runnable, name);
			created.setDaemon(true);
			this.thread = created;
			return created;
		});
	}

	@Override
	public void execute(Runnable task) {
		tryExecute(task);
	}

	/**
	 * Queues a task.
	 * @param task the task
	 * @return false if the thread is stopped and the task was dropped
	 */
	boolean tryExecute(Runnable task) {
		try {
			this.executor.execute(() -> {
				try {
					task.run();
				}
				catch (RuntimeException | Error ex) {
					logger.error("High-availability callback failed on {}", Thread.currentThread().getName(), ex);
				}
			});
			return true;
		}
		catch (RejectedExecutionException ex) {
			// stopped: the election or retrieval is closed and nobody listens any more
			return false;
		}
	}

	boolean isCurrentThread() {
		return Thread.currentThread() == this.thread;
	}

	/** Stops after the queued work; waits (bounded) for it unless called from the thread itself. */
	void stop() {
		this.executor.shutdown();
		if (isCurrentThread()) {
			return;
		}
		try {
			if (!this.executor.awaitTermination(10, TimeUnit.SECONDS)) {
				logger.warn("High-availability callbacks still running after 10 s; interrupting them");
				this.executor.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			this.executor.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

}
