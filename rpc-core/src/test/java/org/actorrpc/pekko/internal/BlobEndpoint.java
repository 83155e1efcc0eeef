package org.actorrpc.pekko.internal;

import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcService;

/** Endpoint implementing {@link BlobGateway}; counts the calls that reached it. */
public class BlobEndpoint extends RpcEndpoint implements BlobGateway {

	volatile int calls;

	/**
	 * @param rpcService the hosting service
	 * @param endpointId the endpoint id
	 */
	public BlobEndpoint(RpcService rpcService, String endpointId) {
		super(rpcService, endpointId);
	}

	@Override
	public CompletableFuture<Integer> size(byte[] data) {
		this.calls++;
		return CompletableFuture.completedFuture(data.length);
	}

	@Override
	public CompletableFuture<String> echo(String message) {
		this.calls++;
		return CompletableFuture.completedFuture(message);
	}

	@Override
	public CompletableFuture<Integer> count(Object[] values) {
		this.calls++;
		return CompletableFuture.completedFuture(values.length);
	}

}
