package org.actorrpc.spring.boot.autoconfigure;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.FencedRpcGateway;

/**
 * A fenced gateway used by the tests.
 */
public interface TestFencedGateway extends FencedRpcGateway<UUID> {

	CompletableFuture<String> whoIsLeader();

}
