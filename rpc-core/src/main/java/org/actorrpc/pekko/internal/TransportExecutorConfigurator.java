package org.actorrpc.pekko.internal;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.typesafe.config.Config;
import org.apache.pekko.dispatch.DispatcherPrerequisites;
import org.apache.pekko.dispatch.ExecutorServiceConfigurator;
import org.apache.pekko.dispatch.ExecutorServiceFactory;

/**
 * Executor of the transport dispatcher: one thread that, when it runs out of work, polls its queue
 * for a short while ({@code spin-micros}) before it blocks. In a request-response exchange the
 * answer is usually handed to the transport a few microseconds after the request was, so the
 * thread is still awake to take it — one thread wake-up fewer per round trip. Idle, it costs
 * nothing: it blocks like any pool thread.
 */
public final class TransportExecutorConfigurator extends ExecutorServiceConfigurator {

	private final long spinNanos;

	/**
	 * Created by Pekko from the dispatcher configuration.
	 * @param config the dispatcher's executor configuration
	 * @param prerequisites the dispatcher prerequisites
	 */
	public TransportExecutorConfigurator(Config config, DispatcherPrerequisites prerequisites) {
		super(config, prerequisites);
		this.spinNanos = TimeUnit.MICROSECONDS.toNanos(config.hasPath("spin-micros") ? config.getLong("spin-micros") : 0);
	}

	@Override
	public ExecutorServiceFactory createExecutorServiceFactory(String id, ThreadFactory threadFactory) {
		long spin = this.spinNanos;
		return () -> new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new SpinningQueue(spin), threadFactory);
	}

	/** A work queue whose single consumer spins briefly before blocking. */
	private static final class SpinningQueue extends LinkedBlockingQueue<Runnable> {

		private static final long serialVersionUID = 1L;

		private final long spinNanos;

		SpinningQueue(long spinNanos) {
			this.spinNanos = spinNanos;
		}

		@Override
		public Runnable take() throws InterruptedException {
			if (this.spinNanos > 0) {
				long deadline = System.nanoTime() + this.spinNanos;
				do {
					Runnable task = poll();
					if (task != null) {
						return task;
					}
					Thread.onSpinWait();
				}
				while (System.nanoTime() - deadline < 0);
			}
			return super.take();
		}

	}

}
