package org.actorrpc.test.internal;

import java.util.List;

import org.actorrpc.RpcEndpointView;
import org.actorrpc.RpcGateway;
import org.actorrpc.RpcMethod;
import org.actorrpc.RpcMethodStats;

/**
 * The view of an endpoint hosted on a testing service: its id, address, gateways, state, queue
 * depth and the number of gateway calls it processed. Times are not measured (they would be real
 * time in a virtual world) and read 0. Thread-safe.
 */
final class TestingEndpointView implements RpcEndpointView {

	private final TestingServer server;

	TestingEndpointView(TestingServer server) {
		this.server = server;
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
		return this.server.depth();
	}

	@Override
	public long getOldestQueuedMessageAgeNanos() {
		return 0;
	}

	@Override
	public long getCurrentMessageAgeNanos() {
		return 0;
	}

	@Override
	public RpcMethod getCurrentMethod() {
		return null;
	}

	@Override
	public long getBusyTimeNanos() {
		return 0;
	}

	@Override
	public long getProcessedMessages() {
		return this.server.processed();
	}

	@Override
	public List<RpcMethodStats> getMethodStats() {
		return List.of();
	}

	@Override
	public String toString() {
		return "TestingEndpointView(" + getAddress() + ", " + getState() + ")";
	}

}
