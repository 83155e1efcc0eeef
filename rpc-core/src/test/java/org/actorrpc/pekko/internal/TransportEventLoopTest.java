package org.actorrpc.pekko.internal;

import java.io.IOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.Selector;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pekko.dispatch.TaskInvocation;
import org.apache.pekko.util.SerializedSuspendableExecutionContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import scala.concurrent.ExecutionContext;
import scala.runtime.BoxedUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The transport event loop hosts Pekko IO's blocking selector step next to ordinary tasks. These
 * tests drive it the way Pekko IO does, with a real {@link Selector} blocked in {@code select()}
 * inside a {@link SerializedSuspendableExecutionContext} step, and prove that work submitted
 * meanwhile is never stranded and that the interrupt used to wake the selector never reaches a task
 * that could do channel I/O.
 */
class TransportEventLoopTest {

	private static final long BOUND_SECONDS = 10;

	private static final long STRESS_SECONDS = 20;

	private static final ThreadFactory THREADS = (task) -> new Thread(task, "transport-loop-test");

	private TransportEventLoop loop;

	private Selector selector;

	private SelectorLoop selectorLoop;

	@BeforeEach
	void startLoop() throws IOException {
		this.loop = new TransportEventLoop(THREADS);
		this.selector = Selector.open();
	}

	@AfterEach
	void stopLoop() throws Exception {
		// closing wakes a blocked select; the step then sees the closed selector and stops rescheduling
		this.selector.close();
		this.loop.shutdown();
		assertThat(this.loop.awaitTermination(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void taskSubmittedFromAnotherThreadWhileTheLoopBlocksInSelectRunsWithoutANetworkEvent() throws Exception {
		startSelectorLoop();
		this.selectorLoop.awaitFirstStep();

		CountDownLatch ran = new CountDownLatch(1);
		this.loop.execute(ran::countDown);

		assertThat(ran.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void interruptThatWakesTheSelectorNeverReachesTheTasksAfterIt() throws Exception {
		startSelectorLoop();
		List<Boolean> interruptedFlags = new CopyOnWriteArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			CompletableFuture<Void> done = new CompletableFuture<>();
			this.loop.execute(() -> {
				interruptedFlags.add(Thread.currentThread().isInterrupted());
				done.complete(null);
			});
			done.get(BOUND_SECONDS, TimeUnit.SECONDS);
		}

		assertThat(interruptedFlags).hasSize(2_000).containsOnly(false);
		assertThat(this.selectorLoop.steps.get()).isGreaterThan(1);
	}

	@Test
	void submittersRacingTheLoopIntoSelectNeverStrandTheirTasks() throws Exception {
		startSelectorLoop();
		this.selectorLoop.awaitFirstStep();
		// Each round trip submits while the loop thread heads back into select(), the moment at which an
		// interrupt can set the thread's flag just after select() looked at it; the selector here has no
		// timeout, so a lost wake-up strands the task and fails the bound.
		int rounds = 0;
		int interrupted = 0;
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(STRESS_SECONDS);
		while (System.nanoTime() - end < 0) {
			CompletableFuture<Boolean> done = new CompletableFuture<>();
			this.loop.execute(() -> done.complete(Thread.currentThread().isInterrupted()));
			if (done.get(BOUND_SECONDS, TimeUnit.SECONDS)) {
				interrupted++;
			}
			rounds++;
		}

		assertThat(rounds).isPositive();
		assertThat(interrupted).as("tasks that ran with the selector's interrupt still set").isZero();
	}

	@Test
	void taskTheSelectorStepSubmitsToItsOwnLoopRunsBeforeTheNextSelect() throws Exception {
		CountDownLatch dispatched = new CountDownLatch(1);
		// Like a selector step that finds a ready channel and hands it to a connection actor on the
		// same loop before selecting again.
		startSelectorLoop(() -> this.loop.execute(dispatched::countDown));

		assertThat(dispatched.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void tasksRunOneAtATimeInSubmissionOrderOnTheLoopThread() throws Exception {
		List<Integer> order = new CopyOnWriteArrayList<>();
		List<String> threads = new CopyOnWriteArrayList<>();
		CountDownLatch all = new CountDownLatch(1_000);
		for (int i = 0; i < 1_000; i++) {
			int index = i;
			this.loop.execute(() -> {
				order.add(index);
				threads.add(Thread.currentThread().getName());
				all.countDown();
			});
		}

		assertThat(all.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
		assertThat(order).isSorted().hasSize(1_000);
		assertThat(threads).containsOnly("transport-loop-test");
	}

	@Test
	void shutdownRunsQueuedTasksThenRejectsNewOnesAndTerminates() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger ran = new AtomicInteger();
		this.loop.execute(() -> awaitQuietly(release));
		this.loop.execute(ran::incrementAndGet);
		this.loop.shutdown();

		assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> this.loop.execute(() -> {
		})).withMessageContaining("shut down");
		assertThat(this.loop.isShutdown()).isTrue();
		release.countDown();
		assertThat(this.loop.awaitTermination(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
		assertThat(ran).hasValue(1);
		assertThat(this.loop.isTerminated()).isTrue();
	}

	@Test
	void taskThatThrowsDoesNotStopTheLoop() throws Exception {
		this.loop.execute(() -> {
			throw new IllegalStateException("expected by the test");
		});
		CountDownLatch ran = new CountDownLatch(1);
		this.loop.execute(ran::countDown);

		assertThat(ran.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
	}

	private void startSelectorLoop() {
		startSelectorLoop(() -> {
		});
	}

	private void startSelectorLoop(Runnable afterFirstSelect) {
		ExecutionContext dispatcher = new DispatcherLike(this.loop);
		SerializedSuspendableExecutionContext serial = SerializedSuspendableExecutionContext.apply(1, dispatcher);
		this.selectorLoop = new SelectorLoop(this.selector, serial, afterFirstSelect);
		serial.execute(this.selectorLoop);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(BOUND_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Submits as a Pekko dispatcher does: every task wrapped in a {@link TaskInvocation}. */
	private record DispatcherLike(TransportEventLoop loop) implements ExecutionContext {

		@Override
		public void execute(Runnable runnable) {
			this.loop.execute(new TaskInvocation(null, runnable, () -> BoxedUnit.UNIT));
		}

		@Override
		public void reportFailure(Throwable cause) {
			cause.printStackTrace();
		}

	}

	/** Pekko IO's select step: select, then schedule itself again behind whatever is queued. */
	private static final class SelectorLoop implements Runnable {

		private final Selector selector;

		private final SerializedSuspendableExecutionContext serial;

		private final Runnable afterFirstSelect;

		private final AtomicInteger steps = new AtomicInteger();

		private final CountDownLatch entered = new CountDownLatch(1);

		SelectorLoop(Selector selector, SerializedSuspendableExecutionContext serial, Runnable afterFirstSelect) {
			this.selector = selector;
			this.serial = serial;
			this.afterFirstSelect = afterFirstSelect;
		}

		@Override
		public void run() {
			if (!this.selector.isOpen()) {
				return;
			}
			try {
				if (this.steps.getAndIncrement() == 0) {
					this.afterFirstSelect.run();
				}
				this.entered.countDown();
				this.selector.select();
			}
			catch (IOException | ClosedSelectorException ex) {
				// the test is over
			}
			finally {
				this.serial.execute(this);
			}
		}

		void awaitFirstStep() throws InterruptedException {
			assertThat(this.entered.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
		}

	}

}
