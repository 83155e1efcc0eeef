package org.actorrpc.testutil;

import java.io.Serializable;
import java.util.function.BiFunction;

import org.actorrpc.FencedRpcGateway;
import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcService;
import org.actorrpc.pekko.PekkoRpcService;

/**
 * A server service and a client service on 127.0.0.1, port 0, connected over real TCP, with the
 * steps a remote test starts with: start an endpoint on the server, connect the client to it,
 * each wait bounded by {@link Bounded#BOUND}. {@link RpcServices#pair} creates it, and closes both
 * services when the pair's scope (test or class) ends; the pair itself owns nothing to close.
 * Public API only. Not thread-safe: use it from the test thread.
 */
public final class RpcServicePair {

	private final PekkoRpcService server;

	private final PekkoRpcService client;

	/** Ids handed out by {@link #nextEndpointId}; tests sharing the server never reuse one. */
	private int endpointIds;

	RpcServicePair(PekkoRpcService server, PekkoRpcService client) {
		this.server = server;
		this.client = client;
	}

	/**
	 * Returns the service that hosts the endpoints.
	 * @return the server service
	 */
	public PekkoRpcService server() {
		return this.server;
	}

	/**
	 * Returns the service that connects to the server's endpoints.
	 * @return the client service
	 */
	public PekkoRpcService client() {
		return this.client;
	}

	/**
	 * Returns an endpoint id this pair has not handed out before: {@code prefix-N}.
	 * @param prefix start of the id
	 * @return the id
	 */
	public String nextEndpointId(String prefix) {
		return prefix + "-" + (++this.endpointIds);
	}

	/**
	 * Creates an endpoint on the server and starts it.
	 * @param factory the endpoint's constructor, given the server service and the id
	 * @param endpointId the endpoint id
	 * @param <E> the endpoint type
	 * @return the started endpoint
	 */
	public <E extends RpcEndpoint> E startEndpoint(BiFunction<RpcService, String, E> factory, String endpointId) {
		E endpoint = factory.apply(this.server, endpointId);
		endpoint.start();
		return endpoint;
	}

	/**
	 * Connects the client to the endpoint, waiting at most {@link Bounded#BOUND}.
	 * @param endpoint the endpoint (started or not)
	 * @param gatewayType the gateway type to connect with
	 * @param <C> the gateway type
	 * @return the connected gateway
	 * @throws Exception the connect's failure, wrapped in an
	 * {@link java.util.concurrent.ExecutionException}, or a timeout
	 */
	public <C extends RpcGateway> C connect(RpcEndpoint endpoint, Class<C> gatewayType) throws Exception {
		return connect(endpoint.getAddress(), gatewayType);
	}

	/**
	 * Connects the client to an address, waiting at most {@link Bounded#BOUND}.
	 * @param address the endpoint's address
	 * @param gatewayType the gateway type to connect with
	 * @param <C> the gateway type
	 * @return the connected gateway
	 * @throws Exception the connect's failure, wrapped in an
	 * {@link java.util.concurrent.ExecutionException}, or a timeout
	 */
	public <C extends RpcGateway> C connect(String address, Class<C> gatewayType) throws Exception {
		return Bounded.get(this.client.connect(address, gatewayType));
	}

	/**
	 * Connects the client to a fenced endpoint with a fencing token, waiting at most
	 * {@link Bounded#BOUND}.
	 * @param endpoint the endpoint
	 * @param fencingToken the token every call of the gateway carries
	 * @param gatewayType the gateway type to connect with
	 * @param <F> the token type
	 * @param <C> the gateway type
	 * @return the connected gateway
	 * @throws Exception the connect's failure, wrapped in an
	 * {@link java.util.concurrent.ExecutionException}, or a timeout
	 */
	public <F extends Serializable, C extends FencedRpcGateway<F>> C connect(RpcEndpoint endpoint, F fencingToken,
			Class<C> gatewayType) throws Exception {
		return Bounded.get(this.client.connect(endpoint.getAddress(), fencingToken, gatewayType));
	}

}
