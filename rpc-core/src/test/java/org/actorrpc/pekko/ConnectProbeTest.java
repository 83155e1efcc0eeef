package org.actorrpc.pekko;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.actorrpc.exceptions.RpcConnectionException;
import org.actorrpc.testutil.EchoGateway;
import org.actorrpc.testutil.Failures;
import org.actorrpc.testutil.RpcServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TCP probe a connect makes before its handshake waits for a silent port as long as Artery itself waits for
 * a TCP connect: a listener whose accept queue is full drops SYNs (hundreds of services connecting to one
 * JobMaster at once), and the kernel resends one only after a second.
 */
class ConnectProbeTest {

	private static final Duration BOUND = Duration.ofSeconds(60);

	/** Artery's TCP connect timeout, which the probe shares. */
	private static final String CONNECTION_TIMEOUT = "pekko.remote.artery.advanced.tcp.connection-timeout";

	@RegisterExtension
	final RpcServices services = new RpcServices();

	private ServerSocket listener;

	private final List<Socket> fillers = new ArrayList<>();

	@BeforeEach
	void fillTheAcceptQueueOfAListenerThatDoesNotAccept() throws IOException {
		this.listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
		for (int i = 0; i < 64; i++) {
			Socket socket = new Socket();
			this.fillers.add(socket);
			try {
				socket.connect(this.listener.getLocalSocketAddress(), 200);
			}
			catch (SocketTimeoutException ex) {
				return;
			}
		}
		throw new IllegalStateException("the accept queue of a listener with backlog 1 took 64 connections");
	}

	@AfterEach
	void close() throws IOException {
		for (Socket socket : this.fillers) {
			socket.close();
		}
		this.listener.close();
	}

	@Test
	void aPortThatStaysSilentFailsAsUnreachableAfterArterysConnectTimeoutNamingIt() {
		PekkoRpcService client = this.services.create("client", (b) -> b.askTimeout(Duration.ofSeconds(30))
			.pekkoConfig(ConfigFactory.parseString(CONNECTION_TIMEOUT + " = 1500ms")));
		String address = "pekko://full@127.0.0.1:" + this.listener.getLocalPort() + "/user/rpc/echo";

		Throwable failure = Failures.failureOfCall(() -> client.connect(address, EchoGateway.class), BOUND);

		assertThat(failure).isInstanceOf(RpcConnectionException.class);
		assertThat(failure.getMessage()).contains(address, "no answer to a TCP connect within 1500 ms",
				CONNECTION_TIMEOUT);
	}

	@Test
	void aListenerWhoseAcceptQueueIsBrieflyFullIsNotReportedUnreachable() throws Exception {
		PekkoRpcService client = this.services.create("client", (b) -> b.askTimeout(Duration.ofSeconds(4)));
		String address = "pekko://full@127.0.0.1:" + this.listener.getLocalPort() + "/user/rpc/echo";

		CompletableFuture<EchoGateway> connect = client.connect(address, EchoGateway.class);
		Thread drain = new Thread(this::acceptAndCloseUntilClosed, "drain");
		drain.start();
		Throwable failure = Failures.failureOf(connect, BOUND);
		this.listener.close();
		drain.join(BOUND.toMillis());

		// Not a Pekko service behind the port: the handshake fails, but the port was reachable.
		assertThat(failure).isInstanceOf(RpcConnectionException.class);
		assertThat(failure.getMessage()).doesNotContain("no answer to a TCP connect");
	}

	private void acceptAndCloseUntilClosed() {
		try {
			while (!this.listener.isClosed()) {
				this.listener.accept().close();
			}
		}
		catch (IOException ex) {
			// the listener was closed: done
		}
	}

}
