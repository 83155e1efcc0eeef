package org.actorrpc.testutil;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

import org.actorrpc.FencedRpcGateway;
import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcServer;
import org.actorrpc.RpcService;

/**
 * Calls {@link RpcEndpoint#validateRunsInMainThread()} off the main thread with no transport at
 * all: a stub service hands the endpoint a server whose main thread is a thread that never runs
 * endpoint code. Loaded by a class loader with assertions disabled, it shows that the check does
 * not depend on {@code -ea}. Uses only JDK and rpc-core API types. Stateless; thread-safe.
 */
public final class MainThreadCheckProbe {

	private MainThreadCheckProbe() {
	}

	/**
	 * Runs the check from the calling thread, which is not the endpoint's main thread.
	 * @return {@code "assertions=<on|off> threw=<exception class or none>: <message>"}
	 */
	public static String validateOffTheMainThread() {
		Thread mainThread = new Thread(() -> {
		}, "probe-main-thread");
		ProbeEndpoint endpoint = new ProbeEndpoint(new StubService(mainThread));
		String assertions = RpcEndpoint.class.desiredAssertionStatus() ? "on" : "off";
		try {
			endpoint.validateRunsInMainThread();
			return "assertions=" + assertions + " threw=none";
		}
		catch (RuntimeException | Error ex) {
			return "assertions=" + assertions + " threw=" + ex.getClass().getName() + ": " + ex.getMessage();
		}
	}

	/** An endpoint with no gateway of its own. */
	static final class ProbeEndpoint extends RpcEndpoint {

		ProbeEndpoint(RpcService rpcService) {
			super(rpcService, "probe");
		}

	}

	/** A server that only knows its main thread. */
	static final class StubServer implements RpcServer, RpcEndpoint.MainThreadAware {

		private final Thread mainThread;

		StubServer(Thread mainThread) {
			this.mainThread = mainThread;
		}

		@Override
		public Thread getMainThread() {
			return this.mainThread;
		}

		@Override
		public CompletableFuture<Void> getTerminationFuture() {
			return new CompletableFuture<>();
		}

		@Override
		public void start() {
		}

		@Override
		public void stop() {
		}

		@Override
		public void runAsync(Runnable runnable) {
			throw new UnsupportedOperationException("stub");
		}

		@Override
		public <V> CompletableFuture<V> callAsync(Callable<V> callable, Duration callTimeout) {
			throw new UnsupportedOperationException("stub");
		}

		@Override
		public void scheduleRunAsync(Runnable runnable, long delayMillis) {
			throw new UnsupportedOperationException("stub");
		}

		@Override
		public String getAddress() {
			return "stub://probe";
		}

		@Override
		public String getHostname() {
			return "localhost";
		}

	}

	/** A service that only registers endpoints with a {@link StubServer}. */
	static final class StubService implements RpcService {

		private final Thread mainThread;

		StubService(Thread mainThread) {
			this.mainThread = mainThread;
		}

		@Override
		public RpcServer startServer(RpcEndpoint rpcEndpoint, Map<String, String> loggingContext) {
			return new StubServer(this.mainThread);
		}

		@Override
		public String getAddress() {
			return "";
		}

		@Override
		public int getPort() {
			return -1;
		}

		@Override
		public String getEndpointAddress(String endpointId) {
			return "stub://" + endpointId;
		}

		@Override
		public <C extends RpcGateway> C getSelfGateway(Class<C> selfGatewayType, RpcServer rpcServer) {
			throw new UnsupportedOperationException("stub");
		}

		@Override
		public <C extends RpcGateway> CompletableFuture<C> connect(String address, Class<C> clazz) {
			throw new UnsupportedOperationException("stub");
		}

		@Override
		public <F extends Serializable, C extends FencedRpcGateway<F>> CompletableFuture<C> connect(String address,
				F fencingToken, Class<C> clazz) {
			throw new UnsupportedOperationException("stub");
		}

		@Override
		public void stopServer(RpcServer selfGateway) {
		}

		@Override
		public ScheduledExecutorService getScheduledExecutor() {
			throw new UnsupportedOperationException("stub");
		}

		@Override
		public CompletableFuture<Void> closeAsync() {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public CompletableFuture<Void> getTerminationFuture() {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public Collection<RpcEndpointView> getEndpointViews() {
			return List.of();
		}

	}

}
