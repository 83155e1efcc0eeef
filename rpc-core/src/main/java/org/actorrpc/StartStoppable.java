package org.actorrpc;

/**
 * Something that can be started and stopped: an {@link RpcServer} processes messages only while
 * started.
 */
public interface StartStoppable {

	/** Starts processing messages. */
	void start();

	/** Suspends processing; messages arriving while stopped are answered with an error. */
	void stop();

}
