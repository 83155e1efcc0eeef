package org.actorrpc.internal.endpoint;

import java.util.List;

import org.actorrpc.RecordedMessage;
import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcMethod;
import org.actorrpc.RpcMethodStats;

/**
 * The {@link RpcEndpointView} of one endpoint's server, whichever service hosts it: O(1) reads of
 * its mailbox, lifecycle and {@link EndpointStatistics} from any thread; the numbers are racy
 * snapshots.
 */
public final class EndpointView implements RpcEndpointView {

	private final Source server;

	/**
	 * Creates the view of a server.
	 * @param server what the view reads
	 */
	public EndpointView(Source server) {
		this.server = server;
	}

	/** @return the server this view reads */
	public Source server() {
		return this.server;
	}

	@Override
	public String getEndpointId() {
		return this.server.endpointId();
	}

	@Override
	public String getAddress() {
		return this.server.getAddress();
	}

	@Override
	public List<Class<? extends RpcGateway>> getGateways() {
		return this.server.gateways();
	}

	@Override
	public State getState() {
		return this.server.state();
	}

	@Override
	public String getMainThreadName() {
		return this.server.getMainThread().getName();
	}

	@Override
	public int getMailboxDepth() {
		return this.server.mailboxDepth();
	}

	@Override
	public int getMailboxCapacity() {
		return this.server.mailboxCapacity();
	}

	@Override
	public long getRefusedMessages() {
		return this.server.statistics().refusedCalls();
	}

	@Override
	public long getOldestQueuedMessageAgeNanos() {
		long enqueuedAt = this.server.oldestEnqueuedAt();
		return (enqueuedAt != 0) ? Math.max(0, System.nanoTime() - enqueuedAt) : 0;
	}

	@Override
	public long getCurrentMessageAgeNanos() {
		return this.server.statistics().currentMessageAgeNanos();
	}

	@Override
	public RpcMethod getCurrentMethod() {
		return this.server.statistics().currentMethod();
	}

	@Override
	public long getBusyTimeNanos() {
		return this.server.statistics().busyNanos();
	}

	@Override
	public long getProcessedMessages() {
		return this.server.statistics().processed();
	}

	@Override
	public List<RpcMethodStats> getMethodStats() {
		return this.server.statistics().methodStats();
	}

	@Override
	public List<RecordedMessage> getRecentMessages() {
		return this.server.recentMessages(Integer.MAX_VALUE);
	}

	@Override
	public List<RecordedMessage> getRecentMessages(int limit) {
		return this.server.recentMessages(limit);
	}

	@Override
	public String toString() {
		return "RpcEndpointView(" + getAddress() + ", " + getState() + ")";
	}

	/**
	 * What a view reads of an endpoint's server. Every method is called from any thread and must
	 * be O(1) (except {@link #recentMessages}) and never block.
	 */
	public interface Source {

		/** @return the endpoint id */
		String endpointId();

		/** @return the endpoint's address */
		String getAddress();

		/** @return the gateway interfaces the endpoint implements */
		List<Class<? extends RpcGateway>> gateways();

		/** @return the lifecycle state */
		State state();

		/** @return the endpoint's main thread */
		Thread getMainThread();

		/** @return messages waiting, not counting the one being processed */
		int mailboxDepth();

		/** @return the mailbox capacity, -1 when unbounded */
		int mailboxCapacity();

		/** @return {@link System#nanoTime()} when the oldest queued message was enqueued, 0 when none is */
		long oldestEnqueuedAt();

		/** @return the endpoint's statistics */
		EndpointStatistics statistics();

		/**
		 * Returns the newest entries of the endpoint's flight recorder.
		 * @param limit the most to return
		 * @return newest first; empty without a recorder
		 */
		List<RecordedMessage> recentMessages(int limit);

	}

}
