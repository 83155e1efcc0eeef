package org.actorrpc.test.replay;

import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcService;

/** The warehouse's pricer: 10 per letter of the item's name. */
public class Pricer extends RpcEndpoint implements PricerGateway {

	public Pricer(RpcService service) {
		super(service, "pricer");
	}

	@Override
	public CompletableFuture<Long> price(String item) {
		return CompletableFuture.completedFuture(10L * item.length());
	}

}
