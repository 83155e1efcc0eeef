package org.actorrpc.benchmarks;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CallChainsTest {

	private final ExecutorService completer = Executors.newSingleThreadExecutor();

	@AfterEach
	void shutDown() throws InterruptedException {
		this.completer.shutdownNow();
		this.completer.awaitTermination(10, TimeUnit.SECONDS);
	}

	@Test
	void keepsExactlyTheChainCountInFlightAndCountsEveryAnswer() throws Exception {
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger mostInFlight = new AtomicInteger();
		AtomicInteger started = new AtomicInteger();
		CallChains chains = new CallChains(16, (chain, value) -> {
			started.incrementAndGet();
			mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
			return CompletableFuture.supplyAsync(() -> {
				inFlight.decrementAndGet();
				return value;
			}, this.completer);
		}, (value, answer) -> null);

		chains.start();
		long counted = 0;
		while (counted < 10_000) {
			counted += chains.awaitSlice();
		}
		chains.stop();

		assertThat(mostInFlight.get()).isEqualTo(16);
		assertThat(inFlight.get()).isZero();
		// every started call completed by stop(); the last slice may not have seen the ones after it
		assertThat(started.get()).isGreaterThanOrEqualTo((int) counted);
	}

	@Test
	void answersThatAreAlreadyCompleteDoNotGrowTheStack() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		CallChains chains = new CallChains(1, (chain, value) -> (calls.incrementAndGet() < 100_000)
				? CompletableFuture.completedFuture(value) : new CompletableFuture<>(), (value, answer) -> null);

		chains.start();

		assertThat(calls.get()).isEqualTo(100_000);
	}

	@Test
	void aWrongAnswerFailsTheNextSampleAndStopsItsChain() throws Exception {
		Queue<CompletableFuture<Object>> open = new ConcurrentLinkedQueue<>();
		CallChains chains = new CallChains(2, (chain, value) -> {
			CompletableFuture<Object> future = new CompletableFuture<>();
			open.add(future);
			return future;
		}, (value, answer) -> "wrong answer " + answer);
		chains.start();
		chains.awaitSlice();

		open.poll().complete("x");

		assertThatIllegalStateException().isThrownBy(chains::awaitSlice).withMessage("wrong answer x");
		assertThat(open).hasSize(1);
		open.poll().complete("y");
		assertThatIllegalStateException().isThrownBy(chains::stop).withMessage("wrong answer x");
	}

}
