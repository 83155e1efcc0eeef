package org.actorrpc.pekko.flow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcService;

/**
 * Endpoint of {@link SteppedGateway}: each sequenced message waits on its main thread for one
 * permit of {@link #step(int)} (at most 60 s, so that a failed test never hangs), then is recorded.
 * The test so decides when the mailbox gets room again, one message at a time.
 */
class SteppedEndpoint extends RpcEndpoint implements SteppedGateway {

	private final Semaphore steps = new Semaphore(0);

	/** Main thread only. */
	private final List<String> arrivals = new ArrayList<>();

	SteppedEndpoint(RpcService service, String endpointId) {
		super(service, endpointId);
	}

	/**
	 * Lets the main thread finish this many more sequenced messages; any thread.
	 * @param count how many
	 */
	void step(int count) {
		this.steps.release(count);
	}

	@Override
	public void send(int sender, long sequence) {
		take(sender, sequence);
	}

	@Override
	public CompletableFuture<Long> ask(int sender, long sequence, Duration timeout) {
		take(sender, sequence);
		return CompletableFuture.completedFuture(sequence);
	}

	@Override
	public void crash() {
		take(-1, 0);
		throw new InternalError("the test crashes the endpoint");
	}

	private void take(int sender, long sequence) {
		try {
			this.steps.tryAcquire(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.arrivals.add(sender + ":" + sequence);
	}

	@Override
	public CompletableFuture<String> arrivals() {
		return CompletableFuture.completedFuture(String.join(",", this.arrivals));
	}

}
