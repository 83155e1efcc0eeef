package org.actorrpc.pekko.internal;

import java.util.concurrent.ThreadFactory;

import com.typesafe.config.Config;
import org.apache.pekko.dispatch.DispatcherPrerequisites;
import org.apache.pekko.dispatch.ExecutorServiceConfigurator;
import org.apache.pekko.dispatch.ExecutorServiceFactory;
import org.apache.pekko.dispatch.MonitorableThreadFactory;

/**
 * Executor of the transport dispatcher: one {@link TransportEventLoop} thread that runs Pekko IO's
 * selector, its TCP connection actors and Artery's streams. The thread is named after the actor
 * system and the dispatcher id ({@code <system>-actorrpc.io-dispatcher-<n>}), as Pekko names the
 * threads of its own executors.
 */
public final class TransportExecutorConfigurator extends ExecutorServiceConfigurator {

	/**
	 * Created by Pekko from the dispatcher configuration.
	 * @param config the dispatcher's configuration
	 * @param prerequisites the dispatcher prerequisites
	 */
	public TransportExecutorConfigurator(Config config, DispatcherPrerequisites prerequisites) {
		super(config, prerequisites);
	}

	@Override
	public ExecutorServiceFactory createExecutorServiceFactory(String id, ThreadFactory threadFactory) {
		ThreadFactory named = (threadFactory instanceof MonitorableThreadFactory monitorable)
				? monitorable.withName(monitorable.name() + "-" + id) : threadFactory;
		return () -> new TransportEventLoop(named);
	}

}
