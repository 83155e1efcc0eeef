package org.actorrpc.pekko.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.actorrpc.RpcObserver;
import org.actorrpc.exceptions.RpcTimeoutException;

import static org.actorrpc.testutil.Bounded.BOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * How pending calls expire: at their own deadline, once, whatever else is pending, and without a periodic tick that
 * would wake the scheduler of every service of a process every few milliseconds.
 */
class CallTimeoutsTest {

	private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

	private final CallTimeouts timeouts;

	CallTimeoutsTest() {
		// As a service's scheduler: a cancelled sweep leaves the queue at once.
		this.scheduler.setRemoveOnCancelPolicy(true);
		this.timeouts = new CallTimeouts(this.scheduler);
	}

	@AfterEach
	void stop() throws InterruptedException {
		this.timeouts.close();
		this.scheduler.shutdownNow();
		assertThat(this.scheduler.awaitTermination(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
	}

	@Test
	void unansweredCallFailsWithTimeoutNoSoonerThanItsTimeout() {
		PendingCall call = call(Duration.ofMillis(200));
		this.timeouts.register(call);

		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> call.future.get(BOUND.toMillis(), TimeUnit.MILLISECONDS))
			.withCauseInstanceOf(RpcTimeoutException.class)
			.withMessageContaining("timed out after 200 ms");
		assertThat(System.nanoTime() - call.startNanos).isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
		assertThat(this.timeouts.queuedCalls()).isZero();
	}

	@Test
	void answeredCallsArmNoSweepBeforeTheirTimeout() {
		registerAnsweredCalls(1000, Duration.ofSeconds(60));

		// One sweep is armed, a minute away: nothing wakes the scheduler in between.
		assertThat(this.scheduler.getQueue()).hasSize(1);
		assertThat(armedDelaySeconds()).isGreaterThan(50);
	}

	@Test
	void answeredCallsDoNotPileUpUntilTheNextSweep() {
		registerAnsweredCalls(10_000, Duration.ofSeconds(60));

		assertThat(this.timeouts.queuedCalls()).isLessThanOrEqualTo(1);
	}

	@Test
	void shorterTimeoutRegisteredLaterExpiresAtItsOwnDeadline() throws Exception {
		PendingCall patient = call(Duration.ofSeconds(60));
		this.timeouts.register(patient);
		PendingCall hasty = call(Duration.ofMillis(100));
		this.timeouts.register(hasty);

		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> hasty.future.get(BOUND.toMillis(), TimeUnit.MILLISECONDS))
			.withCauseInstanceOf(RpcTimeoutException.class);
		assertThat(patient.future).isNotDone();
		// After the hasty call's sweep, the next one is armed for the patient call.
		await().atMost(BOUND).until(() -> this.scheduler.getQueue().size() == 1);
		assertThat(armedDelaySeconds()).isGreaterThan(50);
	}

	@Test
	void callsBehindAnAnsweredHeadStillExpire() throws Exception {
		PendingCall answered = call(Duration.ofMillis(100));
		this.timeouts.register(answered);
		PendingCall unanswered = call(Duration.ofMillis(100));
		this.timeouts.register(unanswered);
		answered.complete("answer");

		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> unanswered.future.get(BOUND.toMillis(), TimeUnit.MILLISECONDS))
			.withCauseInstanceOf(RpcTimeoutException.class);
		assertThat(answered.future.get()).isEqualTo("answer");
	}

	@Test
	void everyUnansweredCallOfConcurrentCallersTimesOutExactlyOnce() throws Exception {
		int threads = 4;
		int callsPerThread = 2_000;
		AtomicInteger timedOut = new AtomicInteger();
		List<PendingCall> unanswered = new ArrayList<>();
		List<List<PendingCall>> perThread = new ArrayList<>();
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> callers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			List<PendingCall> mine = new ArrayList<>();
			perThread.add(mine);
			int seed = t;
			Thread caller = new Thread(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				for (int i = 0; i < callsPerThread; i++) {
					if (i % 3 != 0) {
						PendingCall answered = call(Duration.ofSeconds(60), timedOut);
						this.timeouts.register(answered);
						answered.complete("answer");
					}
					else {
						// Timeouts of 1 to 5 ms: the calls cross the sweeps as they run.
						PendingCall expiring = call(Duration.ofMillis(1 + (i + seed) % 5), timedOut);
						this.timeouts.register(expiring);
						mine.add(expiring);
					}
				}
			});
			callers.add(caller);
			caller.start();
		}
		start.countDown();
		for (Thread caller : callers) {
			caller.join(BOUND.toMillis());
			assertThat(caller.isAlive()).isFalse();
		}
		perThread.forEach(unanswered::addAll);

		CompletableFuture.allOf(unanswered.stream().map((call) -> call.future).toArray(CompletableFuture[]::new))
			.handle((ignored, failure) -> null)
			.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(unanswered).allSatisfy((call) -> assertThat(call.future).isCompletedExceptionally());
		assertThat(timedOut).hasValue(unanswered.size());
		// Only the last answered call may still wait for its lane's next caller or sweep.
		await().atMost(BOUND).until(() -> this.timeouts.queuedCalls() <= 1);
	}

	private void registerAnsweredCalls(int count, Duration timeout) {
		for (int i = 0; i < count; i++) {
			PendingCall call = call(timeout);
			this.timeouts.register(call);
			call.complete("answer");
		}
	}

	private long armedDelaySeconds() {
		return ((Delayed) this.scheduler.getQueue().peek()).getDelay(TimeUnit.SECONDS);
	}

	private static PendingCall call(Duration timeout) {
		return call(timeout, new AtomicInteger());
	}

	private static PendingCall call(Duration timeout, AtomicInteger failures) {
		RpcObserver.ClientCall observation = new RpcObserver.ClientCall() {

			@Override
			public void completed(Throwable failure) {
				if (failure != null) {
					failures.incrementAndGet();
				}
			}

		};
		return new PendingCall(new CompletableFuture<>(), null, "recipient", timeout, null, observation, "a call");
	}

}
