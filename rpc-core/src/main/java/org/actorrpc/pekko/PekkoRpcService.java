package org.actorrpc.pekko;

import java.io.Serializable;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

import com.typesafe.config.Config;
import org.apache.pekko.actor.ActorSystem;

import org.actorrpc.FencedRpcGateway;
import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcServer;
import org.actorrpc.RpcService;

/**
 * The {@link RpcService} on Apache Pekko Artery TCP. Placeholder signatures: implementation lands in the next commit.
 */
public final class PekkoRpcService implements RpcService {

	/** Creates a service with its own actor system. @param settings the settings */
	public PekkoRpcService(PekkoRpcServiceSettings settings) {
		throw new UnsupportedOperationException();
	}

	/**
	 * Creates a service on an existing actor system, created with {@link #createActorSystem} or
	 * with {@link #actorSystemConfig} as fallback of its config. The caller owns the system.
	 * @param actorSystem the actor system
	 * @param settings the settings (system name, host and port are taken from the actor system)
	 */
	public PekkoRpcService(ActorSystem actorSystem, PekkoRpcServiceSettings settings) {
		throw new UnsupportedOperationException();
	}

	/** @param settings the settings @return the Pekko configuration the settings translate to */
	public static Config actorSystemConfig(PekkoRpcServiceSettings settings) {
		throw new UnsupportedOperationException();
	}

	/** @param settings the settings @return a started actor system configured for actorrpc */
	public static ActorSystem createActorSystem(PekkoRpcServiceSettings settings) {
		throw new UnsupportedOperationException();
	}

	/** @return the actor system */
	public ActorSystem getActorSystem() {
		throw new UnsupportedOperationException();
	}

	/** @return the settings */
	public PekkoRpcServiceSettings getSettings() {
		throw new UnsupportedOperationException();
	}

	@Override
	public String getAddress() {
		throw new UnsupportedOperationException();
	}

	@Override
	public int getPort() {
		throw new UnsupportedOperationException();
	}

	@Override
	public String getEndpointAddress(String endpointId) {
		throw new UnsupportedOperationException();
	}

	@Override
	public <C extends RpcGateway> C getSelfGateway(Class<C> selfGatewayType, RpcServer rpcServer) {
		throw new UnsupportedOperationException();
	}

	@Override
	public <C extends RpcGateway> CompletableFuture<C> connect(String address, Class<C> clazz) {
		throw new UnsupportedOperationException();
	}

	@Override
	public <F extends Serializable, C extends FencedRpcGateway<F>> CompletableFuture<C> connect(String address,
			F fencingToken, Class<C> clazz) {
		throw new UnsupportedOperationException();
	}

	@Override
	public RpcServer startServer(RpcEndpoint rpcEndpoint, Map<String, String> loggingContext) {
		throw new UnsupportedOperationException();
	}

	@Override
	public void stopServer(RpcServer selfGateway) {
		throw new UnsupportedOperationException();
	}

	@Override
	public ScheduledExecutorService getScheduledExecutor() {
		throw new UnsupportedOperationException();
	}

	@Override
	public CompletableFuture<Void> closeAsync() {
		throw new UnsupportedOperationException();
	}

	@Override
	public CompletableFuture<Void> getTerminationFuture() {
		throw new UnsupportedOperationException();
	}

	@Override
	public Collection<RpcEndpointView> getEndpointViews() {
		throw new UnsupportedOperationException();
	}

}
