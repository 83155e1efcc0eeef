package org.actorrpc.spring.boot.autoconfigure;

import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcGateway;

/**
 * A gateway used by the tests.
 */
public interface TestGateway extends RpcGateway {

	CompletableFuture<String> echo(String message);

	String hello(String name);

	void tell(String message);

}
