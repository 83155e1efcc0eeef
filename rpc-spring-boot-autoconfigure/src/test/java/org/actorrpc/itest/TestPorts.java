package org.actorrpc.itest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A port the operating system picked (bind to port 0 on 127.0.0.1, then release it), for the few
 * tests that must know a node's port before it starts or restart it on the same port.
 */
final class TestPorts {

	private TestPorts() {
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
