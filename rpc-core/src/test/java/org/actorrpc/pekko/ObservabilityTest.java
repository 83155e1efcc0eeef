package org.actorrpc.pekko;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcMethod;
import org.actorrpc.RpcMethodStats;
import org.actorrpc.RpcObserver;
import org.actorrpc.RpcService;
import org.actorrpc.testutil.Bounded;
import org.actorrpc.testutil.EndpointViews;
import org.actorrpc.testutil.RpcServicePair;
import org.actorrpc.testutil.RpcServices;

import static org.actorrpc.testutil.Bounded.BOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mailbox view (depth, oldest queued age, current message age and method, per-method totals)
 * and {@link RpcObserver} callbacks. Lower bounds are derived from instants the test observed, so
 * no assertion depends on machine speed.
 */
class ObservabilityTest {

	private static final RpcMethod BLOCK = new RpcMethod(ObservedGateway.class.getName(),
			ObservedGateway.class.getSimpleName(), "block");

	private static final RpcMethod QUICK = new RpcMethod(ObservedGateway.class.getName(),
			ObservedGateway.class.getSimpleName(), "quick");

	@RegisterExtension
	final RpcServices services = new RpcServices();

	@Test
	void viewShowsDepthQueueAgeAndTheRunningMessageWhileTheMainThreadIsBusy() throws Exception {
		RecordingObserver observer = new RecordingObserver();
		RpcServicePair services = this.services.pair((b) -> b.observer(observer), UnaryOperator.identity());
		ObservedEndpoint endpoint = services.startEndpoint(ObservedEndpoint::new, "observed");
		ObservedGateway gateway = services.connect(endpoint, ObservedGateway.class);
		RpcEndpointView view = EndpointViews.require(services.server(), "observed");
		assertThat(view.getState()).isEqualTo(RpcEndpointView.State.STARTED);
		assertThat(view.getGateways()).contains(ObservedGateway.class);
		assertThat(view.getAddress()).isEqualTo(endpoint.getAddress());

		CompletableFuture<String> blocking = gateway.block();
		await().atMost(BOUND).until(() -> BLOCK.equals(view.getCurrentMethod()));
		long blockStartedBy = System.nanoTime();
		List<CompletableFuture<String>> queued = List.of(gateway.quick(), gateway.quick(), gateway.quick());
		await().atMost(BOUND).until(() -> view.getMailboxDepth() == 3);
		long queuedBy = System.nanoTime();
		// Wait (observably, not by sleeping blind) until the queued messages are measurably old.
		await().atMost(BOUND).until(() -> view.getOldestQueuedMessageAgeNanos() >= TimeUnit.MILLISECONDS.toNanos(50));
		long oldestQueuedAge = view.getOldestQueuedMessageAgeNanos();
		long currentAge = view.getCurrentMessageAgeNanos();

		assertThat(view.getMailboxDepth()).isEqualTo(3);
		assertThat(oldestQueuedAge).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
		assertThat(currentAge).as("the running message started before the queued ones arrived")
			.isGreaterThanOrEqualTo(oldestQueuedAge);
		assertThat(view.getCurrentMethod()).isEqualTo(BLOCK);

		long releasedAt = System.nanoTime();
		endpoint.release.complete(null);
		assertThat(blocking).succeedsWithin(BOUND);
		for (CompletableFuture<String> call : queued) {
			assertThat(call).succeedsWithin(BOUND);
		}

		await().atMost(BOUND).until(() -> view.getMailboxDepth() == 0 && view.getCurrentMethod() == null);
		assertThat(view.getOldestQueuedMessageAgeNanos()).isZero();
		assertThat(view.getCurrentMessageAgeNanos()).isZero();
		await().atMost(BOUND).until(() -> observer.completed(QUICK).size() == 3);

		RpcObserverEvent blockEvent = observer.completed(BLOCK).get(0);
		assertThat(blockEvent.processingNanos()).as("block ran at least from when it was seen running until release")
			.isGreaterThanOrEqualTo(releasedAt - blockStartedBy);
		assertThat(blockEvent.failure()).isNull();
		for (RpcObserverEvent quick : observer.completed(QUICK)) {
			assertThat(quick.queueWaitNanos()).as("queued from before %s until after release", queuedBy)
				.isGreaterThanOrEqualTo(releasedAt - queuedBy);
			assertThat(quick.endpointId()).isEqualTo("observed");
		}

		Map<RpcMethod, RpcMethodStats> stats = statsByMethod(view);
		assertThat(stats.get(QUICK).count()).isEqualTo(3);
		assertThat(stats.get(BLOCK).count()).isEqualTo(1);
		assertThat(stats.get(BLOCK).maxNanos()).isGreaterThanOrEqualTo(releasedAt - blockStartedBy);
		assertThat(stats.get(BLOCK).totalNanos()).isGreaterThanOrEqualTo(stats.get(BLOCK).maxNanos());
		assertThat(view.getProcessedMessages()).isGreaterThanOrEqualTo(4);
		assertThat(view.getBusyTimeNanos()).isGreaterThanOrEqualTo(releasedAt - blockStartedBy);
	}

	@Test
	void methodStatsCountFailures() throws Exception {
		PekkoRpcService server = this.services.create("server");
		ObservedEndpoint endpoint = new ObservedEndpoint(server, "failing");
		endpoint.start();
		ObservedGateway self = endpoint.getSelfGateway(ObservedGateway.class);

		Bounded.get(self.failing().handle((v, e) -> null));
		Bounded.get(self.failing().handle((v, e) -> null));
		Bounded.get(self.quick());

		RpcMethod failing = new RpcMethod(ObservedGateway.class.getName(), ObservedGateway.class.getSimpleName(),
				"failing");
		RpcEndpointView view = EndpointViews.require(server, "failing");
		await().atMost(BOUND).until(() -> statsByMethod(view).containsKey(QUICK));
		assertThat(statsByMethod(view).get(failing).count()).isEqualTo(2);
		assertThat(statsByMethod(view).get(failing).failures()).isEqualTo(2);
		assertThat(statsByMethod(view).get(QUICK).failures()).isZero();
	}

	@Test
	void observerSeesServerCallsWithTheirFailureAndClientCallsCompleting() throws Exception {
		RecordingObserver serverObserver = new RecordingObserver();
		RecordingObserver clientObserver = new RecordingObserver();
		RpcServicePair services = this.services.pair((b) -> b.observer(serverObserver),
				(b) -> b.observer(clientObserver));
		ObservedEndpoint endpoint = services.startEndpoint(ObservedEndpoint::new, "observed");
		ObservedGateway gateway = services.connect(endpoint, ObservedGateway.class);

		Bounded.get(gateway.quick());
		Bounded.get(gateway.failing().handle((v, e) -> null));

		RpcMethod failing = new RpcMethod(ObservedGateway.class.getName(), ObservedGateway.class.getSimpleName(),
				"failing");
		await().atMost(BOUND).until(() -> serverObserver.completed(failing).size() == 1);
		assertThat(serverObserver.completed(QUICK)).singleElement()
			.satisfies(e -> assertThat(e.failure()).isNull())
			.satisfies(e -> assertThat(e.processingNanos()).isNotNegative())
			.satisfies(e -> assertThat(e.queueWaitNanos()).isNotNegative());
		assertThat(serverObserver.completed(failing).get(0).failure()).isInstanceOf(IllegalStateException.class);
		await().atMost(BOUND).until(() -> clientObserver.clientCalls.size() >= 2);
		assertThat(clientObserver.clientCalls).extracting(ClientCallEvent::method).contains(QUICK, failing);
		assertThat(clientObserver.clientCalls).extracting(ClientCallEvent::recipient).containsOnly(endpoint.getAddress());
		await().atMost(BOUND).until(() -> clientObserver.clientCalls.stream().allMatch(c -> c.completion().isDone()));
		assertThat(clientObserver.clientCalls.stream().filter(c -> c.method().equals(failing)).findFirst().orElseThrow()
			.completion().get()).isNotNull();
	}

	@Test
	void observerIsToldAboutRegistrationAndTermination() throws Exception {
		RecordingObserver observer = new RecordingObserver();
		PekkoRpcService server = this.services.create("server", b -> b.observer(observer));
		ObservedEndpoint endpoint = new ObservedEndpoint(server, "lifecycle");
		endpoint.start();

		assertThat(observer.registered).contains("lifecycle");
		Bounded.get(endpoint.closeAsync());

		await().atMost(BOUND).until(() -> observer.terminated.containsKey("lifecycle"));
		assertThat(observer.terminated.get("lifecycle")).isEqualTo("normal");
		assertThat(EndpointViews.find(server, "lifecycle").map(RpcEndpointView::getState).orElse(null)).isIn(null,
				RpcEndpointView.State.TERMINATED);
	}

	@Test
	void endpointViewsListTheServicesEndpointsInRegistrationOrder() {
		PekkoRpcService server = this.services.create("server");
		new ObservedEndpoint(server, "one").start();
		new ObservedEndpoint(server, "two");

		assertThat(server.getEndpointViews()).extracting(RpcEndpointView::getEndpointId).containsExactly("one", "two");
		assertThat(EndpointViews.require(server, "two").getState()).isEqualTo(RpcEndpointView.State.CREATED);
	}

	private static Map<RpcMethod, RpcMethodStats> statsByMethod(RpcEndpointView view) {
		Map<RpcMethod, RpcMethodStats> stats = new java.util.HashMap<>();
		for (RpcMethodStats s : view.getMethodStats()) {
			stats.put(s.method(), s);
		}
		return stats;
	}

	/**
	 * One serverCallCompleted event.
	 * @param endpointId endpoint
	 * @param method method
	 * @param queueWaitNanos queue wait
	 * @param processingNanos processing time
	 * @param failure failure or null
	 */
	record RpcObserverEvent(String endpointId, RpcMethod method, long queueWaitNanos, long processingNanos,
			Throwable failure) {
	}

	/**
	 * One client call.
	 * @param method method
	 * @param recipient recipient address
	 * @param completion completed with the failure, or a marker for success
	 */
	record ClientCallEvent(RpcMethod method, String recipient, CompletableFuture<Object> completion) {
	}

	/** Records every event; thread-safe. */
	static final class RecordingObserver implements RpcObserver {

		final List<RpcObserverEvent> serverCalls = new CopyOnWriteArrayList<>();

		final List<ClientCallEvent> clientCalls = new CopyOnWriteArrayList<>();

		final List<String> registered = new CopyOnWriteArrayList<>();

		final Map<String, String> terminated = new java.util.concurrent.ConcurrentHashMap<>();

		List<RpcObserverEvent> completed(RpcMethod method) {
			return this.serverCalls.stream().filter(e -> e.method().equals(method)).toList();
		}

		@Override
		public void endpointRegistered(RpcEndpointView endpoint) {
			this.registered.add(endpoint.getEndpointId());
		}

		@Override
		public void endpointTerminated(RpcEndpointView endpoint, Throwable failure) {
			this.terminated.put(endpoint.getEndpointId(), (failure != null) ? failure.toString() : "normal");
		}

		@Override
		public void serverCallCompleted(RpcEndpointView endpoint, RpcMethod method, long queueWaitNanos,
				long processingNanos, Throwable failure) {
			this.serverCalls.add(new RpcObserverEvent(endpoint.getEndpointId(), method, queueWaitNanos, processingNanos,
					failure));
		}

		@Override
		public ClientCall clientCallStarted(RpcMethod method, String recipient) {
			CompletableFuture<Object> completion = new CompletableFuture<>();
			this.clientCalls.add(new ClientCallEvent(method, recipient, completion));
			return new ClientCall() {
				@Override
				public void completed(Throwable failure) {
					completion.complete((failure != null) ? failure : "success");
				}
			};
		}

	}

	/** Gateway of {@link ObservedEndpoint}. */
	public interface ObservedGateway extends RpcGateway {

		CompletableFuture<String> block();

		CompletableFuture<String> quick();

		CompletableFuture<String> failing();

	}

	static class ObservedEndpoint extends RpcEndpoint implements ObservedGateway {

		final CompletableFuture<Void> release = new CompletableFuture<>();

		ObservedEndpoint(RpcService rpcService, String endpointId) {
			super(rpcService, endpointId);
		}

		@Override
		public CompletableFuture<String> block() {
			this.release.orTimeout(20, TimeUnit.SECONDS).exceptionally(ex -> null).join();
			return CompletableFuture.completedFuture("released");
		}

		@Override
		public CompletableFuture<String> quick() {
			return CompletableFuture.completedFuture("quick");
		}

		@Override
		public CompletableFuture<String> failing() {
			throw new IllegalStateException("observed failure");
		}

	}

}
