package org.actorrpc.pekko.internal;

/**
 * The dedicated main thread of one endpoint. A type of its own so that the transport can tell in
 * one check that a caller is some endpoint's main thread, which must never wait for another
 * endpoint's capacity.
 */
final class EndpointThread extends Thread {

	private final Runnable loop;

	EndpointThread(Runnable loop, String name) {
		super(loop, name);
		this.loop = loop;
		setDaemon(true);
	}

	/** @return the loop this thread runs: the endpoint's server */
	Runnable loop() {
		return this.loop;
	}

}
