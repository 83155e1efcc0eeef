package org.actorrpc.test.replay;

import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcGateway;

/** The warehouse's outbound peer. */
public interface PricerGateway extends RpcGateway {

	CompletableFuture<Long> price(String item);

}
