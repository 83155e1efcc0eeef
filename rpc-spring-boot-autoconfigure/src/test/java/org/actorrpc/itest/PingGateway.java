package org.actorrpc.itest;

import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcGateway;

/**
 * Gateway of the "jobmaster" test application's endpoint.
 */
public interface PingGateway extends RpcGateway {

	CompletableFuture<String> ping(String message);

	String greet(String name);

	void record(String note);

	CompletableFuture<String> traceId();

	CompletableFuture<String> relay(String message);

}
