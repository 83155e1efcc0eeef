package org.actorrpc.pekko.internal;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.DeadLetter;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.PoisonPill;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.actorrpc.FencedRpcEndpoint;
import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcObserver;
import org.actorrpc.RpcServer;
import org.actorrpc.exceptions.HandshakeException;
import org.actorrpc.exceptions.RecipientUnreachableException;
import org.actorrpc.exceptions.RpcConnectionException;
import org.actorrpc.exceptions.RpcRuntimeException;
import org.actorrpc.pekko.PekkoRpcServiceSettings;
import org.actorrpc.serialization.GatewayContract;

/**
 * Everything a running {@code PekkoRpcService} is made of: the actor system, the routing actors,
 * the endpoints, the peers it calls, the scheduler and the timeout sweeper. Thread-safe. Not API:
 * use {@link org.actorrpc.pekko.PekkoRpcService}.
 */
public final class ServiceRuntime {

	/** Wire protocol version checked in the handshake. */
	public static final int PROTOCOL_VERSION = 1;

	private static final Logger logger = LoggerFactory.getLogger(ServiceRuntime.class);

	private final PekkoRpcServiceSettings settings;

	private final ExtendedActorSystem system;

	private final boolean ownsSystem;

	private final String systemName;

	private final String hostname;

	private final int port;

	private final String addressPrefix;

	private final boolean remoteEnabled;

	private final String ioThreadPrefix;

	private final ContractRegistry contracts;

	private final ConcurrentHashMap<Class<?>, GatewayModel> models = new ConcurrentHashMap<>();

	private final ScheduledThreadPoolExecutor scheduler;

	private final ExecutorService callbackExecutor;

	private final CallTimeouts timeouts;

	private final ActorRef root;

	private final ActorRef replyActor;

	private final ActorRef deadLetterRelay;

	private final ConcurrentHashMap<String, EndpointServer> endpoints = new ConcurrentHashMap<>();

	private final CopyOnWriteArrayList<EndpointServer> endpointOrder = new CopyOnWriteArrayList<>();

	private final ConcurrentHashMap<Address, Peer> peers = new ConcurrentHashMap<>();

	private volatile Peer[] peersById = new Peer[1];

	private final AtomicInteger peerIds = new AtomicInteger();

	private final AtomicLong callSequence = new AtomicLong();

	private final AtomicLong probeSequence = new AtomicLong();

	private final ScheduledFuture<?> probeTask;

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
		this.settings = settings;
		this.system = (ExtendedActorSystem) system;
		this.ownsSystem = ownsSystem;
		requireActorrpcConfiguration(system);
		this.systemName = system.name();
		this.ioThreadPrefix = this.systemName + "-" + PekkoConfigFactory.IO_DISPATCHER + "-";
		Address address = this.system.provider().getDefaultAddress();
		this.remoteEnabled = address.port().isDefined();
		this.hostname = this.remoteEnabled ? address.host().get() : "localhost";
		this.port = this.remoteEnabled ? (Integer) address.port().get() : -1;
		this.addressPrefix = address.toString();
		this.contracts = ContractRegistry.get(system);
		this.contracts.configureExtraClasses(settings.extraSerializableClasses());
		this.scheduler = new ScheduledThreadPoolExecutor(1, daemonThreads("actorrpc[" + this.systemName + "] scheduler"));
		this.scheduler.setRemoveOnCancelPolicy(true);
		this.callbackExecutor = Executors.newCachedThreadPool(daemonThreads("actorrpc[" + this.systemName + "] callbacks"));
		this.timeouts = new CallTimeouts(this.scheduler);
		this.root = system.actorOf(RpcRootActor.props(this, this.addressPrefix), "rpc");
		this.replyActor = system.actorOf(ClientReplyActor.props(this), "actorrpc-replies");
		this.deadLetterRelay = system.actorOf(DeadLetterRelay.props(), "actorrpc-dead-letters");
		system.getEventStream().subscribe(this.deadLetterRelay, DeadLetter.class);
		long probeMillis = settings.peerHeartbeatInterval().toMillis();
		this.probeTask = this.scheduler.scheduleWithFixedDelay(this::probePeers, probeMillis, probeMillis,
				TimeUnit.MILLISECONDS);
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

	// ------------------------------------------------------------------------
	// Accessors used by the internals
	// ------------------------------------------------------------------------

	/** @return the settings */
	public PekkoRpcServiceSettings settings() {
		return this.settings;
	}

	/** @return the actor system */
	public ActorSystem actorSystem() {
		return this.system;
	}

	String systemName() {
		return this.systemName;
	}

	/** @return the advertised host, or {@code ""} if the service is local only */
	public String address() {
		return this.remoteEnabled ? this.hostname : "";
	}

	/** @return the bound port, or -1 if the service is local only */
	public int port() {
		return this.port;
	}

	String hostname() {
		return this.hostname;
	}

	RpcObserver observer() {
		return this.settings.observer();
	}

	CallTimeouts timeouts() {
		return this.timeouts;
	}

	/** @return the service's scheduler */
	public ScheduledExecutorService scheduler() {
		return this.scheduler;
	}

	ExecutorService callbackExecutor() {
		return this.callbackExecutor;
	}

	/**
	 * Runs a completion callback off the caller's thread, or on it once the service has shut its
	 * callback threads down.
	 * @param callback the callback
	 */
	void runCallback(Runnable callback) {
		try {
			this.callbackExecutor.execute(callback);
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			callback.run();
		}
	}

	ActorRef replyActor() {
		return this.replyActor;
	}

	ContractRegistry contracts() {
		return this.contracts;
	}

	/**
	 * Whether the current thread is this service's transport thread, where blocking on a remote
	 * answer would deadlock (the answer arrives on that very thread).
	 * @return whether the caller runs on the transport thread
	 */
	boolean onTransportThread() {
		return Thread.currentThread().getName().startsWith(this.ioThreadPrefix);
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
		return this.addressPrefix + "/user/rpc/" + endpointId;
	}

	String hostnameOf(String endpointAddress) {
		try {
			return EndpointAddress.parse(endpointAddress).host();
		}
		catch (IllegalArgumentException ex) {
			return this.hostname;
		}
	}

	GatewayModel model(Class<? extends RpcGateway> gateway) {
		GatewayModel model = this.models.get(gateway);
		if (model == null) {
			GatewayContract contract = this.contracts.contractOf(gateway);
			model = this.models.computeIfAbsent(gateway, (type) -> new GatewayModel(contract));
		}
		return model;
	}

	/** @return live views of the endpoints, in registration order */
	public Collection<RpcEndpointView> endpointViews() {
		return List.copyOf(this.endpointOrder);
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
		EndpointServer server = new EndpointServer(this, endpoint, loggingContext);
		String id = server.getEndpointId();
		if (this.endpoints.putIfAbsent(id, server) != null) {
			throw new RpcRuntimeException("Could not create the rpc endpoint " + id + ": an endpoint with this id is "
					+ "already registered with this service. Endpoint ids must be unique while the endpoint runs.");
		}
		try {
			for (Class<? extends RpcGateway> gateway : server.getGateways()) {
				model(gateway);
			}
			CompletableFuture<ActorRef> ingress = new CompletableFuture<>();
			this.root.tell(new RpcRootActor.EnsureIngress(id, ingress), ActorRef.noSender());
			ingress.get(this.settings.askTimeout().toMillis(), TimeUnit.MILLISECONDS);
			server.startThread();
		}
		catch (Exception ex) {
			this.endpoints.remove(id, server);
			Throwable cause = (ex instanceof java.util.concurrent.ExecutionException) ? ex.getCause() : ex;
			throw new RpcRuntimeException("Could not create the rpc endpoint " + id + ": " + cause.getMessage(), cause);
		}
		this.endpointOrder.add(server);
		RpcObserver observer = observer();
		if (observer != RpcObserver.NOOP) {
			observer.endpointRegistered(server);
		}
		return server;
	}

	EndpointServer registeredEndpoint(String endpointId) {
		return this.endpoints.get(endpointId);
	}

	RecipientUnreachableException noEndpoint(String endpointId) {
		return new RecipientUnreachableException("Could not deliver the message to " + endpointAddress(endpointId)
				+ ", because the recipient is unreachable: no endpoint is registered under that address (it "
				+ "terminated, or never existed).");
	}

	void unregister(EndpointServer server) {
		this.endpoints.remove(server.getEndpointId(), server);
		this.endpointOrder.remove(server);
	}

	/**
	 * Terminates an endpoint; ignores servers of other services.
	 * @param rpcServer the server, or a self gateway
	 */
	public void stopServer(RpcServer rpcServer) {
		EndpointServer server = serverOf(rpcServer);
		if (server != null && server.runtime() == this) {
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
	@SuppressWarnings("unchecked")
	public <C extends RpcGateway> C selfGateway(Class<C> type, RpcServer rpcServer) {
		EndpointServer server = serverOf(rpcServer);
		if (server == null) {
			throw new IllegalArgumentException("Not a server of this service: " + rpcServer);
		}
		if (!type.isInstance(server.endpoint())) {
			throw new IllegalArgumentException("RpcEndpoint " + server.getEndpointId() + " does not implement the "
					+ "RpcGateway interface " + type.getName() + ".");
		}
		Set<Class<?>> interfaces = new LinkedHashSet<>(server.getGateways());
		interfaces.add(type);
		interfaces.add(RpcServer.class);
		List<GatewayModel> gatewayModels = new ArrayList<>();
		for (Class<? extends RpcGateway> gateway : server.getGateways()) {
			gatewayModels.add(model(gateway));
		}
		boolean fenced = server.endpoint() instanceof FencedRpcEndpoint<?>;
		LocalGatewayHandler handler = new LocalGatewayHandler(this, server, gatewayModels.toArray(GatewayModel[]::new),
				fenced, null);
		return (C) Proxy.newProxyInstance(server.endpoint().getClass().getClassLoader(),
				interfaces.toArray(Class<?>[]::new), handler);
	}

	// ------------------------------------------------------------------------
	// Connecting
	// ------------------------------------------------------------------------

	/**
	 * Connects to an endpoint: resolves the address and performs the handshake.
	 * @param address the endpoint address
	 * @param gateway the gateway interface
	 * @param fenced whether to send a fencing token
	 * @param fencingToken the token, when fenced
	 * @param <C> gateway type
	 * @return a future of the gateway proxy
	 */
	public <C extends RpcGateway> CompletableFuture<C> connect(String address, Class<C> gateway, boolean fenced,
			Object fencingToken) {
		if (this.stopped.get()) {
			return CompletableFuture.failedFuture(new IllegalStateException("RpcService is stopped"));
		}
		if (fenced && fencingToken == null) {
			return CompletableFuture.failedFuture(new IllegalArgumentException("fencingToken must not be null"));
		}
		EndpointAddress parsed;
		GatewayModel model;
		try {
			parsed = EndpointAddress.parse(address);
			model = model(gateway);
		}
		catch (IllegalArgumentException ex) {
			return CompletableFuture.failedFuture(new RpcConnectionException(
					"Could not connect to rpc endpoint under address " + address + ": " + ex.getMessage(), ex));
		}
		if (parsed.authority().equals(authority())) {
			return connectLocally(address, parsed, gateway, model, fenced, fencingToken);
		}
		if (!this.remoteEnabled) {
			return CompletableFuture.failedFuture(new RpcConnectionException("Could not connect to rpc endpoint under "
					+ "address " + address + ": this service is local only and cannot reach other services"));
		}
		return CompletableFuture.supplyAsync(() -> resolveHost(address, parsed), this.callbackExecutor)
			.thenCompose((ignored) -> handshake(address, gateway, model, fenced, fencingToken));
	}

	private String authority() {
		return this.addressPrefix.substring(this.addressPrefix.indexOf("://") + 3);
	}

	@SuppressWarnings("unchecked")
	private <C extends RpcGateway> CompletableFuture<C> connectLocally(String address, EndpointAddress parsed,
			Class<C> gateway, GatewayModel model, boolean fenced, Object fencingToken) {
		EndpointServer server = this.endpoints.get(parsed.endpointId());
		if (server == null || server.isTerminated()) {
			return CompletableFuture.failedFuture(new RpcConnectionException("Could not connect to rpc endpoint under "
					+ "address " + address + ": no endpoint with id '" + parsed.endpointId()
					+ "' is registered in this service."));
		}
		if (!gateway.isInstance(server.endpoint())) {
			return CompletableFuture.failedFuture(new HandshakeException(
					"The rpc endpoint does not support the gateway " + gateway.getSimpleName() + "."));
		}
		LocalGatewayHandler handler = new LocalGatewayHandler(this, server, new GatewayModel[] { model }, fenced,
				fencingToken);
		return CompletableFuture.completedFuture(
				(C) Proxy.newProxyInstance(gateway.getClassLoader(), new Class<?>[] { gateway }, handler));
	}

	private static Void resolveHost(String address, EndpointAddress parsed) {
		try {
			InetAddress.getByName(parsed.host());
			return null;
		}
		catch (UnknownHostException ex) {
			throw new java.util.concurrent.CompletionException(new RpcConnectionException(
					"Could not connect to rpc endpoint under address " + address + ": unknown host " + parsed.host(),
					ex));
		}
	}

	@SuppressWarnings("unchecked")
	private <C extends RpcGateway> CompletableFuture<C> handshake(String address, Class<C> gateway,
			GatewayModel model, boolean fenced, Object fencingToken) {
		ActorRef target = this.system.provider().resolveActorRef(address);
		HandshakeRequest request = new HandshakeRequest(gateway.getName(), PROTOCOL_VERSION,
				model.contract.fingerprint(), model.contract.descriptors(), fenced);
		Duration timeout = this.settings.askTimeout();
		return Patterns.ask(target, request, timeout).toCompletableFuture().handle((reply, failure) -> {
			if (failure != null) {
				Throwable cause = InvocationMessage.unwrap(failure);
				String reason = (cause instanceof TimeoutException
						|| cause instanceof org.apache.pekko.pattern.AskTimeoutException)
								? "no answer to the handshake within " + timeout.toMillis()
										+ " ms (actorrpc.ask-timeout). Is an RpcService listening at "
										+ target.path().address() + "?"
								: cause.getMessage();
				throw new java.util.concurrent.CompletionException(new RpcConnectionException(
						"Could not connect to rpc endpoint under address " + address + ": " + reason, cause));
			}
			HandshakeResponse response = (HandshakeResponse) reply;
			if (response.code() == HandshakeResponse.REFUSED) {
				throw new java.util.concurrent.CompletionException(new HandshakeException(response.error()));
			}
			if (response.code() == HandshakeResponse.NO_ENDPOINT) {
				throw new java.util.concurrent.CompletionException(new RpcConnectionException(
						"Could not connect to rpc endpoint under address " + address + ": " + response.error()));
			}
			Peer peer = peerFor(target.path().address());
			RemoteGatewayHandler handler = new RemoteGatewayHandler(this, address, model, peer, target, fenced,
					fencingToken);
			return (C) Proxy.newProxyInstance(gateway.getClassLoader(), new Class<?>[] { gateway }, handler);
		});
	}

	/**
	 * Answers a handshake on the endpoint's side.
	 * @param server the endpoint's server
	 * @param request the handshake
	 * @return the answer
	 */
	HandshakeResponse handshake(EndpointServer server, HandshakeRequest request) {
		if (request.protocolVersion() != PROTOCOL_VERSION) {
			return new HandshakeResponse(HandshakeResponse.REFUSED, "Version mismatch between source ("
					+ request.protocolVersion() + ") and target (" + PROTOCOL_VERSION + ") rpc component. Please "
					+ "verify that all components have the same version.");
		}
		Class<?> gateway;
		try {
			gateway = Class.forName(request.gatewayName(), false, server.endpoint().getClass().getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return new HandshakeResponse(HandshakeResponse.REFUSED, "The rpc endpoint does not support the gateway "
					+ request.gatewayName() + ": the class is unknown on the endpoint's side.");
		}
		if (!RpcGateway.class.isAssignableFrom(gateway) || !gateway.isInstance(server.endpoint())) {
			return new HandshakeResponse(HandshakeResponse.REFUSED,
					"The rpc endpoint does not support the gateway " + gateway.getSimpleName() + ".");
		}
		@SuppressWarnings("unchecked")
		GatewayModel model = model((Class<? extends RpcGateway>) gateway);
		if (model.contract.fingerprint() != request.fingerprint()) {
			return new HandshakeResponse(HandshakeResponse.REFUSED, "The serialization contract of gateway "
					+ gateway.getName() + " differs between the caller and the endpoint at " + server.getAddress() + ": "
					+ GatewayContract.describeDifference(model.contract.descriptors(), request.descriptors())
					+ ". Both sides must use the same gateway interface, message classes and extra serializable "
					+ "classes (PekkoRpcServiceSettings.addSerializableClasses / actorrpc.serialization.extra-classes).");
		}
		return new HandshakeResponse(HandshakeResponse.ACCEPTED, null);
	}

	// ------------------------------------------------------------------------
	// Peers
	// ------------------------------------------------------------------------

	private Peer peerFor(Address address) {
		Peer peer = this.peers.get(address);
		if (peer != null) {
			return peer;
		}
		synchronized (this.peers) {
			peer = this.peers.get(address);
			if (peer == null) {
				int id = this.peerIds.incrementAndGet();
				ActorRef remoteRoot = this.system.provider().resolveActorRef(address + "/user/rpc");
				peer = new Peer(id, address.toString(), remoteRoot, this.callSequence);
				Peer[] table = this.peersById;
				if (id >= table.length) {
					table = Arrays.copyOf(table, Math.max(id + 1, table.length * 2));
				}
				table[id] = peer;
				this.peersById = table;
				this.peers.put(address, peer);
			}
			return peer;
		}
	}

	Peer peer(int id) {
		Peer[] table = this.peersById;
		return (id > 0 && id < table.length) ? table[id] : null;
	}

	void peerHeard(Address address) {
		Peer peer = this.peers.get(address);
		if (peer != null) {
			peer.heard();
		}
	}

	private void probePeers() {
		long limit = this.settings.peerUnreachableAfter().toNanos();
		long now = System.nanoTime();
		for (Peer peer : this.peersById) {
			if (peer == null || !peer.hasPendingCalls()) {
				continue;
			}
			long silent = now - peer.silentSince;
			if (silent > limit) {
				peer.failInFlight(TimeUnit.NANOSECONDS.toMillis(silent));
			}
			else {
				peer.root.tell(new PeerPing(this.probeSequence.incrementAndGet()), this.replyActor);
			}
		}
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
		List<CompletableFuture<Void>> endpointFutures = new ArrayList<>();
		for (EndpointServer server : this.endpointOrder) {
			server.terminate();
			endpointFutures.add(server.getTerminationFuture());
		}
		CompletableFuture<Void> allStopped = CompletableFuture
			.allOf(endpointFutures.toArray(CompletableFuture[]::new))
			.orTimeout(this.settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
		allStopped.whenComplete((ignored, endpointFailure) -> {
			if (endpointFailure != null) {
				logger.warn("Not every endpoint of RpcService {} stopped cleanly", this.systemName, endpointFailure);
			}
			this.probeTask.cancel(false);
			this.timeouts.close();
			for (Peer peer : this.peers.values()) {
				peer.failInFlight(0);
			}
			CompletableFuture<Void> transportStopped;
			if (this.ownsSystem) {
				this.system.terminate();
				transportStopped = this.system.getWhenTerminated().toCompletableFuture().thenApply((t) -> null);
			}
			else {
				this.system.getEventStream().unsubscribe(this.deadLetterRelay);
				this.root.tell(PoisonPill.getInstance(), ActorRef.noSender());
				this.replyActor.tell(PoisonPill.getInstance(), ActorRef.noSender());
				this.deadLetterRelay.tell(PoisonPill.getInstance(), ActorRef.noSender());
				transportStopped = CompletableFuture.completedFuture(null);
			}
			transportStopped.whenComplete((done, transportFailure) -> {
				this.scheduler.shutdownNow();
				this.callbackExecutor.shutdown();
				Throwable failure = (endpointFailure != null) ? InvocationMessage.unwrap(endpointFailure) : transportFailure;
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

	/** @return whether {@link #close()} was called */
	public boolean isStopped() {
		return this.stopped.get();
	}

}
