package org.actorrpc.pekko;

import java.io.Serializable;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

import com.typesafe.config.Config;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.BootstrapSetup;
import org.apache.pekko.actor.setup.ActorSystemSetup;
import org.apache.pekko.remote.artery.tcp.SSLEngineProviderSetup;

import org.actorrpc.FencedRpcGateway;
import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcServer;
import org.actorrpc.RpcService;
import org.actorrpc.client.ConnectOptionsSupport;
import org.actorrpc.internal.endpoint.ConnectChecks;
import org.actorrpc.internal.endpoint.UnstoppableScheduledExecutor;
import org.actorrpc.pekko.internal.ContextSslEngineProvider;
import org.actorrpc.pekko.internal.PekkoConfigFactory;
import org.actorrpc.pekko.internal.ServiceRuntime;

/**
 * The {@link RpcService} on Apache Pekko Artery TCP (optionally mutual TLS).
 *
 * <p>Endpoints are reachable under {@code pekko://<system>@<host>:<port>/user/rpc/<endpointId>}.
 * Each endpoint gets a mailbox and a dedicated main thread; the actors only route messages, on the
 * transport's own threads, so a remote call costs one thread hand-over on each side. Calls are
 * correlated by id (no temporary actor per call), arguments and results travel as Kryo bytes
 * checked against a per-gateway contract (see
 * {@link org.actorrpc.serialization.GatewayContract}), and in-flight calls to a remote service that
 * stops answering liveness probes fail fast with a
 * {@link org.actorrpc.exceptions.RecipientUnreachableException}.
 *
 * <p>Thread-safe. One service per actor system. Close it with {@link #closeAsync()}; a service
 * built on a caller-supplied actor system leaves that system running.
 */
public final class PekkoRpcService implements RpcService, ConnectOptionsSupport {

	private final ServiceRuntime runtime;

	/**
	 * Creates a service with its own actor system, terminated when the service closes.
	 * @param settings the settings
	 */
	public PekkoRpcService(PekkoRpcServiceSettings settings) {
		this.runtime = new ServiceRuntime(createActorSystem(settings), settings, true);
	}

	/**
	 * Creates a service on an existing actor system, created with {@link #createActorSystem} or
	 * with {@link #actorSystemConfig} as fallback of its config. The caller owns the system.
	 * @param actorSystem the actor system
	 * @param settings the settings; system name, host and port are those of the actor system
	 * @throws IllegalArgumentException if the actor system lacks actorrpc's configuration
	 */
	public PekkoRpcService(ActorSystem actorSystem, PekkoRpcServiceSettings settings) {
		this.runtime = new ServiceRuntime(Objects.requireNonNull(actorSystem, "actorSystem"), settings, false);
	}

	/**
	 * Returns the Pekko configuration the settings translate to, with Pekko's reference
	 * configuration as fallback. Use it as the fallback of your own config when you create the
	 * actor system yourself.
	 * @param settings the settings
	 * @return the configuration
	 */
	public static Config actorSystemConfig(PekkoRpcServiceSettings settings) {
		return PekkoConfigFactory.create(settings);
	}

	/**
	 * Creates and starts an actor system configured for actorrpc (including TLS when set).
	 * @param settings the settings
	 * @return the actor system
	 */
	public static ActorSystem createActorSystem(PekkoRpcServiceSettings settings) {
		ActorSystemSetup setup = ActorSystemSetup.create(BootstrapSetup.create(actorSystemConfig(settings)));
		RpcTlsSettings tls = settings.tls();
		if (tls != null) {
			setup = setup.withSetup(SSLEngineProviderSetup.create((system) -> new ContextSslEngineProvider(tls)));
		}
		return ActorSystem.create(settings.systemName(), setup);
	}

	/**
	 * Returns the actor system.
	 * @return the actor system
	 */
	public ActorSystem getActorSystem() {
		return this.runtime.actorSystem();
	}

	/**
	 * Returns the settings.
	 * @return the settings
	 */
	public PekkoRpcServiceSettings getSettings() {
		return this.runtime.settings();
	}

	@Override
	public String getAddress() {
		return this.runtime.address();
	}

	@Override
	public int getPort() {
		return this.runtime.port();
	}

	@Override
	public String getEndpointAddress(String endpointId) {
		return this.runtime.endpointAddress(endpointId);
	}

	@Override
	public <C extends RpcGateway> C getSelfGateway(Class<C> selfGatewayType, RpcServer rpcServer) {
		return this.runtime.selfGateway(selfGatewayType, rpcServer);
	}

	@Override
	public <C extends RpcGateway> CompletableFuture<C> connect(String address, Class<C> clazz) {
		return this.runtime.connect(address, clazz, null, null, null);
	}

	@Override
	public <F extends Serializable, C extends FencedRpcGateway<F>> CompletableFuture<C> connect(String address,
			F fencingToken, Class<C> clazz) {
		if (fencingToken == null) {
			return ConnectChecks.missingFencingToken();
		}
		return this.runtime.connect(address, clazz, fencingToken, null, null);
	}

	@Override
	public <C extends RpcGateway> CompletableFuture<C> connect(String address, Class<C> clazz, ConnectOptions options) {
		return this.runtime.connect(address, clazz, null, options.defaultTimeout(), timeoutSource(options));
	}

	@Override
	public <F extends Serializable, C extends FencedRpcGateway<F>> CompletableFuture<C> connect(String address,
			F fencingToken, Class<C> clazz, ConnectOptions options) {
		if (fencingToken == null) {
			return ConnectChecks.missingFencingToken();
		}
		return this.runtime.connect(address, clazz, fencingToken, options.defaultTimeout(), timeoutSource(options));
	}

	private static String timeoutSource(ConnectOptions options) {
		return "the client's timeout (" + options.timeoutSetting() + ")";
	}

	@Override
	public RpcServer startServer(RpcEndpoint rpcEndpoint, Map<String, String> loggingContext) {
		return this.runtime.startServer(rpcEndpoint, loggingContext);
	}

	@Override
	public void stopServer(RpcServer selfGateway) {
		this.runtime.stopServer(selfGateway);
	}

	@Override
	public ScheduledExecutorService getScheduledExecutor() {
		return new UnstoppableScheduledExecutor(this.runtime.scheduler());
	}

	@Override
	public CompletableFuture<Void> closeAsync() {
		return this.runtime.close();
	}

	@Override
	public CompletableFuture<Void> getTerminationFuture() {
		return this.runtime.terminationFuture();
	}

	@Override
	public Collection<RpcEndpointView> getEndpointViews() {
		return this.runtime.endpointViews();
	}

	@Override
	public String toString() {
		return "PekkoRpcService(" + this.runtime.endpointAddress("").replace("/user/rpc/", "") + ")";
	}

}
