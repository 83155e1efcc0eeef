package org.actorrpc.client;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.actorrpc.FencedRpcGateway;
import org.actorrpc.RpcGateway;

/**
 * Implemented by an {@link org.actorrpc.RpcService} that can give each gateway it connects a
 * default call timeout of its own. A {@link ReconnectingGateway} connects through it when its
 * service implements it, so that a call has exactly one deadline (the gateway's) and its timeout
 * error names the client's setting. With a service that does not implement it, the client bounds
 * asynchronous calls with a timer of its own instead (see {@link ReconnectingGateway}).
 *
 * <p>Implementations are thread-safe and never block, like {@code RpcService.connect}.
 */
public interface ConnectOptionsSupport {

	/**
	 * Connects to the endpoint at the given address with per-gateway options.
	 * @param address endpoint address
	 * @param clazz gateway interface to connect with
	 * @param options the gateway's default call timeout and how its errors name it
	 * @param <C> gateway type
	 * @return a future of the gateway proxy, failed with an
	 * {@link org.actorrpc.exceptions.RpcConnectionException} if the endpoint cannot be reached
	 */
	<C extends RpcGateway> CompletableFuture<C> connect(String address, Class<C> clazz, ConnectOptions options);

	/**
	 * Connects to a fenced endpoint with per-gateway options; every message carries the token.
	 * @param address endpoint address
	 * @param fencingToken token to send with every message
	 * @param clazz gateway interface to connect with
	 * @param options the gateway's default call timeout and how its errors name it
	 * @param <F> token type
	 * @param <C> gateway type
	 * @return a future of the gateway proxy
	 */
	<F extends Serializable, C extends FencedRpcGateway<F>> CompletableFuture<C> connect(String address,
			F fencingToken, Class<C> clazz, ConnectOptions options);

	/**
	 * Options of one connected gateway. Immutable.
	 *
	 * @param defaultTimeout timeout of calls without an {@code @RpcTimeout} argument (instead of
	 * the service's ask timeout)
	 * @param timeoutSetting how a timeout error names the setting that raises it, for example
	 * {@code actorrpc.clients.jobmaster.timeout}
	 */
	record ConnectOptions(Duration defaultTimeout, String timeoutSetting) {

		/**
		 * Checks the options.
		 * @throws NullPointerException if a component is null
		 */
		public ConnectOptions {
			Objects.requireNonNull(defaultTimeout, "defaultTimeout");
			Objects.requireNonNull(timeoutSetting, "timeoutSetting");
		}

	}

}
