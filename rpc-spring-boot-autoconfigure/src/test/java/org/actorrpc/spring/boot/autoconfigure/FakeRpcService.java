package org.actorrpc.spring.boot.autoconfigure;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;

import org.actorrpc.FencedRpcGateway;
import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcMethodStats;
import org.actorrpc.RpcMethod;
import org.actorrpc.RpcServer;
import org.actorrpc.RpcService;

/**
 * An in-memory {@link RpcService} for tests that need no transport: it records lifecycle events
 * and answers connects through a replaceable function.
 */
@SuppressWarnings("try") // close() of AutoCloseableAsync declares Exception
public class FakeRpcService implements RpcService {

	public final List<String> events = new CopyOnWriteArrayList<>();

	public final List<ConnectRequest> connects = new CopyOnWriteArrayList<>();

	public final Set<String> hangOnStop = ConcurrentHashMap.newKeySet();

	private final List<FakeView> views = new CopyOnWriteArrayList<>();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	private final CompletableFuture<Void> termination = new CompletableFuture<>();

	private volatile BiFunction<ConnectRequest, Class<?>, CompletableFuture<?>> connector = (request,
			type) -> CompletableFuture.failedFuture(new IllegalStateException("no connector"));

	public void setConnector(BiFunction<ConnectRequest, Class<?>, CompletableFuture<?>> connector) {
		this.connector = connector;
	}

	@Override
	public String getAddress() {
		return "127.0.0.1";
	}

	@Override
	public int getPort() {
		return 1234;
	}

	@Override
	public String getEndpointAddress(String endpointId) {
		return "pekko://fake@127.0.0.1:1234/user/rpc/" + endpointId;
	}

	@Override
	public <C extends RpcGateway> C getSelfGateway(Class<C> selfGatewayType, RpcServer rpcServer) {
		throw new UnsupportedOperationException();
	}

	@Override
	@SuppressWarnings("unchecked")
	public <C extends RpcGateway> CompletableFuture<C> connect(String address, Class<C> clazz) {
		ConnectRequest request = new ConnectRequest(address, null);
		this.connects.add(request);
		return (CompletableFuture<C>) this.connector.apply(request, clazz);
	}

	@Override
	@SuppressWarnings("unchecked")
	public <F extends Serializable, C extends FencedRpcGateway<F>> CompletableFuture<C> connect(String address,
			F fencingToken, Class<C> clazz) {
		ConnectRequest request = new ConnectRequest(address, fencingToken);
		this.connects.add(request);
		return (CompletableFuture<C>) this.connector.apply(request, clazz);
	}

	@Override
	public RpcServer startServer(RpcEndpoint rpcEndpoint, Map<String, String> loggingContext) {
		FakeView view = new FakeView(rpcEndpoint.getEndpointId());
		this.views.add(view);
		this.events.add("register:" + rpcEndpoint.getEndpointId());
		return new FakeServer(view);
	}

	@Override
	public void stopServer(RpcServer selfGateway) {
		FakeServer server = (FakeServer) selfGateway;
		this.events.add("stop:" + server.view.id);
		if (!this.hangOnStop.contains(server.view.id)) {
			server.view.state = RpcEndpointView.State.TERMINATED;
			server.termination.complete(null);
		}
	}

	@Override
	public ScheduledExecutorService getScheduledExecutor() {
		return this.scheduler;
	}

	@Override
	public CompletableFuture<Void> closeAsync() {
		this.events.add("close-service");
		this.scheduler.shutdownNow();
		this.termination.complete(null);
		return this.termination;
	}

	@Override
	public CompletableFuture<Void> getTerminationFuture() {
		return this.termination;
	}

	@Override
	public Collection<RpcEndpointView> getEndpointViews() {
		return new ArrayList<>(this.views);
	}

	public FakeView view(String id) {
		return this.views.stream().filter((view) -> view.id.equals(id)).findFirst().orElseThrow();
	}

	public record ConnectRequest(String address, Object fencingToken) {
	}

	final class FakeServer implements RpcServer {

		final FakeView view;

		final CompletableFuture<Void> termination = new CompletableFuture<>();

		FakeServer(FakeView view) {
			this.view = view;
		}

		@Override
		public void start() {
			FakeRpcService.this.events.add("start:" + this.view.id);
			this.view.state = RpcEndpointView.State.STARTED;
		}

		@Override
		public void stop() {
			this.view.state = RpcEndpointView.State.STOPPED;
		}

		@Override
		public void runAsync(Runnable runnable) {
			throw new UnsupportedOperationException();
		}

		@Override
		public <V> CompletableFuture<V> callAsync(Callable<V> callable, Duration callTimeout) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void scheduleRunAsync(Runnable runnable, long delayMillis) {
			throw new UnsupportedOperationException();
		}

		@Override
		public String getAddress() {
			return getEndpointAddress(this.view.id);
		}

		@Override
		public String getHostname() {
			return "127.0.0.1";
		}

		@Override
		public CompletableFuture<Void> getTerminationFuture() {
			return this.termination;
		}

	}

	public static final class FakeView implements RpcEndpointView {

		final String id;

		volatile State state = State.CREATED;

		volatile int mailboxDepth;

		public FakeView(String id) {
			this.id = id;
		}

		public void setState(State state) {
			this.state = state;
		}

		public void setMailboxDepth(int mailboxDepth) {
			this.mailboxDepth = mailboxDepth;
		}

		@Override
		public String getEndpointId() {
			return this.id;
		}

		@Override
		public String getAddress() {
			return "pekko://fake@127.0.0.1:1234/user/rpc/" + this.id;
		}

		@Override
		public List<Class<? extends RpcGateway>> getGateways() {
			return List.of(TestGateway.class);
		}

		@Override
		public State getState() {
			return this.state;
		}

		@Override
		public String getMainThreadName() {
			return "actorrpc-fake-" + this.id;
		}

		@Override
		public int getMailboxDepth() {
			return this.mailboxDepth;
		}

		@Override
		public long getOldestQueuedMessageAgeNanos() {
			return 0;
		}

		@Override
		public long getCurrentMessageAgeNanos() {
			return 0;
		}

		@Override
		public RpcMethod getCurrentMethod() {
			return null;
		}

		@Override
		public long getBusyTimeNanos() {
			return 5_000_000;
		}

		@Override
		public long getProcessedMessages() {
			return 3;
		}

		@Override
		public List<RpcMethodStats> getMethodStats() {
			RpcMethod echo = new RpcMethod(TestGateway.class.getName(), "TestGateway", "echo");
			RpcMethod hello = new RpcMethod(TestGateway.class.getName(), "TestGateway", "hello");
			return List.of(new RpcMethodStats(echo, 2, 0, 2_000_000, 1_500_000, 500_000),
					new RpcMethodStats(hello, 1, 1, 3_000_000, 3_000_000, 3_000_000));
		}

	}

}
