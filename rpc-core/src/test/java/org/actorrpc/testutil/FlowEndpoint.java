package org.actorrpc.testutil;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcService;

/**
 * Endpoint of {@link FlowGateway}. For each sender it expects sequence numbers 0, 1, 2, … and
 * remembers the first violation. Each sequenced message may cost {@code workPerMessage} of
 * main-thread time, and may wait for a gate to open (a stuck endpoint), bounded so a failed test
 * never hangs.
 */
public class FlowEndpoint extends RpcEndpoint implements FlowGateway {

	private final Duration workPerMessage;

	private final CountDownLatch gate;

	private final Map<Integer, Long> nextBySender = new HashMap<>();

	private long received;

	private int maxDepth;

	private String violation;

	/**
	 * Creates the endpoint.
	 * @param service the hosting service
	 * @param endpointId the endpoint id
	 * @param workPerMessage busy time per sequenced message
	 * @param gate messages wait (at most 60 s) until it is open; {@code null} for none
	 */
	public FlowEndpoint(RpcService service, String endpointId, Duration workPerMessage, CountDownLatch gate) {
		super(service, endpointId);
		this.workPerMessage = workPerMessage;
		this.gate = gate;
	}

	@Override
	public void record(int sender, long sequence, byte[] payload) {
		take(sender, sequence);
	}

	@Override
	public CompletableFuture<Long> call(int sender, long sequence) {
		take(sender, sequence);
		return CompletableFuture.completedFuture(sequence);
	}

	private void take(int sender, long sequence) {
		if (this.gate != null) {
			try {
				this.gate.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		long expected = this.nextBySender.getOrDefault(sender, 0L);
		if (sequence != expected && this.violation == null) {
			this.violation = "sender " + sender + ": expected message " + expected + " but got " + sequence;
		}
		this.nextBySender.put(sender, Math.max(expected, sequence + 1));
		this.received++;
		for (RpcEndpointView view : getRpcService().getEndpointViews()) {
			if (view.getEndpointId().equals(getEndpointId())) {
				this.maxDepth = Math.max(this.maxDepth, view.getMailboxDepth());
			}
		}
		if (!this.workPerMessage.isZero()) {
			// A slow consumer that does not burn a core the test machine needs for the transports.
			long until = System.nanoTime() + this.workPerMessage.toNanos();
			long remaining;
			while ((remaining = until - System.nanoTime()) > 0) {
				LockSupport.parkNanos(remaining);
			}
		}
	}

	@Override
	public CompletableFuture<Long> received() {
		return CompletableFuture.completedFuture(this.received);
	}

	@Override
	public CompletableFuture<String> verdict() {
		return CompletableFuture.completedFuture((this.violation != null) ? this.violation : "ok");
	}

	@Override
	public CompletableFuture<Integer> maxMailboxDepth() {
		return CompletableFuture.completedFuture(this.maxDepth);
	}

	@Override
	public CompletableFuture<String> ping() {
		return CompletableFuture.completedFuture("pong");
	}

}
