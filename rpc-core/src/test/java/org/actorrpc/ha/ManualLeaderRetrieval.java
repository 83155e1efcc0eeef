package org.actorrpc.ha;

/**
 * A {@link LeaderRetrievalService} the test drives by hand: {@link #announce} and
 * {@link #noLeader()} call the listener on the test's thread (standing in for the retrieval's
 * thread). Thread-safe.
 */
final class ManualLeaderRetrieval implements LeaderRetrievalService {

	private volatile LeaderRetrievalListener listener;

	private volatile boolean stopped;

	@Override
	public void start(LeaderRetrievalListener listener) {
		this.listener = listener;
	}

	void announce(LeaderInformation leader) {
		this.listener.notifyLeaderAddress(leader);
	}

	void noLeader() {
		this.listener.notifyNoLeader();
	}

	boolean isStopped() {
		return this.stopped;
	}

	@Override
	public void stop() {
		this.stopped = true;
	}

}
