package org.actorrpc.client;

import java.io.Serializable;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.actorrpc.FencedRpcGateway;
import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcServer;
import org.actorrpc.RpcService;

/**
 * A real {@link RpcService} whose connects wait for a gate the test opens, so that calls can be
 * made while a connect is known to be in flight (Flink's TestingRpcService delays connects the
 * same way). Everything else is forwarded. Thread-safe.
 */
class GatedRpcService implements RpcService {

	private final RpcService delegate;

	private final AtomicInteger connects = new AtomicInteger();

	private volatile CompletableFuture<Void> gate = new CompletableFuture<>();

	GatedRpcService(RpcService delegate) {
		this.delegate = delegate;
	}

	/** Lets the waiting connect (and every later one) through. */
	void open() {
		this.gate.complete(null);
	}

	/** Makes later connects wait again until {@link #open()}. */
	void closeGate() {
		this.gate = new CompletableFuture<>();
	}

	int connects() {
		return this.connects.get();
	}

	@Override
	public <C extends RpcGateway> CompletableFuture<C> connect(String address, Class<C> clazz) {
		this.connects.incrementAndGet();
		return this.gate.thenCompose((ignored) -> this.delegate.connect(address, clazz));
	}

	@Override
	public <F extends Serializable, C extends FencedRpcGateway<F>> CompletableFuture<C> connect(String address,
			F fencingToken, Class<C> clazz) {
		this.connects.incrementAndGet();
		return this.gate.thenCompose((ignored) -> this.delegate.connect(address, fencingToken, clazz));
	}

	// ------------------------------------------------------------------------
	// simple wrappers
	// ------------------------------------------------------------------------

	@Override
	public String getAddress() {
		return this.delegate.getAddress();
	}

	@Override
	public int getPort() {
		return this.delegate.getPort();
	}

	@Override
	public String getEndpointAddress(String endpointId) {
		return this.delegate.getEndpointAddress(endpointId);
	}

	@Override
	public <C extends RpcGateway> C getSelfGateway(Class<C> selfGatewayType, RpcServer rpcServer) {
		return this.delegate.getSelfGateway(selfGatewayType, rpcServer);
	}

	@Override
	public RpcServer startServer(RpcEndpoint rpcEndpoint, Map<String, String> loggingContext) {
		return this.delegate.startServer(rpcEndpoint, loggingContext);
	}

	@Override
	public void stopServer(RpcServer selfGateway) {
		this.delegate.stopServer(selfGateway);
	}

	@Override
	public ScheduledExecutorService getScheduledExecutor() {
		return this.delegate.getScheduledExecutor();
	}

	@Override
	public CompletableFuture<Void> getTerminationFuture() {
		return this.delegate.getTerminationFuture();
	}

	@Override
	public Collection<RpcEndpointView> getEndpointViews() {
		return this.delegate.getEndpointViews();
	}

	@Override
	public CompletableFuture<Void> closeAsync() {
		return this.delegate.closeAsync();
	}

}
