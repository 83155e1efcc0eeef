package org.actorrpc.spring.boot.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.actorrpc.RpcGateway;
import org.actorrpc.RpcService;

/**
 * Creates the {@code @RpcClient} proxies, one per client name and gateway type, and lists them
 * for the Actuator endpoint. Every client configured under {@code actorrpc.clients} is checked
 * when this bean is created, so a malformed address stops startup even before the first call.
 *
 * <p>Thread-safe.
 */
public final class RpcClients {

	private final ActorRpcProperties properties;

	private final RpcService rpcService;

	private final Map<Key, Entry<?>> clients = new ConcurrentHashMap<>();

	/**
	 * Creates the registry and checks every configured client.
	 * @param properties the bound properties
	 * @param rpcService the service the clients connect through
	 * @throws InvalidActorRpcPropertyException naming the first invalid client property
	 */
	public RpcClients(ActorRpcProperties properties, RpcService rpcService) {
		this.properties = properties;
		this.rpcService = rpcService;
		properties.getClients().forEach((name, client) -> {
			if (client.getAddress() != null) {
				RpcClientSettings.validateAddress("actorrpc.clients." + name + ".address", client.getAddress());
			}
			if (client.getTimeout() != null) {
				RpcServiceSettingsFactory.requirePositive("actorrpc.clients." + name + ".timeout",
						client.getTimeout());
			}
		});
	}

	/**
	 * Returns the proxy for the given client name and gateway type, creating it on first use.
	 * @param name the client name
	 * @param gatewayType the gateway interface
	 * @param <C> the gateway type
	 * @return the proxy, never {@code null}
	 * @throws InvalidActorRpcPropertyException if the client's address is missing or malformed
	 */
	public <C extends RpcGateway> C client(String name, Class<C> gatewayType) {
		Entry<?> entry = this.clients.computeIfAbsent(new Key(name, gatewayType), (key) -> {
			RpcClientSettings settings = RpcClientSettings.resolve(this.properties, name);
			RpcClientProxy<C> handler = new RpcClientProxy<>(settings, gatewayType, this.rpcService);
			return new Entry<>(handler, handler.createProxy());
		});
		return gatewayType.cast(entry.proxy());
	}

	/**
	 * Returns snapshots of the clients created so far.
	 * @return one view per client name and gateway type
	 */
	public List<RpcClientView> getClientViews() {
		return this.clients.values().stream().map((entry) -> entry.handler().view()).toList();
	}

	private record Key(String name, Class<?> gatewayType) {
	}

	private record Entry<C extends RpcGateway>(RpcClientProxy<C> handler, C proxy) {
	}

}
