package org.actorrpc.benchmarks;

import java.util.concurrent.CompletableFuture;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import org.actorrpc.benchmarks.peer.EchoFixture;
import org.actorrpc.benchmarks.peer.Peer;
import org.actorrpc.benchmarks.peer.Placement;

/**
 * What the call-throughput benchmarks share: a peer's echo fixture, and a fixed number of calls kept in flight by
 * the chosen {@link Driver} — completion callbacks that issue the next call ({@link CallChains}), or one
 * benchmark thread taking a semaphore permit per call ({@link InFlightWindow}). Every answer is checked with both
 * drivers. A subclass opens the fixture and says what a call is in its trial set-up, and reports
 * {@link #awaitCompletions()} to {@link CompletedCalls} from its {@code @Benchmark} method; JMH runs the
 * iteration and trial lifecycle declared here. Confined to JMH's benchmark thread, except that completions arrive
 * on the peer's threads.
 */
public abstract class EchoCallBenchmark {

	private EchoFixture fixture;

	private CallChains.Call call;

	private CallChains.Check check;

	private CallChains chains;

	private InFlightWindow window;

	private int chainCount;

	private int next;

	/**
	 * Opens the peer's fixture; called first in the subclass's trial set-up.
	 * @param peer the peer id
	 * @param placement the placement id
	 * @param gateways connected gateways
	 * @return the fixture, closed at the end of the trial
	 * @throws Exception if the peer does not start
	 */
	protected final EchoFixture open(String peer, String placement, int gateways) throws Exception {
		this.fixture = EchoFixture.open(Peer.of(peer), Placement.of(placement), gateways);
		return this.fixture;
	}

	/**
	 * Says how calls are made and kept in flight; called in the subclass's trial set-up, after {@link #open}.
	 * @param driver the {@code driver} parameter
	 * @param inFlight calls in flight, which is also the number of chains (the fan-in benchmark picks the gateway
	 * by the chain)
	 * @param call issues one call
	 * @param check checks one answer
	 */
	protected final void drive(String driver, int inFlight, CallChains.Call call, CallChains.Check check) {
		this.call = call;
		this.check = check;
		this.chainCount = inFlight;
		if (Driver.of(driver) == Driver.CALLBACKS) {
			this.chains = new CallChains(inFlight, call, check);
			this.window = null;
		}
		else {
			this.window = new InFlightWindow(inFlight);
			this.chains = null;
		}
	}

	/** Starts the chains of the {@code callbacks} driver. */
	@Setup(Level.Iteration)
	public void startIteration() {
		if (this.chains != null) {
			this.chains.start();
		}
	}

	/**
	 * The body of a {@code @Benchmark} method: with the callback driver, waits one slice and reports the calls
	 * completed in it; with the semaphore driver, issues one call once a permit is free.
	 * @return the calls to add to {@link CompletedCalls}
	 * @throws Exception if an earlier call failed or had a wrong answer, or none completes in time
	 */
	protected final long awaitCompletions() throws Exception {
		if (this.chains != null) {
			return this.chains.awaitSlice();
		}
		this.window.acquire();
		int value = this.next++;
		CompletableFuture<?> started = this.call.start(Math.floorMod(value, this.chainCount), value);
		this.window.track(started.thenApply((answer) -> checked(value, answer)));
		return 1;
	}

	private Object checked(int value, Object answer) {
		String problem = this.check.problem(value, answer);
		if (problem != null) {
			throw new IllegalStateException(problem);
		}
		return answer;
	}

	/** @throws Exception if a call failed or did not complete */
	@TearDown(Level.Iteration)
	public void drain() throws Exception {
		if (this.chains != null) {
			this.chains.stop();
		}
		else {
			this.window.drain();
		}
	}

	/** @throws Exception if closing fails */
	@TearDown(Level.Trial)
	public void close() throws Exception {
		this.fixture.close();
	}

}
