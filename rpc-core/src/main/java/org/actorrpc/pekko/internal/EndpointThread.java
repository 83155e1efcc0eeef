package org.actorrpc.pekko.internal;

/**
 * The dedicated main thread of one endpoint. A type of its own so that the transport can tell in
 * one check that a caller is some endpoint's main thread, which must never wait for another
 * endpoint's capacity.
 */
final class EndpointThread extends Thread {

	EndpointThread(Runnable loop, String name) {
		super(loop, name);
		setDaemon(true);
	}

}
