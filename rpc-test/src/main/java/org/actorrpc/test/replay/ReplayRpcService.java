package org.actorrpc.test.replay;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.actorrpc.FencedRpcGateway;
import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcServer;
import org.actorrpc.RpcService;

/**
 * The service a replayed endpoint runs on: no network, no threads of its own for the endpoint;
 * its server, clock and connections are the {@link ReplayEngine}'s. It answers to the address the
 * endpoint had when it was journaled, so that addresses the endpoint derives are the recorded ones.
 * Hosts exactly one endpoint. Thread-safe where {@link RpcService} requires it; the endpoint's work
 * runs on the thread that advances the replay.
 */
final class ReplayRpcService implements RpcService {

	private static final String PATH = "/user/rpc/";

	private final ReplayEngine engine;

	private final Clock clock;

	private final CompletableFuture<Void> termination = new CompletableFuture<>();

	private ScheduledThreadPoolExecutor scheduledExecutor;

	ReplayRpcService(ReplayEngine engine) {
		this.engine = engine;
		this.clock = new ReplayClock(engine, ZoneOffset.UTC);
	}

	static String hostOf(String address) {
		int at = address.indexOf('@');
		int colon = address.indexOf(':', Math.max(at, 0));
		return (at >= 0 && colon > at) ? address.substring(at + 1, colon) : "localhost";
	}

	private String prefix() {
		String address = this.engine.endpointAddress();
		int path = address.indexOf(PATH);
		return (path >= 0) ? address.substring(0, path) : address;
	}

	@Override
	public String getAddress() {
		return hostOf(this.engine.endpointAddress());
	}

	@Override
	public int getPort() {
		String prefix = prefix();
		int colon = prefix.lastIndexOf(':');
		try {
			return (colon >= 0) ? Integer.parseInt(prefix.substring(colon + 1)) : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	@Override
	public String getEndpointAddress(String endpointId) {
		return prefix() + PATH + endpointId;
	}

	@Override
	public <C extends RpcGateway> C getSelfGateway(Class<C> selfGatewayType, RpcServer rpcServer) {
		throw new UnsupportedOperationException("A replayed endpoint has no self gateway: calls to itself are "
				+ "journaled as the messages they became");
	}

	@Override
	public <C extends RpcGateway> CompletableFuture<C> connect(String address, Class<C> clazz) {
		return this.engine.connect(address, clazz);
	}

	@Override
	public <F extends Serializable, C extends FencedRpcGateway<F>> CompletableFuture<C> connect(String address,
			F fencingToken, Class<C> clazz) {
		return this.engine.connect(address, clazz);
	}

	@Override
	public RpcServer startServer(RpcEndpoint rpcEndpoint, Map<String, String> loggingContext) {
		return new Server();
	}

	@Override
	public void stopServer(RpcServer selfGateway) {
		// The journal's Stopped record drives onStop.
	}

	@Override
	public synchronized ScheduledExecutorService getScheduledExecutor() {
		if (this.scheduledExecutor == null) {
			// Work scheduled through it runs on its own thread: the live run journaled it as a task
			// from outside the main thread, which the replay reports when it reaches it.
			this.scheduledExecutor = new ScheduledThreadPoolExecutor(1, (runnable) -> {
				Thread thread = new Thread(runnable, "actorrpc-replay-scheduler");
				thread.setDaemon(true);
				return thread;
			});
		}
		return this.scheduledExecutor;
	}

	@Override
	public Clock getClock() {
		return this.clock;
	}

	@Override
	public CompletableFuture<Void> getTerminationFuture() {
		return this.termination;
	}

	@Override
	public Collection<RpcEndpointView> getEndpointViews() {
		return List.of();
	}

	@Override
	public synchronized CompletableFuture<Void> closeAsync() {
		if (this.scheduledExecutor != null) {
			this.scheduledExecutor.shutdownNow();
		}
		this.termination.complete(null);
		return this.termination;
	}

	/** The replayed endpoint's server: its main thread is the replay's thread. */
	private final class Server implements RpcServer, RpcEndpoint.MainThreadAware {

		private final CompletableFuture<Void> terminationFuture = new CompletableFuture<>();

		@Override
		public void start() {
			// The journal's Started record drives onStart.
		}

		@Override
		public void stop() {
		}

		@Override
		public void runAsync(Runnable runnable) {
			ReplayRpcService.this.engine.runAsync(runnable);
		}

		@Override
		public <V> CompletableFuture<V> callAsync(Callable<V> callable, java.time.Duration callTimeout) {
			return ReplayRpcService.this.engine.callAsync(callable);
		}

		@Override
		public void scheduleRunAsync(Runnable runnable, long delayMillis) {
			ReplayRpcService.this.engine.scheduleRunAsync(runnable, delayMillis);
		}

		@Override
		public CompletableFuture<Void> getTerminationFuture() {
			return this.terminationFuture;
		}

		@Override
		public String getAddress() {
			return ReplayRpcService.this.engine.endpointAddress();
		}

		@Override
		public String getHostname() {
			return hostOf(getAddress());
		}

		@Override
		public Thread getMainThread() {
			return ReplayRpcService.this.engine.mainThread();
		}

		@Override
		public Clock getClock() {
			return ReplayRpcService.this.clock;
		}

		@Override
		public long getJournalSequence() {
			return ReplayRpcService.this.engine.sequence();
		}

	}

	/** The replayed endpoint's clock: the recorded readings, in order. */
	private static final class ReplayClock extends Clock {

		private final ReplayEngine engine;

		private final ZoneId zone;

		ReplayClock(ReplayEngine engine, ZoneId zone) {
			this.engine = engine;
			this.zone = zone;
		}

		@Override
		public ZoneId getZone() {
			return this.zone;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return new ReplayClock(this.engine, zone);
		}

		@Override
		public Instant instant() {
			return this.engine.readClock();
		}

	}

}
