package org.actorrpc.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.spring.RpcEndpointComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the {@link RpcEndpointComponent @RpcEndpointComponent} endpoints once the application
 * context has been refreshed, in bean creation order (an endpoint after the endpoints it depends
 * on), and closes them, one after the other in reverse order, when it closes: each endpoint's {@code onStop} future is awaited, all of them together within the grace
 * period. Runs in phase {@link #PHASE}: before the embedded web server starts and after it has
 * stopped, so web requests never see an endpoint that is not running.
 *
 * <p>Called by the context's lifecycle processor, one thread at a time; {@link #getStartedEndpoints()}
 * may be called from any thread.
 */
public final class RpcEndpointLifecycle implements SmartLifecycle {

	/** Lifecycle phase: below the web server's {@code DEFAULT_PHASE - 2048}. */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Logger logger = LoggerFactory.getLogger(RpcEndpointLifecycle.class);

	private final ListableBeanFactory beanFactory;

	private final Supplier<List<RpcEndpoint>> endpointsInCreationOrder;

	private final Duration gracePeriod;

	private final List<RpcEndpoint> started = new CopyOnWriteArrayList<>();

	private volatile boolean running;

	/**
	 * Creates the lifecycle.
	 * @param beanFactory where the endpoint beans are
	 * @param endpointsInCreationOrder the endpoint beans created so far, in creation order
	 * @param gracePeriod how long stopping waits for all endpoints together
	 */
	public RpcEndpointLifecycle(ListableBeanFactory beanFactory, Supplier<List<RpcEndpoint>> endpointsInCreationOrder,
			Duration gracePeriod) {
		this.beanFactory = beanFactory;
		this.endpointsInCreationOrder = endpointsInCreationOrder;
		this.gracePeriod = gracePeriod;
	}

	@Override
	public void start() {
		this.beanFactory.getBeansWithAnnotation(RpcEndpointComponent.class);
		for (RpcEndpoint endpoint : this.endpointsInCreationOrder.get()) {
			if (!this.started.contains(endpoint)) {
				endpoint.start();
				this.started.add(endpoint);
				endpoint.getTerminationFuture().whenComplete((result, failure) -> {
					if (failure != null && this.running) {
						logger.error("RPC endpoint '{}' terminated with a failure", endpoint.getEndpointId(), failure);
					}
				});
				// rpc-core logs the start at INFO, once, with the endpoint's address
				logger.debug("Started RPC endpoint '{}' at {}", endpoint.getEndpointId(), endpoint.getAddress());
			}
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		long deadline = System.nanoTime() + this.gracePeriod.toNanos();
		for (int i = this.started.size() - 1; i >= 0; i--) {
			RpcEndpoint endpoint = this.started.get(i);
			CompletableFuture<Void> termination = endpoint.closeAsync();
			long remaining = Math.max(0, deadline - System.nanoTime());
			try {
				termination.get(remaining, TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				logger.warn("RPC endpoint '{}' did not stop within actorrpc.shutdown.grace-period ({}); "
						+ "continuing shutdown without it", endpoint.getEndpointId(), this.gracePeriod);
			}
			catch (ExecutionException ex) {
				logger.warn("RPC endpoint '{}' stopped with a failure", endpoint.getEndpointId(), ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		this.started.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * Returns the endpoints started by this lifecycle, in start order.
	 * @return the started endpoints
	 */
	public List<RpcEndpoint> getStartedEndpoints() {
		return List.copyOf(this.started);
	}

}
