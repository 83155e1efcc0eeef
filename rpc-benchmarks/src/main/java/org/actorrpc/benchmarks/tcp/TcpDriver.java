package org.actorrpc.benchmarks.tcp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.actorrpc.benchmarks.peer.EchoClient;
import org.actorrpc.benchmarks.peer.EchoClientSide;
import org.actorrpc.benchmarks.peer.EchoServer;
import org.actorrpc.benchmarks.peer.PeerDriver;

/**
 * Raw TCP on loopback: the floor. Both placements use a loopback socket; "local" only means the server runs in
 * the benchmark JVM. Stateless.
 */
public final class TcpDriver implements PeerDriver {

	@Override
	public EchoServer startServer() throws Exception {
		return new TcpEchoServer();
	}

	@Override
	public EchoClientSide startClientSide(EchoServer colocated) {
		return new EchoClientSide() {

			private final List<TcpEchoClient> clients = new CopyOnWriteArrayList<>();

			@Override
			public EchoClient connect(String address) throws Exception {
				TcpEchoClient client = new TcpEchoClient(address);
				this.clients.add(client);
				return client;
			}

			@Override
			public void close() throws Exception {
				for (TcpEchoClient client : this.clients) {
					client.close();
				}
			}
		};
	}

}
