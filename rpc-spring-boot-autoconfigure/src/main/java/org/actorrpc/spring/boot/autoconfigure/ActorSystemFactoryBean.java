package org.actorrpc.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.pekko.PekkoRpcServiceSettings;
import org.apache.pekko.actor.ActorSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.FactoryBean;

/**
 * Creates the actorrpc {@link ActorSystem} with
 * {@link PekkoRpcService#createActorSystem(PekkoRpcServiceSettings)} and terminates it when the
 * application context is destroyed — after the RPC service, which depends on it. Pekko's own JVM
 * shutdown hook is off (rpc-core turns it off), so Spring's lifecycle alone drives shutdown.
 *
 * <p>Thread-safety: created and destroyed by the bean factory, one thread at a time.
 */
public final class ActorSystemFactoryBean implements FactoryBean<ActorSystem>, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ActorSystemFactoryBean.class);

	private final PekkoRpcServiceSettings settings;

	private final Duration terminationTimeout;

	private ActorSystem actorSystem;

	/**
	 * Creates the factory.
	 * @param settings settings the actor system is configured from
	 * @param terminationTimeout how long {@link #destroy()} waits for the system to terminate
	 */
	public ActorSystemFactoryBean(PekkoRpcServiceSettings settings, Duration terminationTimeout) {
		this.settings = settings;
		this.terminationTimeout = terminationTimeout;
	}

	@Override
	public synchronized ActorSystem getObject() {
		if (this.actorSystem == null) {
			this.actorSystem = PekkoRpcService.createActorSystem(this.settings);
		}
		return this.actorSystem;
	}

	@Override
	public Class<?> getObjectType() {
		return ActorSystem.class;
	}

	@Override
	public synchronized void destroy() throws InterruptedException {
		ActorSystem system = this.actorSystem;
		if (system == null) {
			return;
		}
		system.terminate();
		try {
			system.getWhenTerminated()
				.toCompletableFuture()
				.get(this.terminationTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			logger.warn("Actor system '{}' did not terminate within {} (actorrpc.shutdown.grace-period)",
					system.name(), this.terminationTimeout);
		}
		catch (ExecutionException ex) {
			logger.warn("Actor system '{}' failed to terminate cleanly", system.name(), ex.getCause());
		}
	}

}
