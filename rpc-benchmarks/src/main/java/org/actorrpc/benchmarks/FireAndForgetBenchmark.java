package org.actorrpc.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.actorrpc.benchmarks.peer.Delivery;
import org.actorrpc.benchmarks.peer.EchoClient;
import org.actorrpc.benchmarks.peer.EchoFixture;
import org.actorrpc.benchmarks.peer.Peer;
import org.actorrpc.benchmarks.peer.Placement;

/**
 * Fire-and-forget throughput as messages <em>processed</em> by the endpoint, not sent: the secondary result
 * {@value DeliveredMessages#RESULT} in messages per second, with {@code sent}, {@code lost} and {@code outOfOrder}
 * beside it ({@link MessageLoss}). Every {@code tell} carries its sender's id and sequence number; the endpoint
 * checks continuity per sender ({@link org.actorrpc.benchmarks.peer.SequenceChecker}) and counts.
 *
 * <p>With the {@code stream} driver, {@code senders} threads share the one gateway and send as fast as they can
 * (or at {@code rate} messages per second in total) for {@code windowMillis}; then the invocation waits until the
 * endpoint has processed everything sent, so its time covers sending and processing. With {@code batch} (the
 * driver of the tables before issue 15) the benchmark thread sends {@value #BATCH} tells as one sender and waits
 * the same way.
 *
 * <p>For actorrpc the check is strict: if a message is lost, reordered or processed twice, the trial fails with the
 * counts (its delivery contract promises each message once and in order per sender). A peer without that promise
 * (raw Pekko, whose Artery drops when its outbound queue is full) is not failed: its delivered rate and its losses
 * are reported. A lossy peer's wait ends when two answers {@value #SETTLE_MILLIS} ms apart show no progress (the
 * answer travels behind the tells, so nothing that was not lost is still on the way); that wait is part of its
 * time. grpc-java is absent: unary calls have no one-way form.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FireAndForgetBenchmark {

	/** Tells per invocation of the {@code batch} driver. */
	public static final int BATCH = 5_000;

	/** Spacing of the two answers without progress that end a lossy peer's wait. */
	static final long SETTLE_MILLIS = 20;

	/** How long a strict peer may make no progress before its missing messages count as lost. */
	static final long STRICT_STALL_MILLIS = 5_000;

	/**
	 * Longest wait for the endpoint to process what was sent: a peer without flow control queues what unpaced
	 * senders send faster than its endpoint processes, and the answer waits behind that backlog.
	 */
	static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(120);

	/** Longest wait for one delivery answer before it is asked again (raw Pekko drops asks like tells). */
	private static final long ANSWER_TIMEOUT_MILLIS = 1_000;

	/** The RPC system. */
	@Param({ "actorrpc", "flink", "pekko", "tcp" })
	public String peer;

	/** Same JVM ("local") or a separate server JVM ("remote"). */
	@Param({ "local", "remote" })
	public String placement;

	/** {@code stream}: senders for a window; {@code batch}: one sender, {@value #BATCH} tells per invocation. */
	@Param({ "stream", "batch" })
	public String driver;

	/** Sending threads of the {@code stream} driver, sharing the one gateway. */
	@Param({ "4" })
	public int senders;

	/** Offered load of the {@code stream} driver in messages per second, all senders together; 0: unpaced. */
	@Param({ "0" })
	public long rate;

	/** How long the {@code stream} driver's senders send in each invocation. */
	@Param({ "1000" })
	public long windowMillis;

	private EchoFixture fixture;

	private EchoClient client;

	private boolean strict;

	private boolean streaming;

	private ExecutorService senderThreads;

	/** Next sequence number per sender; each entry is used by one sender at a time. */
	private long[] nextSequence;

	private long sentTotal;

	private Delivery lastDelivery;

	/** @throws Exception if the peer does not start or has no one-way call */
	@Setup(Level.Trial)
	public void open() throws Exception {
		if (this.senders < 1 || this.rate < 0 || this.windowMillis < 1) {
			throw new IllegalArgumentException("senders must be at least 1 (was " + this.senders + "), rate at least "
					+ "0 (was " + this.rate + "), windowMillis at least 1 (was " + this.windowMillis + ")");
		}
		this.streaming = switch (this.driver) {
			case "stream" -> true;
			case "batch" -> false;
			default -> throw new IllegalArgumentException("Unknown driver '" + this.driver + "'; use stream or batch");
		};
		Peer system = Peer.of(this.peer);
		this.strict = system == Peer.ACTORRPC || system.isVariant();
		this.fixture = EchoFixture.open(system, Placement.of(this.placement), 1);
		this.client = this.fixture.client();
		if (!this.client.supportsTell()) {
			this.fixture.close();
			throw new IllegalArgumentException(this.peer + " has no fire-and-forget call; leave it out of "
					+ "FireAndForgetBenchmark");
		}
		int threads = this.streaming ? this.senders : 1;
		this.nextSequence = new long[threads];
		this.senderThreads = Executors.newFixedThreadPool(threads, (task) -> {
			Thread thread = new Thread(task, "fire-and-forget-sender");
			thread.setDaemon(true);
			return thread;
		});
		this.lastDelivery = answer(System.nanoTime() + DRAIN_TIMEOUT.toNanos());
	}

	/** @throws Exception if closing fails */
	@TearDown(Level.Trial)
	public void close() throws Exception {
		this.senderThreads.shutdownNow();
		this.fixture.close();
	}

	/**
	 * @param delivered messages the endpoint processed, JMH's secondary result
	 * @param loss messages sent, lost and out of order
	 * @throws Exception for actorrpc if a message was lost, reordered or duplicated; for any peer if the endpoint
	 * does not answer in time or a sender fails
	 */
	@Benchmark
	public void tell(DeliveredMessages delivered, MessageLoss loss) throws Exception {
		long sent = this.streaming ? sendWindow() : sendBatch();
		long lostBefore = this.sentTotal - this.lastDelivery.processed();
		this.sentTotal += sent;
		Delivery before = this.lastDelivery;
		Delivery after = awaitDelivery();
		this.lastDelivery = after;
		delivered.delivered += after.processed() - before.processed();
		loss.sent += sent;
		loss.lost += (this.sentTotal - after.processed()) - lostBefore;
		loss.outOfOrder += after.outOfOrder() - before.outOfOrder();
		if (this.strict && (after.processed() != this.sentTotal || !after.inOrderWithoutGaps())) {
			throw closedAfter(new IllegalStateException(this.peer + " broke its delivery contract: of " + this.sentTotal
					+ " fire-and-forget messages sent in this trial, the endpoint processed " + after.processed()
					+ ", " + after.missing() + " sequence numbers were skipped and " + after.outOfOrder()
					+ " arrived out of order or twice (" + this.placement + ", " + this.driver + ", " + this.senders
					+ " senders, rate " + ((this.rate == 0) ? "unpaced" : this.rate + "/s") + ")"));
		}
	}

	/** JMH skips {@code @TearDown} once a benchmark method threw: close here, so that the fork can exit. */
	private IllegalStateException closedAfter(IllegalStateException failure) {
		try {
			close();
		}
		catch (Exception ex) {
			failure.addSuppressed(ex);
		}
		return failure;
	}

	private long sendBatch() {
		long first = this.nextSequence[0];
		for (int i = 0; i < BATCH; i++) {
			this.client.tell(0, first + i);
		}
		this.nextSequence[0] = first + BATCH;
		return BATCH;
	}

	private long sendWindow() throws Exception {
		long start = System.nanoTime();
		long end = start + TimeUnit.MILLISECONDS.toNanos(this.windowMillis);
		double perSenderPerNano = (this.rate == 0) ? 0 : this.rate / (double) this.senders / 1e9;
		List<Future<Long>> running = new ArrayList<>(this.senders);
		for (int sender = 0; sender < this.senders; sender++) {
			int id = sender;
			running.add(this.senderThreads.submit(() -> send(id, start, end, perSenderPerNano)));
		}
		long sent = 0;
		long joinDeadline = end + EchoClient.CALL_TIMEOUT.toNanos();
		for (Future<Long> sender : running) {
			try {
				sent += sender.get(Math.max(1, joinDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				throw new TimeoutException("a sender was still sending " + EchoClient.CALL_TIMEOUT + " after its "
						+ this.windowMillis + " ms window");
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("a sender failed", ex.getCause());
			}
		}
		return sent;
	}

	/** One sender's window: tells until {@code end}, paced if {@code perNano} is positive. */
	private long send(int sender, long start, long end, double perNano) {
		long first = this.nextSequence[sender];
		long sequence = first;
		while (true) {
			for (int i = 0; i < 64; i++) {
				this.client.tell(sender, sequence++);
			}
			long now = System.nanoTime();
			if (now - end >= 0) {
				break;
			}
			if (perNano > 0) {
				long due = start + (long) ((sequence - first) / perNano);
				if (due - end >= 0) {
					LockSupport.parkNanos(end - now);
					break;
				}
				if (due - now > 0) {
					LockSupport.parkNanos(due - now);
				}
			}
		}
		this.nextSequence[sender] = sequence;
		return sequence - first;
	}

	/**
	 * Waits until the endpoint has processed every message sent so far or, for a lossy peer, until it makes no
	 * more progress; a strict peer waits up to {@value #STRICT_STALL_MILLIS} ms without progress.
	 */
	private Delivery awaitDelivery() throws Exception {
		long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
		Delivery previous = null;
		long lastProgress = System.nanoTime();
		while (true) {
			Delivery now = answer(deadline);
			if (now.processed() >= this.sentTotal) {
				return now;
			}
			long time = System.nanoTime();
			if (previous == null || now.processed() != previous.processed()) {
				lastProgress = time;
			}
			else if (!this.strict || time - lastProgress > TimeUnit.MILLISECONDS.toNanos(STRICT_STALL_MILLIS)) {
				return now;
			}
			if (time - deadline > 0) {
				return now;
			}
			previous = now;
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS));
		}
	}

	/**
	 * Asks for the endpoint's counts. The answer travels behind every tell still queued, so it can take as long
	 * as the backlog takes to drain; a question that is not answered within a second is asked again (raw Pekko
	 * drops questions like tells when its queue is full), and the first answer to any of them is taken.
	 */
	private Delivery answer(long deadline) throws Exception {
		List<CompletableFuture<Delivery>> asked = new ArrayList<>();
		try {
			while (true) {
				asked.removeIf(CompletableFuture::isCompletedExceptionally);
				asked.add(this.client.delivery());
				try {
					return (Delivery) CompletableFuture.anyOf(asked.toArray(CompletableFuture[]::new))
						.get(ANSWER_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
				}
				catch (TimeoutException ex) {
					if (System.nanoTime() - deadline > 0) {
						throw new TimeoutException(this.peer + " did not answer how many messages it processed within "
								+ DRAIN_TIMEOUT + " after " + this.sentTotal + " were sent in this trial");
					}
				}
				catch (ExecutionException ex) {
					// a lossy peer's question may have been dropped and timed out: ask again, within the deadline
					if (this.strict || System.nanoTime() - deadline > 0) {
						throw new IllegalStateException(this.peer + " failed the call that asks how many messages it "
								+ "processed, after " + this.sentTotal + " fire-and-forget messages were sent in this "
								+ "trial: " + ex.getCause(), ex.getCause());
					}
				}
			}
		}
		finally {
			asked.forEach((question) -> question.cancel(false));
		}
	}

}
