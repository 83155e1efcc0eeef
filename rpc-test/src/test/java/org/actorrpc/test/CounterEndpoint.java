package org.actorrpc.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcService;

/**
 * A small endpoint for the kit's tests: keeps a counter and a log, every method checks that it
 * runs on the main thread.
 */
public class CounterEndpoint extends RpcEndpoint implements CounterGateway {

	final List<String> events = new ArrayList<>();

	private int value;

	boolean stopped;

	public CounterEndpoint(RpcService rpcService, String endpointId) {
		super(rpcService, endpointId);
	}

	@Override
	protected void onStart() {
		validateRunsInMainThread();
		this.events.add("started");
	}

	@Override
	protected CompletableFuture<Void> onStop() {
		validateRunsInMainThread();
		this.stopped = true;
		this.events.add("stopped");
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public CompletableFuture<Integer> increment() {
		validateRunsInMainThread();
		this.events.add("increment");
		return CompletableFuture.completedFuture(++this.value);
	}

	@Override
	public void add(int delta) {
		validateRunsInMainThread();
		this.events.add("add " + delta);
		this.value += delta;
	}

	@Override
	public int get() {
		validateRunsInMainThread();
		return this.value;
	}

	@Override
	public CompletableFuture<List<String>> log() {
		validateRunsInMainThread();
		return CompletableFuture.completedFuture(List.copyOf(this.events));
	}

	@Override
	public CompletableFuture<String> never() {
		return new CompletableFuture<>();
	}

	@Override
	public CompletableFuture<String> neverWithin(Duration timeout) {
		return new CompletableFuture<>();
	}

	@Override
	public CompletableFuture<Long> nowMillis() {
		return CompletableFuture.completedFuture(getClock().millis());
	}

	@Override
	public CompletableFuture<String> echoLater(String value, Duration delay) {
		CompletableFuture<String> answer = new CompletableFuture<>();
		scheduleRunAsync(() -> {
			validateRunsInMainThread();
			this.events.add("echo " + value + " at " + getClock().instant());
			answer.complete(value);
		}, delay);
		return answer;
	}

	@Override
	public int getSelfBlocking() {
		return getSelfGateway(CounterGateway.class).get();
	}

	@Override
	public CompletableFuture<String> callOther(String address) {
		return getRpcService().connect(address, CounterGateway.class)
			.thenApply((other) -> "other says " + other.get());
	}

	void record(String event) {
		validateRunsInMainThread();
		this.events.add(event);
	}

	void runLater(Runnable runnable, Duration delay) {
		scheduleRunAsync(runnable, delay);
	}

	void runNow(Runnable runnable) {
		runAsync(runnable);
	}

	<V> CompletableFuture<V> call(java.util.concurrent.Callable<V> callable, Duration timeout) {
		return callAsync(callable, timeout);
	}

	java.time.Clock clock() {
		return getClock();
	}

}
