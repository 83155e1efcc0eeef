package org.actorrpc.pekko;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcService;
import org.actorrpc.testutil.Bounded;
import org.actorrpc.testutil.EndpointViews;
import org.actorrpc.testutil.Failures;
import org.actorrpc.testutil.RpcServicePair;
import org.actorrpc.testutil.RpcServices;

import static org.actorrpc.testutil.Bounded.BOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each endpoint owns one dedicated, named main thread that runs every message of its life, and
 * {@code validateRunsInMainThread()} enforces it without {@code -ea} (Flink's
 * MainThreadValidationTest, made literal).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MainThreadTest {

	/** Two services shared by the tests of this class; each test uses its own endpoint ids. */
	@RegisterExtension
	static final RpcServices SERVICES = new RpcServices();

	private RpcServicePair services;

	private PekkoRpcService sharedServer;

	@BeforeAll
	void startServices() {
		this.services = SERVICES.pair();
		this.sharedServer = this.services.server();
	}

	@Test
	void everyKindOfMessageRunsOnTheSameDedicatedThreadNamedAfterSystemAndEndpoint() throws Exception {
		PekkoRpcService server = this.sharedServer;
		ThreadRecordingEndpoint endpoint = this.services.startEndpoint(ThreadRecordingEndpoint::new, "recorder-0");
		ThreadGateway remote = this.services.connect(endpoint, ThreadGateway.class);
		ThreadGateway self = endpoint.getSelfGateway(ThreadGateway.class);

		String remoteThread = Bounded.get(remote.threadName());
		String syncThread = remote.threadNameSync();
		remote.recordTell();
		String selfThread = Bounded.get(self.threadName());
		String runAsyncThread = Bounded.get(endpoint.threadOfRunAsync());
		String callAsyncThread = Bounded.get(endpoint.threadOfCallAsync());
		String scheduledThread = Bounded.get(endpoint.threadOfScheduledRun());
		String executorThread = Bounded.get(endpoint.threadOfExecutorSchedule());
		Bounded.get(endpoint.closeAsync());

		String expectedName = "actorrpc-" + server.getSettings().systemName() + "-recorder-0";
		assertThat(remoteThread).isEqualTo(expectedName);
		assertThat(java.util.List.of(syncThread, selfThread, runAsyncThread, callAsyncThread, scheduledThread,
				executorThread)).containsOnly(expectedName);
		assertThat(endpoint.threads)
			.as("onStart, calls, tell, runAsync, callAsync, scheduled runs and onStop all ran on one Thread object")
			.hasSize(1);
		assertThat(endpoint.threads.iterator().next().getName()).isEqualTo(expectedName);
		assertThat(endpoint.onStopRan).isTrue();
	}

	@Test
	void twoEndpointsHaveTwoDifferentMainThreads() throws Exception {
		PekkoRpcService server = this.sharedServer;
		ThreadRecordingEndpoint first = new ThreadRecordingEndpoint(server, "first-1");
		ThreadRecordingEndpoint second = new ThreadRecordingEndpoint(server, "second-1");
		first.start();
		second.start();

		String firstThread = Bounded.get(first.getSelfGateway(ThreadGateway.class).threadName());
		String secondThread = Bounded.get(second.getSelfGateway(ThreadGateway.class).threadName());

		assertThat(firstThread).endsWith("-first-1");
		assertThat(secondThread).endsWith("-second-1");
		assertThat(first.threads).doesNotContainAnyElementsOf(second.threads);
	}

	@Test
	void endpointViewNamesTheMainThread() throws Exception {
		PekkoRpcService server = this.sharedServer;
		ThreadRecordingEndpoint endpoint = new ThreadRecordingEndpoint(server, "viewed-2");
		endpoint.start();
		String name = Bounded.get(endpoint.getSelfGateway(ThreadGateway.class).threadName());

		RpcEndpointView view = EndpointViews.require(server, "viewed-2");

		assertThat(view.getMainThreadName()).isEqualTo(name);
	}

	@Test
	void validateRunsInMainThreadPassesInsideACall() throws Exception {
		PekkoRpcService server = this.sharedServer;
		ThreadRecordingEndpoint endpoint = new ThreadRecordingEndpoint(server, "validated-3");
		endpoint.start();

		assertThat(Bounded.get(endpoint.getSelfGateway(ThreadGateway.class).validated())).isTrue();
	}

	@Test
	void validateRunsInMainThreadThrowsOffTheMainThreadNamingExpectedAndActualThread() throws Exception {
		PekkoRpcService server = this.sharedServer;
		ThreadRecordingEndpoint endpoint = new ThreadRecordingEndpoint(server, "validated-4");
		endpoint.start();
		String mainThreadName = Bounded.get(endpoint.getSelfGateway(ThreadGateway.class).threadName());

		assertThatThrownBy(endpoint::validateRunsInMainThread)
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("main thread")
			.hasMessageContaining(mainThreadName)
			.hasMessageContaining(Thread.currentThread().getName());
		// An IllegalStateException (not an AssertionError): the check is plain code, independent
		// of -ea.
		assertThatThrownBy(endpoint::validated).as("direct call of an RPC method off the main thread")
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void validateRunsInMainThreadThrowsOnAnotherEndpointsMainThread() throws Exception {
		PekkoRpcService server = this.sharedServer;
		ThreadRecordingEndpoint first = new ThreadRecordingEndpoint(server, "first-5");
		ThreadRecordingEndpoint second = new ThreadRecordingEndpoint(server, "second-5");
		first.start();
		second.start();

		CompletableFuture<Throwable> failure = second.callOnMainThread(() -> {
			try {
				first.validateRunsInMainThread();
				return null;
			}
			catch (IllegalStateException ex) {
				return ex;
			}
		});

		assertThat(Bounded.get(failure)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("-first-5")
			.hasMessageContaining("-second-5");
	}

	@Test
	void validateRunsInMainThreadThrowsWithJavaAssertionsDisabled() throws Exception {
		// Surefire runs tests with -ea; load rpc-core and the probe again in a class loader whose
		// classes have assertions disabled.
		java.net.URL[] classpath = {
				RpcEndpoint.class.getProtectionDomain().getCodeSource().getLocation(),
				org.actorrpc.testutil.MainThreadCheckProbe.class.getProtectionDomain().getCodeSource().getLocation() };
		try (java.net.URLClassLoader loader = new java.net.URLClassLoader(classpath,
				ClassLoader.getPlatformClassLoader())) {
			loader.setDefaultAssertionStatus(false);
			Class<?> probe = loader.loadClass(org.actorrpc.testutil.MainThreadCheckProbe.class.getName());
			assertThat(probe).isNotSameAs(org.actorrpc.testutil.MainThreadCheckProbe.class);

			String result = (String) probe.getMethod("validateOffTheMainThread").invoke(null);

			assertThat(result).startsWith("assertions=off threw=java.lang.IllegalStateException")
				.contains("probe-main-thread")
				.contains(Thread.currentThread().getName());
		}
	}

	@Test
	void callAsyncRunsOnTheMainThreadAndReturnsItsResult() throws Exception {
		PekkoRpcService server = this.sharedServer;
		ThreadRecordingEndpoint endpoint = new ThreadRecordingEndpoint(server, "call-async-7");
		endpoint.start();

		CompletableFuture<String> result = endpoint.callOnMainThread(() -> {
			endpoint.validateRunsInMainThread();
			return "computed on " + Thread.currentThread().getName();
		});

		assertThat(Bounded.get(result)).endsWith("-call-async-7");
	}

	@Test
	void callAsyncFailsWithATimeoutWhenTheMainThreadIsBusyForLongerThanItsTimeout() throws Exception {
		PekkoRpcService server = this.sharedServer;
		ThreadRecordingEndpoint endpoint = new ThreadRecordingEndpoint(server, "call-async-timeout-8");
		endpoint.start();
		CompletableFuture<Void> release = new CompletableFuture<>();
		try {
			CompletableFuture<String> blocked = endpoint.callWithTimeout(() -> {
				release.get(20, TimeUnit.SECONDS);
				return "too late";
			}, Duration.ofMillis(100));

			Throwable failure = Failures.failureOf(blocked, BOUND);

			assertThat(failure).isInstanceOf(java.util.concurrent.TimeoutException.class);
		}
		finally {
			release.complete(null);
		}
	}

	/** Reports the thread of each call. */
	public interface ThreadGateway extends RpcGateway {

		CompletableFuture<String> threadName();

		String threadNameSync();

		void recordTell();

		CompletableFuture<Boolean> validated();

	}

	/** Records every thread any of its code ran on. */
	static class ThreadRecordingEndpoint extends RpcEndpoint implements ThreadGateway {

		final Set<Thread> threads = ConcurrentHashMap.newKeySet();

		volatile boolean onStopRan;

		ThreadRecordingEndpoint(RpcService rpcService, String endpointId) {
			super(rpcService, endpointId);
		}

		private String record() {
			this.threads.add(Thread.currentThread());
			return Thread.currentThread().getName();
		}

		@Override
		protected void onStart() {
			record();
		}

		@Override
		protected CompletableFuture<Void> onStop() {
			record();
			this.onStopRan = true;
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public CompletableFuture<String> threadName() {
			return CompletableFuture.completedFuture(record());
		}

		@Override
		public String threadNameSync() {
			return record();
		}

		@Override
		public void recordTell() {
			record();
		}

		@Override
		public CompletableFuture<Boolean> validated() {
			validateRunsInMainThread();
			return CompletableFuture.completedFuture(true);
		}

		CompletableFuture<String> threadOfRunAsync() {
			CompletableFuture<String> result = new CompletableFuture<>();
			runAsync(() -> result.complete(record()));
			return result;
		}

		CompletableFuture<String> threadOfCallAsync() {
			return callAsync(this::record, Duration.ofSeconds(20));
		}

		CompletableFuture<String> threadOfScheduledRun() {
			CompletableFuture<String> result = new CompletableFuture<>();
			scheduleRunAsync(() -> result.complete(record()), Duration.ofMillis(10));
			return result;
		}

		CompletableFuture<String> threadOfExecutorSchedule() throws Exception {
			CompletableFuture<String> result = new CompletableFuture<>();
			getMainThreadExecutor().schedule(() -> result.complete(record()), 10, TimeUnit.MILLISECONDS);
			return result;
		}

		<V> CompletableFuture<V> callOnMainThread(java.util.concurrent.Callable<V> callable) {
			return callAsync(callable, Duration.ofSeconds(20));
		}

		<V> CompletableFuture<V> callWithTimeout(java.util.concurrent.Callable<V> callable, Duration timeout) {
			return callAsync(callable, timeout);
		}

	}

}
