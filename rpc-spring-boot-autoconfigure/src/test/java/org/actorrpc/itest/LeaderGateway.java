package org.actorrpc.itest;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.FencedRpcGateway;

/**
 * A fenced gateway: only calls carrying the current leader's token are accepted.
 */
public interface LeaderGateway extends FencedRpcGateway<UUID> {

	CompletableFuture<String> whoAreYou();

}
