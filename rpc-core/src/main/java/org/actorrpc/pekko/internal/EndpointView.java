package org.actorrpc.pekko.internal;

import java.util.List;

import org.actorrpc.RecordedMessage;
import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcMethod;
import org.actorrpc.RpcMethodStats;

/**
 * The {@link RpcEndpointView} of one {@link EndpointServer}: O(1) reads of its mailbox, lifecycle
 * and statistics from any thread; the numbers are racy snapshots.
 */
final class EndpointView implements RpcEndpointView {

	private final EndpointServer server;

	EndpointView(EndpointServer server) {
		this.server = server;
	}

	EndpointServer server() {
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
		return this.server.lifecycle().view();
	}

	@Override
	public String getMainThreadName() {
		return this.server.getMainThread().getName();
	}

	@Override
	public int getMailboxDepth() {
		return this.server.mailbox().depth();
	}

	@Override
	public int getMailboxCapacity() {
		return this.server.capacity();
	}

	@Override
	public long getRefusedMessages() {
		return this.server.statistics().refusedCalls();
	}

	@Override
	public long getOldestQueuedMessageAgeNanos() {
		long enqueuedAt = this.server.mailbox().oldestEnqueuedAt();
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
		return this.server.recorder().snapshot(Integer.MAX_VALUE);
	}

	@Override
	public List<RecordedMessage> getRecentMessages(int limit) {
		return this.server.recorder().snapshot(limit);
	}

	@Override
	public String toString() {
		return "RpcEndpointView(" + getAddress() + ", " + getState() + ")";
	}

}
