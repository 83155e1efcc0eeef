package org.actorrpc.pekko.internal;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import com.typesafe.config.Config;
import org.apache.pekko.dispatch.DispatcherPrerequisites;
import org.apache.pekko.dispatch.ExecutorServiceConfigurator;
import org.apache.pekko.dispatch.ExecutorServiceFactory;

/**
 * Executor of the dispatcher that runs actorrpc's routing actors: it runs each task on the thread
 * that submitted it (the transport's inbound thread, or a caller), trampolining nested submissions
 * so the stack stays flat. The routing actors only hand messages over to an endpoint's mailbox or
 * complete a future, so no thread hop is needed between the network and the endpoint's main
 * thread.
 */
public final class InlineExecutorConfigurator extends ExecutorServiceConfigurator {

	/**
	 * Created by Pekko from the dispatcher configuration.
	 * @param config the dispatcher's configuration
	 * @param prerequisites the dispatcher prerequisites
	 */
	public InlineExecutorConfigurator(Config config, DispatcherPrerequisites prerequisites) {
		super(config, prerequisites);
	}

	@Override
	public ExecutorServiceFactory createExecutorServiceFactory(String id, ThreadFactory threadFactory) {
		return InlineExecutorService::new;
	}

	private static final class InlineExecutorService extends AbstractExecutorService {

		private final ThreadLocal<Trampoline> trampoline = ThreadLocal.withInitial(Trampoline::new);

		private volatile boolean shutdown;

		@Override
		public void execute(Runnable command) {
			Trampoline t = this.trampoline.get();
			if (t.running) {
				if (t.queue == null) {
					t.queue = new ArrayDeque<>();
				}
				t.queue.add(command);
				return;
			}
			t.running = true;
			try {
				command.run();
				if (t.queue != null) {
					Runnable next;
					while ((next = t.queue.poll()) != null) {
						next.run();
					}
				}
			}
			finally {
				t.running = false;
				if (t.queue != null && !t.queue.isEmpty()) {
					ArrayDeque<Runnable> rest = t.queue;
					t.queue = null;
					rest.forEach(this::execute);
				}
			}
		}

		@Override
		public void shutdown() {
			this.shutdown = true;
		}

		@Override
		public List<Runnable> shutdownNow() {
			this.shutdown = true;
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
			return true;
		}

	}

	private static final class Trampoline {

		boolean running;

		ArrayDeque<Runnable> queue;

	}

}
