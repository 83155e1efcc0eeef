package org.actorrpc;

import java.io.Serializable;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Hosts {@link RpcEndpoint}s and connects to endpoints of other services, local or remote.
 *
 * <p>Thread-safe. {@link #connect} never blocks: it resolves the address and performs a handshake
 * (gateway type, protocol version, serialization registry) and completes with a gateway proxy or
 * fails with an {@link org.actorrpc.exceptions.RpcConnectionException}. Futures returned by the
 * service complete on RPC threads, never on an endpoint's main thread.
 *
 * <p>{@link #closeAsync()} terminates every endpoint (each one's {@code onStop} is awaited), then
 * the transport; it is idempotent.
 */
public interface RpcService extends AutoCloseableAsync {

	/**
	 * Returns the address (host) other services reach this one at, or {@code ""} for a service
	 * that is not reachable remotely.
	 * @return the advertised host
	 */
	String getAddress();

	/**
	 * Returns the port other services reach this one at, or {@code -1} when not reachable
	 * remotely.
	 * @return the bound port (never 0, even when the settings asked for any free port)
	 */
	int getPort();

	/**
	 * Returns the address under which an endpoint with the given id is (or would be) reachable on
	 * this service, for example {@code pekko://jobmaster@127.0.0.1:6123/user/rpc/jobmaster}.
	 * @param endpointId the endpoint id
	 * @return the endpoint address
	 */
	String getEndpointAddress(String endpointId);

	/**
	 * Returns a gateway of the given type bound to a started server of this service.
	 * @param selfGatewayType gateway interface the endpoint implements
	 * @param rpcServer the server returned by {@link #startServer}
	 * @param <C> gateway type
	 * @return the self gateway
	 * @throws IllegalArgumentException if the endpoint does not implement the gateway
	 */
	<C extends RpcGateway> C getSelfGateway(Class<C> selfGatewayType, RpcServer rpcServer);

	/**
	 * Connects to the endpoint at the given address.
	 * @param address endpoint address, as returned by {@link RpcGateway#getAddress()}
	 * @param clazz gateway interface to connect with
	 * @param <C> gateway type
	 * @return a future of the gateway proxy
	 */
	<C extends RpcGateway> CompletableFuture<C> connect(String address, Class<C> clazz);

	/**
	 * Connects to a fenced endpoint; every message carries the given token.
	 * @param address endpoint address
	 * @param fencingToken token to send with every message
	 * @param clazz gateway interface to connect with
	 * @param <F> token type
	 * @param <C> gateway type
	 * @return a future of the gateway proxy
	 */
	<F extends Serializable, C extends FencedRpcGateway<F>> CompletableFuture<C> connect(String address,
			F fencingToken, Class<C> clazz);

	/**
	 * Registers an endpoint with this service, giving it its main thread and mailbox. Called by
	 * the {@link RpcEndpoint} constructor; the endpoint processes messages once started.
	 * @param rpcEndpoint the endpoint
	 * @param loggingContext MDC entries set on the endpoint's main thread
	 * @return the endpoint's server
	 * @throws IllegalStateException if the service is closed
	 * @throws org.actorrpc.exceptions.RpcRuntimeException if an endpoint with the same id runs
	 */
	RpcServer startServer(RpcEndpoint rpcEndpoint, Map<String, String> loggingContext);

	/**
	 * Registers an endpoint with an empty logging context.
	 * @param rpcEndpoint the endpoint
	 * @return the endpoint's server
	 */
	default RpcServer startServer(RpcEndpoint rpcEndpoint) {
		return startServer(rpcEndpoint, Map.of());
	}

	/**
	 * Terminates the endpoint behind the given server. Unknown servers are ignored.
	 * @param selfGateway the server returned by {@link #startServer}
	 */
	void stopServer(RpcServer selfGateway);

	/**
	 * Returns the service's scheduler. Its tasks do not run on any endpoint's main thread; it
	 * cannot be shut down by callers.
	 * @return the scheduled executor
	 */
	ScheduledExecutorService getScheduledExecutor();

	/**
	 * Returns the clock of this service: the time its scheduler runs on and the default time of
	 * its endpoints. A testing service returns a virtual clock.
	 * @return the service's clock, by default the system clock in UTC
	 */
	default Clock getClock() {
		return Clock.systemUTC();
	}

	/**
	 * Returns a future completed when the service has terminated.
	 * @return the termination future
	 */
	CompletableFuture<Void> getTerminationFuture();

	/**
	 * Returns live, O(1) views of the endpoints registered with this service.
	 * @return the endpoint views, in registration order
	 */
	Collection<RpcEndpointView> getEndpointViews();

}
