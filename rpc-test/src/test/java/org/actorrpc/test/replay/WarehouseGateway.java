package org.actorrpc.test.replay;

import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcGateway;

/** The replay tests' endpoint: a stock ledger that asks a pricer and ships on a timer. */
public interface WarehouseGateway extends RpcGateway {

	CompletableFuture<Integer> receive(String item, int quantity);

	CompletableFuture<Long> value(String item);

	CompletableFuture<String> describe();

}
