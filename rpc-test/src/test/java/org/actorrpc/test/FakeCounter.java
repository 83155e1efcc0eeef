package org.actorrpc.test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fake {@link CounterGateway}: answers fixed values and records what was called. */
class FakeCounter implements CounterGateway {

	final List<String> calls = new CopyOnWriteArrayList<>();

	private final String address;

	FakeCounter(String address) {
		this.address = address;
	}

	@Override
	public CompletableFuture<Integer> increment() {
		this.calls.add("increment");
		return CompletableFuture.completedFuture(41);
	}

	@Override
	public void add(int delta) {
		this.calls.add("add " + delta);
	}

	@Override
	public int get() {
		this.calls.add("get");
		return 42;
	}

	@Override
	public CompletableFuture<List<String>> log() {
		return CompletableFuture.completedFuture(List.copyOf(this.calls));
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
		return CompletableFuture.completedFuture(0L);
	}

	@Override
	public CompletableFuture<String> echoLater(String value, Duration delay) {
		return CompletableFuture.completedFuture(value);
	}

	@Override
	public int getSelfBlocking() {
		return get();
	}

	@Override
	public CompletableFuture<String> callOther(String address) {
		return CompletableFuture.completedFuture("fake");
	}

	@Override
	public String getAddress() {
		return this.address;
	}

	@Override
	public String getHostname() {
		return "localhost";
	}

}
