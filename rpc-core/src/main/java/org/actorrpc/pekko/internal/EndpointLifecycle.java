package org.actorrpc.pekko.internal;

import org.actorrpc.RpcEndpointView.State;

/**
 * The lifecycle of an endpoint as named states, in the manner of Flink's {@code PekkoRpcActor}
 * state machine: each lifecycle command is a method of the current state, which enters the next
 * state through the server and runs the endpoint's hook. A command a state does not expect is
 * ignored (starting a started endpoint, stopping a terminated one). Used on the endpoint's main
 * thread only.
 */
enum EndpointLifecycle {

	/** Registered, not started: messages are answered with an EndpointNotStartedException. */
	CREATED(State.CREATED) {

		@Override
		void start(EndpointServer server) {
			server.enter(STARTED);
			server.invokeOnStart();
		}

		@Override
		void terminate(EndpointServer server) {
			server.finish(null);
		}

	},

	/** Processing messages. */
	STARTED(State.STARTED) {

		@Override
		boolean acceptsMessages() {
			return true;
		}

		@Override
		void stop(EndpointServer server) {
			server.enter(STOPPED);
		}

		@Override
		void terminate(EndpointServer server) {
			server.enter(TERMINATING);
			server.invokeOnStop();
		}

	},

	/** Suspended by {@code stop()}: messages are answered as in {@link #CREATED}. */
	STOPPED(State.STOPPED) {

		@Override
		void start(EndpointServer server) {
			CREATED.start(server);
		}

		@Override
		void terminate(EndpointServer server) {
			server.finish(null);
		}

	},

	/** {@code onStop} ran; messages are still processed until its future completes. */
	TERMINATING(State.TERMINATING) {

		@Override
		boolean acceptsMessages() {
			return true;
		}

	},

	/** Terminated normally. */
	TERMINATED(State.TERMINATED),

	/** Terminated because starting, stopping or a main-thread task failed. */
	FAILED(State.FAILED);

	private final State view;

	EndpointLifecycle(State view) {
		this.view = view;
	}

	/** @return the state as {@link org.actorrpc.RpcEndpointView} reports it */
	State view() {
		return this.view;
	}

	/** @return whether gateway calls and tasks are processed in this state */
	boolean acceptsMessages() {
		return false;
	}

	void start(EndpointServer server) {
	}

	void stop(EndpointServer server) {
	}

	void terminate(EndpointServer server) {
	}

}
