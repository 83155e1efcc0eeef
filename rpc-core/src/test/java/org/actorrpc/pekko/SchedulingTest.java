package org.actorrpc.pekko;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcService;
import org.actorrpc.testutil.Bounded;
import org.actorrpc.testutil.RpcServices;

import static org.actorrpc.testutil.Bounded.BOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delayed work on an endpoint's main thread and on the service scheduler: delays are respected,
 * cancellation works, nothing runs after the endpoint closed (Flink's RpcEndpointTest,
 * AsyncCallsTest and PekkoRpcServiceTest scheduling cases).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchedulingTest {

	private static final long DELAY_MILLIS = 150;

	/** One service shared by the tests of this class; each test uses its own endpoint. */
	@RegisterExtension
	static final RpcServices SERVICES = new RpcServices();

	private PekkoRpcService service;

	@BeforeAll
	void startService() {
		this.service = SERVICES.create("scheduling");
	}

	@Test
	void scheduleRunAsyncRunsNoEarlierThanTheDelayOnTheMainThread() throws Exception {
		SchedulingEndpoint endpoint = startEndpoint("schedule-run-async");
		long scheduledAt = System.nanoTime();

		CompletableFuture<Long> ranAt = endpoint.scheduleRunAsyncNanos(Duration.ofMillis(DELAY_MILLIS));

		assertThat(Bounded.get(ranAt) - scheduledAt)
			.isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(DELAY_MILLIS));
		assertThat(endpoint.mainThreadViolations.get()).isZero();
	}

	@Test
	void scheduleRunAsyncWithTimeUnitRespectsTheUnit() throws Exception {
		SchedulingEndpoint endpoint = startEndpoint("schedule-seconds");
		long scheduledAt = System.nanoTime();

		CompletableFuture<Long> ranAt = endpoint.scheduleRunAsyncSeconds(1);

		assertThat(Bounded.get(ranAt) - scheduledAt)
			.isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
	}

	@Test
	void mainThreadExecutorSchedulesRunnableAndCallableNoEarlierThanTheDelay() throws Exception {
		SchedulingEndpoint endpoint = startEndpoint("executor-schedule");
		long scheduledAt = System.nanoTime();

		ScheduledFuture<?> runnable = endpoint.executor().schedule(endpoint::checkMainThread, DELAY_MILLIS,
				TimeUnit.MILLISECONDS);
		ScheduledFuture<Long> callable = endpoint.executor().schedule(() -> {
			endpoint.checkMainThread();
			return System.nanoTime();
		}, DELAY_MILLIS, TimeUnit.MILLISECONDS);

		assertThat(Bounded.get(callable) - scheduledAt)
			.isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(DELAY_MILLIS));
		Bounded.get(runnable);
		assertThat(endpoint.mainThreadChecks.get()).isEqualTo(2);
		assertThat(endpoint.mainThreadViolations.get()).isZero();
	}

	@Test
	void mainThreadExecutorExecuteRunsOnTheMainThread() throws Exception {
		SchedulingEndpoint endpoint = startEndpoint("executor-execute");

		CompletableFuture<Void> ran = CompletableFuture.runAsync(endpoint::checkMainThread, endpoint.executor());

		assertThat(ran).succeedsWithin(BOUND);
		assertThat(endpoint.mainThreadViolations.get()).isZero();
	}

	@Test
	void cancelledScheduledRunnableAndCallableNeverRun() throws Exception {
		SchedulingEndpoint endpoint = startEndpoint("executor-cancel");
		AtomicBoolean runnableRan = new AtomicBoolean();
		AtomicBoolean callableRan = new AtomicBoolean();

		ScheduledFuture<?> runnable = endpoint.executor().schedule(() -> runnableRan.set(true), DELAY_MILLIS,
				TimeUnit.MILLISECONDS);
		ScheduledFuture<Boolean> callable = endpoint.executor().schedule(() -> callableRan.getAndSet(true),
				DELAY_MILLIS, TimeUnit.MILLISECONDS);
		assertThat(runnable.cancel(false)).isTrue();
		assertThat(callable.cancel(false)).isTrue();
		// A marker scheduled later than both: once it ran, the cancelled tasks' time has passed.
		ScheduledFuture<String> marker = endpoint.executor().schedule(() -> "marker", 3 * DELAY_MILLIS,
				TimeUnit.MILLISECONDS);

		assertThat(Bounded.get(marker)).isEqualTo("marker");
		assertThat(runnable.isCancelled()).isTrue();
		assertThat(callable.isCancelled()).isTrue();
		assertThat(runnableRan).isFalse();
		assertThat(callableRan).isFalse();
	}

	@Test
	void tasksScheduledBeforeCloseNeverRunAfterTheEndpointStopped() throws Exception {
		SchedulingEndpoint endpoint = startEndpoint("closed-schedule");
		AtomicBoolean executorTaskRan = new AtomicBoolean();
		AtomicBoolean scheduledRunAsyncRan = new AtomicBoolean();
		endpoint.executor().schedule(() -> executorTaskRan.set(true), DELAY_MILLIS, TimeUnit.MILLISECONDS);
		endpoint.scheduleFlag(scheduledRunAsyncRan, Duration.ofMillis(DELAY_MILLIS));

		Bounded.get(endpoint.closeAsync());
		ScheduledFuture<?> marker = endpoint.getRpcService().getScheduledExecutor().schedule(() -> {
		}, 3 * DELAY_MILLIS, TimeUnit.MILLISECONDS);
		Bounded.get(marker);

		assertThat(executorTaskRan).isFalse();
		assertThat(scheduledRunAsyncRan).isFalse();
	}

	@Test
	void schedulingOnTheMainThreadExecutorAfterCloseNeverRuns() throws Exception {
		SchedulingEndpoint endpoint = startEndpoint("after-close");
		Bounded.get(endpoint.closeAsync());
		AtomicBoolean ran = new AtomicBoolean();

		ScheduledFuture<?> late = endpoint.executor().schedule(() -> ran.set(true), 10, TimeUnit.MILLISECONDS);
		ScheduledFuture<?> marker = endpoint.getRpcService().getScheduledExecutor().schedule(() -> {
		}, 3 * DELAY_MILLIS, TimeUnit.MILLISECONDS);
		Bounded.get(marker);

		assertThat(ran).isFalse();
		assertThat(late.isDone()).as("a task scheduled after close is cancelled, not left pending forever")
			.isTrue();
	}

	@Test
	void runAsyncCallsFromManyThreadsInterleaveWithRpcsWithoutConcurrentAccess() throws Exception {
		SchedulingEndpoint endpoint = startEndpoint("interleave");
		SchedulingGateway gateway = endpoint.getSelfGateway(SchedulingGateway.class);
		int runs = 10_000;

		java.util.List<CompletableFuture<Integer>> rpcs = new java.util.ArrayList<>();
		java.util.stream.IntStream.range(0, runs).parallel().forEach(i -> endpoint.incrementAsync());
		for (int i = 0; i < 3; i++) {
			rpcs.add(gateway.incrementAndGet());
		}
		CompletableFuture<Integer> total = endpoint.callAsyncCount();

		for (CompletableFuture<Integer> rpc : rpcs) {
			assertThat(rpc).succeedsWithin(BOUND);
		}
		assertThat(Bounded.get(total)).isEqualTo(runs + 3);
		assertThat(endpoint.concurrentAccesses.get()).isZero();
		assertThat(endpoint.mainThreadViolations.get()).isZero();
	}

	@Test
	void serviceSchedulerRunsAOneShotTaskNoEarlierThanTheDelayAndNotOnAnEndpointThread() throws Exception {
		SchedulingEndpoint endpoint = startEndpoint("service-scheduler");
		String mainThread = Bounded.get(endpoint.getSelfGateway(SchedulingGateway.class).threadName());
		long scheduledAt = System.nanoTime();

		ScheduledFuture<String> result = this.service.getScheduledExecutor()
			.schedule(() -> Thread.currentThread().getName() + "@" + (System.nanoTime() - scheduledAt), DELAY_MILLIS,
					TimeUnit.MILLISECONDS);

		String[] parts = Bounded.get(result).split("@");
		assertThat(Long.parseLong(parts[1])).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(DELAY_MILLIS));
		assertThat(parts[0]).isNotEqualTo(mainThread);
	}

	@Test
	void serviceSchedulerRunsFixedRateAndFixedDelayTasksRepeatedlyUntilCancelled() {
		PekkoRpcService service = this.service;
		AtomicInteger fixedRate = new AtomicInteger();
		AtomicInteger fixedDelay = new AtomicInteger();

		ScheduledFuture<?> rate = service.getScheduledExecutor()
			.scheduleAtFixedRate(fixedRate::incrementAndGet, 10, 20, TimeUnit.MILLISECONDS);
		ScheduledFuture<?> delay = service.getScheduledExecutor()
			.scheduleWithFixedDelay(fixedDelay::incrementAndGet, 10, 20, TimeUnit.MILLISECONDS);
		await().atMost(BOUND).until(() -> fixedRate.get() >= 4 && fixedDelay.get() >= 4);
		assertThat(rate.isDone()).isFalse();
		assertThat(delay.isDone()).isFalse();

		rate.cancel(false);
		delay.cancel(false);
		int rateRuns = fixedRate.get();
		int delayRuns = fixedDelay.get();
		CompletableFuture<Void> marker = new CompletableFuture<>();
		service.getScheduledExecutor().schedule(() -> marker.complete(null), 200, TimeUnit.MILLISECONDS);

		assertThat(marker).succeedsWithin(BOUND);
		assertThat(fixedRate.get()).as("at most one run in progress when cancelled").isBetween(rateRuns, rateRuns + 1);
		assertThat(fixedDelay.get()).isBetween(delayRuns, delayRuns + 1);
		assertThat(rate.isCancelled()).isTrue();
	}

	@Test
	void mainThreadExecutorFixedRateRunsOnTheMainThreadAndStopsWithTheEndpoint() throws Exception {
		SchedulingEndpoint endpoint = startEndpoint("executor-rate");
		AtomicInteger runs = new AtomicInteger();

		endpoint.executor().scheduleAtFixedRate(() -> {
			endpoint.checkMainThread();
			runs.incrementAndGet();
		}, 0, 20, TimeUnit.MILLISECONDS);
		await().atMost(BOUND).until(() -> runs.get() >= 3);
		Bounded.get(endpoint.closeAsync());
		int afterClose = runs.get();
		CompletableFuture<Void> marker = new CompletableFuture<>();
		endpoint.getRpcService().getScheduledExecutor().schedule(() -> marker.complete(null), 200,
				TimeUnit.MILLISECONDS);

		assertThat(marker).succeedsWithin(BOUND);
		assertThat(runs.get()).isEqualTo(afterClose);
		assertThat(endpoint.mainThreadViolations.get()).isZero();
	}

	private SchedulingEndpoint startEndpoint(String id) {
		SchedulingEndpoint endpoint = new SchedulingEndpoint(this.service, id);
		endpoint.start();
		return endpoint;
	}

	/** Gateway of {@link SchedulingEndpoint}. */
	public interface SchedulingGateway extends RpcGateway {

		CompletableFuture<Integer> incrementAndGet();

		CompletableFuture<String> threadName();

	}

	/** Counts on its main thread and detects overlapping or off-thread execution. */
	static class SchedulingEndpoint extends RpcEndpoint implements SchedulingGateway {

		final AtomicInteger mainThreadViolations = new AtomicInteger();

		final AtomicInteger mainThreadChecks = new AtomicInteger();

		final AtomicInteger concurrentAccesses = new AtomicInteger();

		private final AtomicInteger inside = new AtomicInteger();

		/** Deliberately unsynchronized: only the main thread touches it. */
		private int counter;

		SchedulingEndpoint(RpcService rpcService, String endpointId) {
			super(rpcService, endpointId);
		}

		MainThreadExecutor executor() {
			return getMainThreadExecutor();
		}

		void checkMainThread() {
			this.mainThreadChecks.incrementAndGet();
			try {
				validateRunsInMainThread();
			}
			catch (IllegalStateException ex) {
				this.mainThreadViolations.incrementAndGet();
			}
		}

		private int increment() {
			if (this.inside.incrementAndGet() != 1) {
				this.concurrentAccesses.incrementAndGet();
			}
			checkMainThread();
			int value = this.counter + 1;
			Thread.yield();
			this.counter = value;
			this.inside.decrementAndGet();
			return value;
		}

		@Override
		public CompletableFuture<Integer> incrementAndGet() {
			return CompletableFuture.completedFuture(increment());
		}

		@Override
		public CompletableFuture<String> threadName() {
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

		void incrementAsync() {
			runAsync(this::increment);
		}

		CompletableFuture<Integer> callAsyncCount() {
			return callAsync(() -> this.counter, Duration.ofSeconds(20));
		}

		CompletableFuture<Long> scheduleRunAsyncNanos(Duration delay) {
			CompletableFuture<Long> ranAt = new CompletableFuture<>();
			scheduleRunAsync(() -> {
				checkMainThread();
				ranAt.complete(System.nanoTime());
			}, delay);
			return ranAt;
		}

		CompletableFuture<Long> scheduleRunAsyncSeconds(long seconds) {
			CompletableFuture<Long> ranAt = new CompletableFuture<>();
			scheduleRunAsync(() -> ranAt.complete(System.nanoTime()), seconds, TimeUnit.SECONDS);
			return ranAt;
		}

		void scheduleFlag(AtomicBoolean flag, Duration delay) {
			scheduleRunAsync(() -> flag.set(true), delay);
		}

	}

}
