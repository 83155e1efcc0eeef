package org.actorrpc.test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcGateway;
import org.actorrpc.RpcTimeout;

/** Gateway of the endpoint the test kit's own tests drive. */
public interface CounterGateway extends RpcGateway {

	CompletableFuture<Integer> increment();

	void add(int delta);

	int get();

	CompletableFuture<List<String>> log();

	CompletableFuture<String> never();

	CompletableFuture<String> neverWithin(@RpcTimeout Duration timeout);

	CompletableFuture<Long> nowMillis();

	CompletableFuture<String> echoLater(String value, Duration delay);

	int getSelfBlocking();

	CompletableFuture<String> callOther(String address);

}
