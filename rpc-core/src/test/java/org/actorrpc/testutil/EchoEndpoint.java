package org.actorrpc.testutil;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcService;

/**
 * Endpoint implementing {@link EchoGateway}. Its state is touched on its main thread only, like
 * any endpoint's.
 */
public class EchoEndpoint extends RpcEndpoint implements EchoGateway {

	private final List<String> toldMessages = new ArrayList<>();

	private final List<CompletableFuture<String>> hanging = new ArrayList<>();

	/**
	 * Creates the endpoint.
	 * @param rpcService the hosting service
	 * @param endpointId the endpoint id
	 */
	public EchoEndpoint(RpcService rpcService, String endpointId) {
		super(rpcService, endpointId);
	}

	@Override
	public CompletableFuture<String> echo(String message) {
		return CompletableFuture.completedFuture(message);
	}

	@Override
	public String echoSync(String message) {
		return message;
	}

	@Override
	public CompletableFuture<String> hang() {
		CompletableFuture<String> never = new CompletableFuture<>();
		this.hanging.add(never);
		return never;
	}

	@Override
	public void tell(String message) {
		this.toldMessages.add(message);
	}

	@Override
	public CompletableFuture<List<String>> told() {
		return CompletableFuture.completedFuture(new ArrayList<>(this.toldMessages));
	}

}
