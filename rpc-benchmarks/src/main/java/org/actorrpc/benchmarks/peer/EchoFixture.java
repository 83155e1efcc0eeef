package org.actorrpc.benchmarks.peer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One server and some connected clients of one peer, in the local or the remote placement: what a benchmark's
 * {@code @Setup} opens and its {@code @TearDown} closes. Thread-safe after {@link #open}.
 */
public final class EchoFixture implements AutoCloseable {

	/** Longest wait for the server JVM to print its address. */
	public static final Duration SERVER_START_TIMEOUT = Duration.ofSeconds(60);

	/** JVM options of the server JVM. */
	public static final List<String> SERVER_JVM_OPTIONS = List.of("-Xms512m", "-Xmx2g", "-XX:+UseG1GC");

	/**
	 * System property with extra, space-separated options for the server JVM, for example to profile it:
	 * {@code -Dactorrpc.bench.server-jvm-options=-XX:StartFlightRecording=filename=server.jfr}.
	 */
	public static final String EXTRA_SERVER_OPTIONS_PROPERTY = "actorrpc.bench.server-jvm-options";

	private final EchoServer localServer;

	private final ChildJvm serverJvm;

	private final EchoClientSide clientSide;

	private final List<EchoClient> clients;

	private EchoFixture(EchoServer localServer, ChildJvm serverJvm, EchoClientSide clientSide,
			List<EchoClient> clients) {
		this.localServer = localServer;
		this.serverJvm = serverJvm;
		this.clientSide = clientSide;
		this.clients = List.copyOf(clients);
	}

	/**
	 * Starts the server (in this JVM or in a child JVM) and connects clients to it.
	 * @param peer the RPC system
	 * @param placement local or remote
	 * @param gateways how many clients (gateways, channels, sockets) to connect
	 * @return the open fixture
	 * @throws Exception if anything fails to start; what was started is closed again
	 */
	public static EchoFixture open(Peer peer, Placement placement, int gateways) throws Exception {
		if (gateways < 1) {
			throw new IllegalArgumentException("gateways must be at least 1, was " + gateways);
		}
		PeerDriver driver = peer.driver();
		EchoServer localServer = null;
		ChildJvm serverJvm = null;
		EchoClientSide clientSide = null;
		try {
			String address;
			if (placement == Placement.LOCAL) {
				localServer = driver.startServer();
				address = localServer.address();
				clientSide = driver.startClientSide(localServer);
			}
			else {
				serverJvm = ChildJvm.start(serverJvmOptions(), EchoServerMain.class, List.of(peer.id()),
						EchoServerMain.READY_PREFIX);
				// the client side starts while the server JVM does
				clientSide = driver.startClientSide(null);
				address = serverJvm.awaitLine(SERVER_START_TIMEOUT);
			}
			List<EchoClient> clients = new ArrayList<>(gateways);
			for (int i = 0; i < gateways; i++) {
				clients.add(clientSide.connect(address));
			}
			// one call on every gateway, so that connections and handshakes are not measured
			for (EchoClient client : clients) {
				int answer = client.echoBlocking(42);
				if (answer != 42) {
					throw new IllegalStateException(peer.id() + " echoed " + answer + " instead of 42");
				}
			}
			return new EchoFixture(localServer, serverJvm, clientSide, clients);
		}
		catch (Exception | Error ex) {
			closeAll(clientSide, localServer, serverJvm);
			throw ex;
		}
	}

	private static List<String> serverJvmOptions() {
		List<String> options = new ArrayList<>(SERVER_JVM_OPTIONS);
		String extra = System.getProperty(EXTRA_SERVER_OPTIONS_PROPERTY, "").trim();
		if (!extra.isEmpty()) {
			options.addAll(List.of(extra.split("\\s+")));
		}
		return options;
	}

	/** @return the connected clients, in connection order */
	public List<EchoClient> clients() {
		return this.clients;
	}

	/** @return the first client */
	public EchoClient client() {
		return this.clients.get(0);
	}

	@Override
	public void close() throws Exception {
		closeAll(this.clientSide, this.localServer, this.serverJvm);
	}

	private static void closeAll(AutoCloseable... closeables) throws Exception {
		Exception failure = null;
		for (AutoCloseable closeable : closeables) {
			if (closeable == null) {
				continue;
			}
			try {
				closeable.close();
			}
			catch (Exception ex) {
				if (failure == null) {
					failure = ex;
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

}
