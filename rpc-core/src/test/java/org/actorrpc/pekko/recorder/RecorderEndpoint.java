package org.actorrpc.pekko.recorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcService;

/**
 * An endpoint whose messages the flight recorder tests look at: it answers {@link RecorderGateway}
 * and lets a test enqueue every kind of main-thread task, and it can fail in {@code onStart} or
 * {@code onStop}. Its state is touched on its main thread only.
 */
public class RecorderEndpoint extends RpcEndpoint implements RecorderGateway {

	private final boolean failOnStart;

	private final boolean failOnStop;

	private final List<String> told = new ArrayList<>();

	private volatile Thread mainThread;

	/**
	 * Creates an endpoint that starts and stops normally.
	 * @param rpcService the hosting service
	 * @param endpointId the endpoint id
	 */
	public RecorderEndpoint(RpcService rpcService, String endpointId) {
		this(rpcService, endpointId, false, false);
	}

	/**
	 * Creates an endpoint that may fail in its lifecycle hooks.
	 * @param rpcService the hosting service
	 * @param endpointId the endpoint id
	 * @param failOnStart whether {@code onStart} throws an {@link IllegalStateException}
	 * @param failOnStop whether {@code onStop}'s future fails with an {@link IllegalStateException}
	 */
	public RecorderEndpoint(RpcService rpcService, String endpointId, boolean failOnStart, boolean failOnStop) {
		super(rpcService, endpointId);
		this.failOnStart = failOnStart;
		this.failOnStop = failOnStop;
	}

	@Override
	protected void onStart() {
		this.mainThread = Thread.currentThread();
		if (this.failOnStart) {
			throw new IllegalStateException("start broke");
		}
	}

	@Override
	protected CompletableFuture<Void> onStop() {
		return this.failOnStop ? CompletableFuture.failedFuture(new IllegalStateException("stop broke"))
				: CompletableFuture.completedFuture(null);
	}

	@Override
	public CompletableFuture<String> echo(String message) {
		return CompletableFuture.completedFuture(message);
	}

	@Override
	public void tell(String message) {
		this.told.add(message);
	}

	@Override
	public CompletableFuture<String> fail(String message) {
		throw new IllegalStateException(message);
	}

	@Override
	public void failToldMessage(String message) {
		throw new IllegalArgumentException(message);
	}

	/**
	 * Returns the endpoint's main thread, once {@code onStart} ran.
	 * @return the thread, or {@code null} before start
	 */
	public Thread mainThread() {
		return this.mainThread;
	}

	/**
	 * Enqueues a runnable ({@code runAsync}).
	 * @param task the code
	 */
	public void enqueueRun(Runnable task) {
		runAsync(task);
	}

	/**
	 * Enqueues a callable ({@code callAsync}).
	 * @param task the code
	 * @param <V> its result type
	 * @return a future of its result
	 */
	public <V> CompletableFuture<V> enqueueCall(Callable<V> task) {
		return callAsync(task, Duration.ofSeconds(30));
	}

	/**
	 * Schedules a runnable ({@code scheduleRunAsync}).
	 * @param task the code
	 * @param delay the delay
	 */
	public void enqueueScheduled(Runnable task, Duration delay) {
		scheduleRunAsync(task, delay);
	}

	/**
	 * Schedules a runnable on the main-thread executor.
	 * @param task the code
	 * @param delay the delay
	 */
	public void scheduleOnExecutor(Runnable task, Duration delay) {
		getMainThreadExecutor().schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
	}

}
