package org.actorrpc.test.internal;

import java.io.Serializable;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcServer;
import org.actorrpc.exceptions.HandshakeException;
import org.actorrpc.exceptions.RpcConnectionException;
import org.actorrpc.exceptions.RpcRuntimeException;
import org.actorrpc.internal.endpoint.ConnectChecks;
import org.actorrpc.internal.endpoint.GatewayInterfaces;
import org.actorrpc.internal.endpoint.UnstoppableScheduledExecutor;
import org.actorrpc.test.ManualClock;

/**
 * Everything a {@code TestingRpcService} is made of: the virtual clock and timers, the
 * {@link Driver}, the hosted endpoints by address, the registered fakes, the {@link Network} and
 * the scheduled executor. The public service class is a thin facade over it. Thread-safe.
 */
public final class TestingRuntime {

	/** The host name of every testing gateway. */
	public static final String HOSTNAME = "localhost";

	/** The sender of calls made outside any endpoint's task (by the test itself). */
	public static final String OUTSIDE_SENDER = "outside";

	private final String systemName;

	private final Duration askTimeout;

	private final ManualClock clock;

	private final VirtualTimers timers;

	private final Driver driver;

	private final GatewayMethods methods = new GatewayMethods();

	private final Network network;

	private final VirtualScheduledExecutor executor;

	/** The executor as callers get it: they cannot shut it down. */
	private final ScheduledExecutorService callerExecutor;

	/** Hosted endpoints by address; guarded by itself. */
	private final Map<String, TestingServer> servers = new LinkedHashMap<>();

	private final Map<String, Object> fakes = new ConcurrentHashMap<>();

	private final List<Throwable> taskFailures = new CopyOnWriteArrayList<>();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final CompletableFuture<Void> terminationFuture = new CompletableFuture<>();

	/**
	 * Creates the runtime.
	 * @param systemName the name in endpoint addresses
	 * @param askTimeout the timeout of calls without {@code @RpcTimeout}
	 * @param clock the virtual clock
	 * @param automatic whether enqueuing work drives the service at once
	 */
	public TestingRuntime(String systemName, Duration askTimeout, ManualClock clock, boolean automatic) {
		this.systemName = systemName;
		this.askTimeout = askTimeout;
		this.clock = clock;
		this.timers = new VirtualTimers(clock);
		this.driver = new Driver(automatic, clock, this.timers);
		this.network = new Network(this);
		this.executor = new VirtualScheduledExecutor(this.driver, this.timers, clock);
		this.callerExecutor = new UnstoppableScheduledExecutor(this.executor);
	}

	/** @return the virtual clock */
	public ManualClock clock() {
		return this.clock;
	}

	/** @return the timers on virtual time */
	public VirtualTimers timers() {
		return this.timers;
	}

	/** @return the driver */
	public Driver driver() {
		return this.driver;
	}

	/** @return the network between endpoints */
	public Network network() {
		return this.network;
	}

	GatewayMethods methods() {
		return this.methods;
	}

	Duration askTimeout() {
		return this.askTimeout;
	}

	/** @return the scheduled executor on virtual time */
	public ScheduledExecutorService scheduledExecutor() {
		return this.callerExecutor;
	}

	/**
	 * Returns the address of an endpoint id on this service.
	 * @param endpointId the id
	 * @return {@code pekko://<system>/user/rpc/<endpointId>}
	 */
	public String endpointAddress(String endpointId) {
		return "pekko://" + this.systemName + "/user/rpc/" + endpointId;
	}

	/** @return the address of the endpoint whose task runs on the calling thread, or {@link #OUTSIDE_SENDER} */
	public String currentSender() {
		Driver.MainThreadQueue queue = this.driver.currentQueue();
		return (queue != null) ? queue.address() : OUTSIDE_SENDER;
	}

	// ------------------------------------------------------------------------
	// Endpoints
	// ------------------------------------------------------------------------

	/**
	 * Registers an endpoint.
	 * @param endpoint the endpoint (still in its constructor)
	 * @param loggingContext MDC entries for its tasks
	 * @return its server
	 */
	public TestingServer startServer(RpcEndpoint endpoint, Map<String, String> loggingContext) {
		if (this.closed.get()) {
			throw new IllegalStateException("RpcService is stopped");
		}
		for (Class<? extends RpcGateway> gateway : GatewayInterfaces.of(endpoint.getClass())) {
			this.methods.validate(gateway);
		}
		TestingServer server = new TestingServer(this, endpoint, loggingContext);
		synchronized (this.servers) {
			if (this.servers.containsKey(server.getAddress())) {
				this.driver.removeQueue(server.queue());
				throw new RpcRuntimeException("Could not create the rpc endpoint " + endpoint.getEndpointId()
						+ ": an endpoint with this id is already registered with this TestingRpcService. Give each "
						+ "endpoint its own id, or close the other one first.");
			}
			this.servers.put(server.getAddress(), server);
		}
		return server;
	}

	/**
	 * Terminates the endpoint behind a server or self gateway of this service; others are ignored.
	 * @param rpcServer the server
	 */
	public void stopServer(RpcServer rpcServer) {
		TestingServer server = serverOf(rpcServer);
		if (server != null) {
			server.terminate();
		}
	}

	/**
	 * Finds the server of an endpoint, a self gateway or any gateway of this service.
	 * @param target a server, a self gateway, a gateway proxy or an endpoint
	 * @return the server, or {@code null} when it is none of this service's
	 */
	public TestingServer serverOf(Object target) {
		if (target instanceof TestingServer server) {
			return server.runtime() == this ? server : null;
		}
		if (target != null && Proxy.isProxyClass(target.getClass())
				&& Proxy.getInvocationHandler(target) instanceof EndpointGatewayHandler handler
				&& handler.runtime == this) {
			return handler.server();
		}
		if (target instanceof RpcGateway gateway) {
			synchronized (this.servers) {
				TestingServer server = this.servers.get(gateway.getAddress());
				if (server != null && (!(target instanceof RpcEndpoint) || server.endpoint() == target)) {
					return server;
				}
			}
		}
		return null;
	}

	void terminated(TestingServer server) {
		synchronized (this.servers) {
			this.servers.remove(server.getAddress(), server);
		}
	}

	/**
	 * Returns the server at an address.
	 * @param address the address
	 * @return the running server there, or {@code null}
	 */
	public TestingServer serverAt(String address) {
		synchronized (this.servers) {
			return this.servers.get(address);
		}
	}

	/** @return the views of the hosted endpoints, in registration order */
	public Collection<RpcEndpointView> endpointViews() {
		synchronized (this.servers) {
			return this.servers.values().stream().map(TestingServer::view).toList();
		}
	}

	/**
	 * Returns a self gateway: every gateway of the endpoint plus {@link RpcServer}.
	 * @param type the requested gateway
	 * @param rpcServer the endpoint's server
	 * @param <C> gateway type
	 * @return the proxy
	 */
	@SuppressWarnings("unchecked")
	public <C extends RpcGateway> C selfGateway(Class<C> type, RpcServer rpcServer) {
		TestingServer server = serverOf(rpcServer);
		if (server == null) {
			throw new IllegalArgumentException("Not a server of this service: " + rpcServer);
		}
		Class<?>[] interfaces = ConnectChecks.selfGatewayInterfaces(type, server.endpoint(), server.gateways());
		EndpointGatewayHandler handler = new EndpointGatewayHandler(this, server, type, server.fencingToken(), true);
		return (C) Proxy.newProxyInstance(server.endpoint().getClass().getClassLoader(), interfaces, handler);
	}

	/**
	 * Connects to a registered fake or a hosted endpoint.
	 * @param address the address
	 * @param type the gateway interface
	 * @param fencingToken the token every message carries, or {@code null}
	 * @param <C> gateway type
	 * @return a completed future of the proxy, or a failed one
	 */
	@SuppressWarnings("unchecked")
	public <C extends RpcGateway> CompletableFuture<C> connect(String address, Class<C> type,
			Serializable fencingToken) {
		if (this.closed.get()) {
			return CompletableFuture.failedFuture(new IllegalStateException("RpcService is stopped"));
		}
		if (address == null || type == null) {
			return CompletableFuture.failedFuture(new IllegalArgumentException("address and gateway type are required"));
		}
		String sender = currentSender();
		RpcConnectionException cut = this.network.connectFailure(sender, address);
		if (cut != null) {
			return CompletableFuture.failedFuture(cut);
		}
		try {
			this.methods.validate(type);
		}
		catch (IllegalArgumentException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		Object fake = this.fakes.get(address);
		if (fake != null) {
			if (!type.isInstance(fake)) {
				return CompletableFuture.failedFuture(new HandshakeException("The fake gateway registered at "
						+ address + " (" + fake.getClass().getName() + ") does not implement the gateway "
						+ type.getSimpleName() + "."));
			}
			FakeGatewayHandler handler = new FakeGatewayHandler(this, address, type, fake, fencingToken);
			return CompletableFuture.completedFuture(
					(C) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, handler));
		}
		TestingServer server = serverAt(address);
		if (server == null || server.isTerminated()) {
			return CompletableFuture.failedFuture(new RpcConnectionException("Could not connect to rpc endpoint under "
					+ "address " + address + ": no endpoint is registered there in this TestingRpcService (hosted: "
					+ hostedAddresses() + ", fakes: " + this.fakes.keySet() + "). Start an endpoint with that id, or "
					+ "register a fake with registerGateway(address, gateway)."));
		}
		HandshakeException unsupported = ConnectChecks.unsupportedGateway(type, server.endpoint());
		if (unsupported != null) {
			return CompletableFuture.failedFuture(unsupported);
		}
		EndpointGatewayHandler handler = new EndpointGatewayHandler(this, server, type, fencingToken, false);
		return CompletableFuture
			.completedFuture((C) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, handler));
	}

	private List<String> hostedAddresses() {
		synchronized (this.servers) {
			return new ArrayList<>(this.servers.keySet());
		}
	}

	// ------------------------------------------------------------------------
	// Fakes
	// ------------------------------------------------------------------------

	/**
	 * Registers a fake.
	 * @param address the address connect resolves to it
	 * @param gateway the fake
	 */
	public void registerGateway(String address, RpcGateway gateway) {
		this.fakes.put(address, gateway);
	}

	/**
	 * Removes a fake; later connects fail, gateways already connected fail their calls.
	 * @param address the address
	 * @return whether a fake was registered there
	 */
	public boolean unregisterGateway(String address) {
		return this.fakes.remove(address) != null;
	}

	boolean isRegisteredFake(String address, Object fake) {
		return this.fakes.get(address) == fake;
	}

	/** @return whether a fake is registered at the address */
	public boolean hasFake(String address) {
		return this.fakes.containsKey(address);
	}

	// ------------------------------------------------------------------------
	// Failures and shutdown
	// ------------------------------------------------------------------------

	void reportTaskFailure(String endpointId, Throwable failure) {
		this.taskFailures.add(failure);
	}

	/** @return what escaped main-thread tasks so far, oldest first */
	public List<Throwable> taskFailures() {
		return List.copyOf(this.taskFailures);
	}

	/** @return whether the service is closed */
	public boolean isClosed() {
		return this.closed.get();
	}

	/** @return the termination future */
	public CompletableFuture<Void> terminationFuture() {
		return this.terminationFuture;
	}

	/**
	 * Terminates every endpoint (each one's {@code onStop} runs, driven on the calling thread), then
	 * the service. Endpoints whose {@code onStop} future is still incomplete once nothing is left to
	 * run are terminated anyway and the termination future fails naming them. Idempotent.
	 * @return the termination future
	 */
	public CompletableFuture<Void> close() {
		if (!this.closed.compareAndSet(false, true)) {
			return this.terminationFuture;
		}
		List<TestingServer> all;
		synchronized (this.servers) {
			all = new ArrayList<>(this.servers.values());
		}
		all.forEach(TestingServer::terminate);
		this.driver.runUntil(() -> all.stream().allMatch(TestingServer::isTerminated));
		List<String> stuck = new ArrayList<>();
		for (TestingServer server : all) {
			if (!server.isTerminated()) {
				stuck.add(server.endpointId());
				server.finish(new TimeoutException("onStop of endpoint " + server.endpointId() + " did not complete "
						+ "before the TestingRpcService closed"));
			}
		}
		this.executor.shutdown();
		this.timers.clear();
		this.driver.runUntilIdle();
		if (stuck.isEmpty()) {
			this.terminationFuture.complete(null);
		}
		else {
			this.terminationFuture.completeExceptionally(new TimeoutException("Endpoint(s) " + stuck + " of the "
					+ "TestingRpcService did not finish onStop: their futures wait for virtual time or for a future "
					+ "nobody completes. They were terminated anyway."));
		}
		return this.terminationFuture;
	}

}
