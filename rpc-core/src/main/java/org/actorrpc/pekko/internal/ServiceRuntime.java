package org.actorrpc.pekko.internal;

import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.DeadLetter;
import org.apache.pekko.actor.Dropped;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.PoisonPill;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcObserver;
import org.actorrpc.RpcServer;
import org.actorrpc.exceptions.RpcExceptions;
import org.actorrpc.exceptions.RpcRuntimeException;
import org.actorrpc.internal.endpoint.Fence;
import org.actorrpc.pekko.PekkoRpcServiceSettings;

/**
 * The composition root of a running {@code PekkoRpcService}: builds its {@link ServiceContext},
 * {@link EndpointRegistry}, {@link PeerMonitor}, {@link Connector} and routing actors, starts and
 * stops endpoints, and shuts everything down in order. Thread-safe. Not API: use
 * {@link org.actorrpc.pekko.PekkoRpcService}.
 */
public final class ServiceRuntime {

	private static final Logger logger = LoggerFactory.getLogger(ServiceRuntime.class);

	private final ExtendedActorSystem system;

	private final boolean ownsSystem;

	private final ServiceContext context;

	private final int port;

	private final ScheduledThreadPoolExecutor scheduler;

	private final ExecutorService callbackExecutor;

	private final EndpointRegistry registry = new EndpointRegistry();

	private final PeerMonitor peers;

	private final Connector connector;

	private final ActorRef root;

	private final ActorRef deadLetterRelay;

	/** Answers callers that use a wrong address for this service; null for a local-only service. */
	private final ActorRef misaddressedHandshakes;

	private final AtomicBoolean stopped = new AtomicBoolean();

	private final CompletableFuture<Void> terminationFuture = new CompletableFuture<>();

	/**
	 * Starts the runtime on an actor system configured with
	 * {@link PekkoConfigFactory#create(PekkoRpcServiceSettings)} as fallback.
	 * @param system the actor system
	 * @param settings the settings
	 * @param ownsSystem whether closing the service terminates the actor system
	 */
	public ServiceRuntime(ActorSystem system, PekkoRpcServiceSettings settings, boolean ownsSystem) {
		this.system = (ExtendedActorSystem) system;
		this.ownsSystem = ownsSystem;
		requireActorrpcConfiguration(system);
		String systemName = system.name();
		Address address = this.system.provider().getDefaultAddress();
		boolean remoteEnabled = address.port().isDefined();
		this.port = remoteEnabled ? (Integer) address.port().get() : -1;
		ContractRegistry contracts = ContractRegistry.get(system);
		contracts.configureExtraClasses(settings.extraSerializableClasses());
		this.scheduler = new ScheduledThreadPoolExecutor(1, daemonThreads("actorrpc[" + systemName + "] scheduler"));
		this.scheduler.setRemoveOnCancelPolicy(true);
		this.callbackExecutor = Executors.newCachedThreadPool(daemonThreads("actorrpc[" + systemName + "] callbacks"));
		this.context = new ServiceContext(settings, systemName, remoteEnabled ? address.host().get() : "localhost",
				address.toString(), remoteEnabled, incarnation(), this.scheduler, this.callbackExecutor,
				new CallTimeouts(this.scheduler), new GatewayModels(contracts),
				systemName + "-" + PekkoConfigFactory.IO_DISPATCHER + "-");
		this.peers = new PeerMonitor(this.context, system);
		PendingHandshakes pendingHandshakes = new PendingHandshakes();
		this.connector = new Connector(this.context, this.system, this.registry, this.peers, pendingHandshakes);
		this.root = system.actorOf(RpcRootActor.props(this.context, this.registry, pendingHandshakes), "rpc");
		this.misaddressedHandshakes = remoteEnabled
				? system.actorOf(MisaddressedHandshakeDetector.props(this.context.addressPrefix()),
						"actorrpc-misaddressed-handshakes")
				: null;
		this.deadLetterRelay = system.actorOf(DeadLetterRelay.props(), "actorrpc-dead-letters");
		system.getEventStream().subscribe(this.deadLetterRelay, DeadLetter.class);
		system.getEventStream().subscribe(this.deadLetterRelay, Dropped.class);
	}

	private static long incarnation() {
		long incarnation;
		do {
			incarnation = new SecureRandom().nextLong();
		}
		while (incarnation == 0);
		return incarnation;
	}

	private static void requireActorrpcConfiguration(ActorSystem system) {
		Serializer serializer;
		try {
			serializer = SerializationExtension.get(system).findSerializerFor(new PeerPing(0));
		}
		catch (RuntimeException ex) {
			serializer = null;
		}
		if (!(serializer instanceof RpcWireSerializer)
				|| !system.dispatchers().hasDispatcher(PekkoConfigFactory.INLINE_DISPATCHER)) {
			throw new IllegalArgumentException("Actor system '" + system.name() + "' was not created with actorrpc's "
					+ "configuration. Create it with PekkoRpcService.createActorSystem(settings), or use "
					+ "PekkoRpcService.actorSystemConfig(settings) as the fallback of its config.");
		}
	}

	private static ThreadFactory daemonThreads(String name) {
		AtomicInteger counter = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/** @return the settings */
	public PekkoRpcServiceSettings settings() {
		return this.context.settings();
	}

	/** @return the actor system */
	public ActorSystem actorSystem() {
		return this.system;
	}

	/** @return the advertised host, or {@code ""} if the service is local only */
	public String address() {
		return this.context.remoteEnabled() ? this.context.hostname() : "";
	}

	/** @return the bound port, or -1 if the service is local only */
	public int port() {
		return this.port;
	}

	/** @return the service's scheduler */
	public ScheduledExecutorService scheduler() {
		return this.scheduler;
	}

	/** @return the termination future */
	public CompletableFuture<Void> terminationFuture() {
		return this.terminationFuture;
	}

	/**
	 * Returns the address of an endpoint id.
	 * @param endpointId the id
	 * @return the address
	 */
	public String endpointAddress(String endpointId) {
		return this.context.endpointAddress(endpointId);
	}

	/** @return live views of the endpoints, in registration order */
	public Collection<RpcEndpointView> endpointViews() {
		return this.registry.views();
	}

	// ------------------------------------------------------------------------
	// Endpoints
	// ------------------------------------------------------------------------

	/**
	 * Registers an endpoint: its ingress actor, its mailbox and its main thread.
	 * @param endpoint the endpoint
	 * @param loggingContext MDC entries for its main thread
	 * @return its server
	 */
	public RpcServer startServer(RpcEndpoint endpoint, Map<String, String> loggingContext) {
		if (this.stopped.get()) {
			throw new IllegalStateException("RpcService is stopped");
		}
		EndpointServer server = new EndpointServer(this.context, endpoint, loggingContext, this.registry::remove);
		String id = server.endpointId();
		this.registry.claim(server);
		try {
			for (Class<? extends RpcGateway> gateway : server.gateways()) {
				this.context.models().of(gateway);
			}
			CompletableFuture<ActorRef> ingress = new CompletableFuture<>();
			this.root.tell(new RpcRootActor.EnsureIngress(id, ingress), ActorRef.noSender());
			ingress.get(this.context.settings().askTimeout().toMillis(), TimeUnit.MILLISECONDS);
			server.startThread();
		}
		catch (Exception ex) {
			this.registry.remove(server);
			Throwable cause = (ex instanceof ExecutionException) ? ex.getCause() : ex;
			throw new RpcRuntimeException("Could not create the rpc endpoint " + id + ": " + cause.getMessage(), cause);
		}
		this.registry.add(server);
		RpcObserver observer = this.context.observer();
		if (observer != RpcObserver.NOOP) {
			observer.endpointRegistered(server.view());
		}
		return server;
	}

	/**
	 * Terminates an endpoint; ignores servers of other services.
	 * @param rpcServer the server, or a self gateway
	 */
	public void stopServer(RpcServer rpcServer) {
		EndpointServer server = serverOf(rpcServer);
		if (server != null && server.context() == this.context) {
			server.terminate();
		}
	}

	private static EndpointServer serverOf(Object rpcServer) {
		if (rpcServer instanceof EndpointServer server) {
			return server;
		}
		if (rpcServer != null && Proxy.isProxyClass(rpcServer.getClass())
				&& Proxy.getInvocationHandler(rpcServer) instanceof LocalGatewayHandler handler) {
			return handler.server();
		}
		return null;
	}

	/**
	 * Returns a gateway bound to a local endpoint that implements every gateway of the endpoint and
	 * {@link RpcServer}.
	 * @param type the requested gateway type
	 * @param rpcServer the endpoint's server
	 * @param <C> gateway type
	 * @return the self gateway
	 */
	public <C extends RpcGateway> C selfGateway(Class<C> type, RpcServer rpcServer) {
		EndpointServer server = serverOf(rpcServer);
		if (server == null) {
			throw new IllegalArgumentException("Not a server of this service: " + rpcServer);
		}
		return this.connector.selfGateway(type, server);
	}

	/**
	 * Connects to an endpoint: resolves the address and performs the handshake.
	 * @param address the endpoint address
	 * @param gateway the gateway interface
	 * @param fencingToken the token every message carries, or {@code null} for none
	 * @param defaultTimeout the timeout of calls without {@code @RpcTimeout}, or {@code null} for the ask timeout
	 * @param timeoutSource what a timeout error names as the source of {@code defaultTimeout}
	 * @param <C> gateway type
	 * @return a future of the gateway proxy
	 */
	public <C extends RpcGateway> CompletableFuture<C> connect(String address, Class<C> gateway, Object fencingToken,
			Duration defaultTimeout, String timeoutSource) {
		if (this.stopped.get()) {
			return CompletableFuture.failedFuture(new IllegalStateException("RpcService is stopped"));
		}
		CallDefaults defaults = (defaultTimeout != null) ? new CallDefaults(defaultTimeout, timeoutSource)
				: CallDefaults.of(this.context.settings());
		return EndpointJournal.ofCaller(this.connector.connect(address, gateway, Fence.of(fencingToken), defaults),
				gateway, address);
	}

	// ------------------------------------------------------------------------
	// Shutdown
	// ------------------------------------------------------------------------

	/**
	 * Terminates every endpoint, then the transport (the actor system if this service owns it).
	 * Idempotent.
	 * @return the termination future
	 */
	public CompletableFuture<Void> close() {
		if (!this.stopped.compareAndSet(false, true)) {
			return this.terminationFuture;
		}
		List<EndpointServer> servers = this.registry.servers();
		List<CompletableFuture<Void>> endpointFutures = new ArrayList<>();
		for (EndpointServer server : servers) {
			server.terminate();
			endpointFutures.add(server.getTerminationFuture());
		}
		long timeoutMillis = this.context.settings().shutdownTimeout().toMillis();
		CompletableFuture<Void> allStopped = CompletableFuture
			.allOf(endpointFutures.toArray(CompletableFuture[]::new))
			.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
		allStopped.whenComplete((ignored, endpointFailure) -> {
			Throwable endpointError = (endpointFailure != null)
					? endpointsNotStopped(servers, endpointFailure, timeoutMillis) : null;
			this.context.timeouts().close();
			this.peers.close();
			stopTransport().whenComplete((done, transportFailure) -> {
				this.scheduler.shutdownNow();
				this.callbackExecutor.shutdown();
				Throwable failure = (endpointError != null) ? endpointError : transportFailure;
				if (failure != null) {
					this.terminationFuture.completeExceptionally(failure);
				}
				else {
					this.terminationFuture.complete(null);
				}
			});
		});
		return this.terminationFuture;
	}

	private Throwable endpointsNotStopped(List<EndpointServer> servers, Throwable failure, long timeoutMillis) {
		Throwable cause = RpcExceptions.stripCompletion(failure);
		if (!(cause instanceof TimeoutException)) {
			logger.warn("Not every endpoint of RpcService {} stopped cleanly", this.context.systemName(), cause);
			return cause;
		}
		List<String> pending = new ArrayList<>();
		for (EndpointServer server : servers) {
			if (!server.getTerminationFuture().isDone()) {
				pending.add(server.endpointId());
			}
		}
		TimeoutException timeout = new TimeoutException("Endpoint(s) " + pending + " of RpcService "
				+ this.context.systemName() + " did not stop within " + timeoutMillis + " ms: their onStop future "
				+ "never completed. The transport was stopped anyway. Complete onStop's future, or raise the shutdown "
				+ "timeout (actorrpc.shutdown.grace-period, PekkoRpcServiceSettings.shutdownTimeout).");
		logger.warn(timeout.getMessage());
		return timeout;
	}

	private CompletableFuture<Void> stopTransport() {
		if (this.ownsSystem) {
			this.system.terminate();
			return this.system.getWhenTerminated().toCompletableFuture().thenApply((terminated) -> null);
		}
		this.system.getEventStream().unsubscribe(this.deadLetterRelay);
		this.root.tell(PoisonPill.getInstance(), ActorRef.noSender());
		this.peers.replyActor().tell(PoisonPill.getInstance(), ActorRef.noSender());
		this.deadLetterRelay.tell(PoisonPill.getInstance(), ActorRef.noSender());
		if (this.misaddressedHandshakes != null) {
			this.misaddressedHandshakes.tell(PoisonPill.getInstance(), ActorRef.noSender());
		}
		return CompletableFuture.completedFuture(null);
	}

	/** @return whether {@link #close()} was called */
	public boolean isStopped() {
		return this.stopped.get();
	}

}
