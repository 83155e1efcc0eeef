package org.actorrpc.benchmarks.actorrpc;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.actorrpc.benchmarks.peer.Delivery;
import org.actorrpc.benchmarks.peer.EchoClient;
import org.actorrpc.benchmarks.peer.EchoClientSide;
import org.actorrpc.benchmarks.peer.EchoServer;
import org.actorrpc.benchmarks.peer.PeerDriver;
import org.actorrpc.journal.JournalSettings;
import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.pekko.PekkoRpcServiceSettings;

/**
 * actorrpc's {@link PekkoRpcService} on 127.0.0.1, any free port, call-stack capture off (as Flink's
 * {@code pekko.ask.callstack} is turned off for the comparison). The local placement connects from the
 * endpoint's own service. Stateless.
 */
public final class ActorRpcDriver implements PeerDriver {

	/**
	 * System property that overrides {@code peerUnreachableAfter} (an ISO-8601 duration such as {@code PT10S}) of
	 * the benchmark's services. Unset, the default applies; on a machine so overloaded that a live server JVM is
	 * silent for longer than that, actorrpc fails its calls as unreachable (issue 11), and this lets a run measure
	 * throughput anyway. A run that sets it says so.
	 */
	public static final String PEER_UNREACHABLE_AFTER_PROPERTY = "actorrpc.bench.peer-unreachable-after";

	/**
	 * System property naming a directory: when set, the service journals its echo endpoint there
	 * ({@code JournalSettings}, oldest segments deleted at the size bound so a long trial keeps paying the
	 * full cost), to measure the journal's cost. Pass it to the remote server JVM with
	 * {@code -Dactorrpc.bench.server-jvm-options=-Dactorrpc.bench.journal-dir=DIR}.
	 */
	public static final String JOURNAL_DIR_PROPERTY = "actorrpc.bench.journal-dir";

	private static final long TIMEOUT_MILLIS = EchoClient.CALL_TIMEOUT.toMillis();

	/**
	 * Starts a service as every actorrpc side of the benchmarks does.
	 * @param systemName its actor system name
	 * @return the started service
	 */
	public static PekkoRpcService startService(String systemName) {
		PekkoRpcServiceSettings.Builder settings = PekkoRpcServiceSettings.builder()
			.systemName(systemName)
			.host("127.0.0.1")
			.port(0)
			.askTimeout(EchoClient.CALL_TIMEOUT)
			.captureCallStack(false);
		String unreachableAfter = System.getProperty(PEER_UNREACHABLE_AFTER_PROPERTY);
		if (unreachableAfter != null) {
			try {
				settings.peerUnreachableAfter(Duration.parse(unreachableAfter));
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("System property " + PEER_UNREACHABLE_AFTER_PROPERTY + "='"
						+ unreachableAfter + "' is not an ISO-8601 duration; use for example PT10S", ex);
			}
		}
		String journalDir = System.getProperty(JOURNAL_DIR_PROPERTY);
		if (journalDir != null) {
			settings.journal(JournalSettings.of(Path.of(journalDir), "echo").withOnFull(JournalSettings.OnFull.DELETE_OLDEST));
		}
		return new PekkoRpcService(settings.build());
	}

	@Override
	public EchoServer startServer() throws Exception {
		PekkoRpcService service = startService("actorrpcbench");
		try {
			ActorRpcEchoEndpoint endpoint = new ActorRpcEchoEndpoint(service, "echo");
			endpoint.start();
			return new ActorRpcServer(service, endpoint);
		}
		catch (RuntimeException ex) {
			close(service);
			throw ex;
		}
	}

	@Override
	public EchoClientSide startClientSide(EchoServer colocated) {
		PekkoRpcService service = (colocated instanceof ActorRpcServer server) ? server.service
				: startService("actorrpcclient");
		boolean owned = colocated == null;
		return new EchoClientSide() {
			@Override
			public EchoClient connect(String address) throws Exception {
				ActorRpcEchoGateway gateway = service.connect(address, ActorRpcEchoGateway.class)
					.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
				return new ActorRpcEchoClient(gateway);
			}

			@Override
			public void close() throws Exception {
				if (owned) {
					ActorRpcDriver.close(service);
				}
			}
		};
	}

	@Override
	public boolean hostsEndpoints() {
		return true;
	}

	@Override
	public EndpointHost startEndpointHost() {
		PekkoRpcService service = startService("actorrpcbench");
		return new EndpointHost() {
			@Override
			public Object startEndpoint(String id) throws Exception {
				ActorRpcEchoEndpoint endpoint = new ActorRpcEchoEndpoint(service, id);
				endpoint.start();
				endpoint.getSelfGateway(ActorRpcEchoGateway.class).delivery().get(TIMEOUT_MILLIS,
						TimeUnit.MILLISECONDS);
				return endpoint;
			}

			@Override
			public void close() throws Exception {
				ActorRpcDriver.close(service);
			}
		};
	}

	private static void close(PekkoRpcService service) throws Exception {
		service.closeAsync().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
	}

	private record ActorRpcServer(PekkoRpcService service, ActorRpcEchoEndpoint endpoint) implements EchoServer {

		@Override
		public String address() {
			return this.endpoint.getAddress();
		}

		@Override
		public void close() throws Exception {
			try {
				this.endpoint.closeAsync().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
			}
			finally {
				ActorRpcDriver.close(this.service);
			}
		}

	}

	private record ActorRpcEchoClient(ActorRpcEchoGateway gateway) implements EchoClient {

		@Override
		public CompletableFuture<Integer> echo(int value) {
			return this.gateway.echo(value);
		}

		@Override
		public CompletableFuture<byte[]> echoBytes(byte[] payload) {
			return this.gateway.echoBytes(payload);
		}

		@Override
		public void tell(int sender, long sequence) {
			this.gateway.tell(sender, sequence);
		}

		@Override
		public CompletableFuture<Delivery> delivery() {
			return this.gateway.delivery().thenApply(Delivery::of);
		}

	}

}
