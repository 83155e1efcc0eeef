package org.actorrpc.pekko.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import org.actorrpc.RecordedMessage;
import org.actorrpc.RpcMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admission rules of a bounded {@link EndpointMailbox}, driven step by step from the test
 * thread, which plays the consumer: it takes messages and wakes waiters when it chooses, so each
 * test sets up exactly the moment it is about.
 */
class EndpointMailboxTest {

	private static final Duration BOUND = Duration.ofSeconds(60);

	private static final long LONG_WAIT_NANOS = BOUND.toNanos();

	@Test
	void callerThatMayWaitQueuesBehindAWaiterEvenWhenThereIsRoomButAThreadThatMustNotWaitTakesIt()
			throws Exception {
		EndpointMailbox mailbox = new EndpointMailbox(1);
		Message queued = new Message("queued");
		assertThat(mailbox.offerIfNobodyWaits(queued)).isTrue();
		Message waiting = new Message("waiting");
		CompletableFuture<WaitingLine.Outcome> waiter = waitInLine(mailbox, waiting);
		// The consumer takes a message but has not woken the waiter yet: there is room, and a waiter.
		assertThat(mailbox.poll()).isSameAs(queued);
		Message newcomer = new Message("newcomer");
		assertThat(mailbox.offerIfNobodyWaits(newcomer)).as("a newcomer does not overtake the waiter").isFalse();
		Message urgent = new Message("urgent");
		assertThat(mailbox.offerIfRoom(urgent)).as("a thread that must not wait takes the room").isTrue();
		assertThat(mailbox.poll()).isSameAs(urgent);
		mailbox.wakeRoomWaiters();
		assertThat(waiter.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(WaitingLine.Outcome.ADMITTED);
		assertThat(mailbox.poll()).isSameAs(waiting);
		assertThat(mailbox.offerIfNobodyWaits(newcomer)).as("nobody waits any more").isTrue();
	}

	@Test
	void waitersAreAdmittedInTheOrderTheyCameAndNeverBeyondTheCapacity() throws Exception {
		EndpointMailbox mailbox = new EndpointMailbox(2);
		mailbox.offerIfRoom(new Message("a"));
		mailbox.offerIfRoom(new Message("b"));
		List<Message> waiting = new ArrayList<>();
		List<CompletableFuture<WaitingLine.Outcome>> waiters = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Message message = new Message("waiter-" + i);
			waiting.add(message);
			waiters.add(waitInLine(mailbox, message));
		}
		// Two places free at once: the first two waiters take them, one after the other, and no more.
		mailbox.poll();
		mailbox.poll();
		mailbox.wakeRoomWaiters();
		waiters.get(0).get(BOUND.toSeconds(), TimeUnit.SECONDS);
		waiters.get(1).get(BOUND.toSeconds(), TimeUnit.SECONDS);
		assertThat(mailbox.depth()).isEqualTo(2);
		assertThat(waiters.subList(2, 5)).allMatch((waiter) -> !waiter.isDone());
		List<Message> taken = new ArrayList<>();
		while (taken.size() < 5) {
			MailboxMessage next = mailbox.poll();
			if (next != null) {
				taken.add((Message) next);
				mailbox.wakeRoomWaiters();
			}
			else {
				await().atMost(BOUND).until(() -> mailbox.depth() > 0);
			}
			assertThat(mailbox.depth()).isLessThanOrEqualTo(2);
		}
		assertThat(taken).containsExactlyElementsOf(waiting);
	}

	@Test
	void waiterThatTimesOutLeavesTheLineAndTheNextOneBecomesFirst() throws Exception {
		EndpointMailbox mailbox = new EndpointMailbox(1);
		mailbox.offerIfRoom(new Message("full"));
		CompletableFuture<WaitingLine.Outcome> impatient = CompletableFuture.supplyAsync(
				() -> mailbox.offerWhenRoom(new Message("impatient"), TimeUnit.MILLISECONDS.toNanos(200), () -> false),
				(task) -> new Thread(task, "impatient").start());
		assertThat(impatient.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(WaitingLine.Outcome.TIMED_OUT);
		Message patient = new Message("patient");
		CompletableFuture<WaitingLine.Outcome> next = waitInLine(mailbox, patient);
		mailbox.poll();
		mailbox.wakeRoomWaiters();
		assertThat(next.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(WaitingLine.Outcome.ADMITTED);
		assertThat(mailbox.poll()).isSameAs(patient);
		assertThat(mailbox.poll()).as("the call that timed out was never enqueued").isNull();
	}

	@Test
	void everyWaiterGivesUpWhenReleasedAndItsConditionHolds() throws Exception {
		EndpointMailbox mailbox = new EndpointMailbox(1);
		mailbox.offerIfRoom(new Message("full"));
		AtomicBoolean terminated = new AtomicBoolean();
		List<CompletableFuture<WaitingLine.Outcome>> waiters = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Message message = new Message("waiter-" + i);
			CompletableFuture<WaitingLine.Outcome> waiter = new CompletableFuture<>();
			Thread thread = new Thread(() -> waiter.complete(mailbox.offerWhenRoom(message, LONG_WAIT_NANOS,
					terminated::get)), "waiter-" + i);
			thread.setDaemon(true);
			thread.start();
			awaitInLine(thread);
			waiters.add(waiter);
		}
		terminated.set(true);
		mailbox.releaseRoomWaiters();
		for (CompletableFuture<WaitingLine.Outcome> waiter : waiters) {
			assertThat(waiter.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(WaitingLine.Outcome.GAVE_UP);
		}
		assertThat(mailbox.depth()).isEqualTo(1);
	}

	private static CompletableFuture<WaitingLine.Outcome> waitInLine(EndpointMailbox mailbox, Message message) {
		CompletableFuture<WaitingLine.Outcome> outcome = new CompletableFuture<>();
		Thread thread = new Thread(() -> outcome.complete(mailbox.offerWhenRoom(message, LONG_WAIT_NANOS, () -> false)),
				"waiter-" + message.name);
		thread.setDaemon(true);
		thread.start();
		awaitInLine(thread);
		return outcome;
	}

	private static void awaitInLine(Thread thread) {
		await().atMost(BOUND).until(() -> thread.getState() == Thread.State.TIMED_WAITING
				&& Arrays.stream(thread.getStackTrace())
					.anyMatch((frame) -> frame.getClassName().equals(WaitingLine.class.getName())));
	}

	private static final class Message extends MailboxMessage {

		final String name;

		Message(String name) {
			this.name = name;
		}

		@Override
		RpcMethod method() {
			return null;
		}

		@Override
		RecordedMessage.Kind recordedKind() {
			return null;
		}

		@Override
		Throwable process(EndpointServer server) {
			return null;
		}

		@Override
		void reject(Throwable failure) {
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
