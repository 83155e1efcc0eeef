package org.actorrpc.itest;

import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcGateway;

/**
 * Gateway of the "taskmanager" test application's endpoint.
 */
public interface EchoGateway extends RpcGateway {

	CompletableFuture<String> echo(String message);

}
