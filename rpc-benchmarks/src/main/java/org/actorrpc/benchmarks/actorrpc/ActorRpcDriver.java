package org.actorrpc.benchmarks.actorrpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.actorrpc.benchmarks.peer.Delivery;
import org.actorrpc.benchmarks.peer.EchoClient;
import org.actorrpc.benchmarks.peer.EchoClientSide;
import org.actorrpc.benchmarks.peer.EchoServer;
import org.actorrpc.benchmarks.peer.PeerDriver;
import org.actorrpc.journal.JournalSettings;
import org.actorrpc.pekko.FlowControlSettings;
import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.pekko.PekkoRpcServiceSettings;

/**
 * actorrpc's {@link PekkoRpcService} on 127.0.0.1, any free port, call-stack capture off (as Flink's
 * {@code pekko.ask.callstack} is turned off for the comparison), a flow-control window that fits the most calls a
 * benchmark keeps in flight ({@link #WINDOW_MESSAGES}). The local placement connects from the
 * endpoint's own service. The {@link Variant} chooses actorrpc as it ships or one of the variants whose cost the
 * comparison shows. Stateless.
 */
public final class ActorRpcDriver implements PeerDriver {

	/**
	 * System property that overrides {@code peerUnreachableAfter} (an ISO-8601 duration such as {@code PT10S}) of
	 * the benchmark's services. Unset, the default applies; on a machine so overloaded that a live server JVM is
	 * silent for longer than that, actorrpc fails its calls as unreachable (issue 11), and this lets a run measure
	 * throughput anyway. A run that sets it says so.
	 */
	public static final String PEER_UNREACHABLE_AFTER_PROPERTY = "actorrpc.bench.peer-unreachable-after";

	private static final long TIMEOUT_MILLIS = EchoClient.CALL_TIMEOUT.toMillis();

	/**
	 * The flow-control window, in messages, of every service of the benchmarks, set alike on both sides as
	 * a user would for this much in flight: the fan-in trial keeps 2,000 calls in flight from one client
	 * service to one endpoint, and up to a quarter of the window may be credit on its way back. The default
	 * window (1,024) would refuse that trial's callbacks, which run on the transport thread and must not wait.
	 */
	static final int WINDOW_MESSAGES = 4096;

	/** Which actorrpc is measured. */
	public enum Variant {

		/** As it ships: the flight recorder on (256 messages per endpoint), no journal. */
		DEFAULT,

		/** The flight recorder off, the baseline of the recorder's cost. */
		RECORDER_OFF,

		/**
		 * The echo endpoint journaled: every call is one record with its argument, encoded on the main thread and
		 * written and fsynced in batches by the journal's writer thread, to a temporary directory that is deleted
		 * when the service closes; the oldest segments are deleted at the size bound, so a long trial keeps paying
		 * the full cost.
		 */
		JOURNAL

	}

	private final Variant variant;

	/** @param variant which actorrpc to measure */
	public ActorRpcDriver(Variant variant) {
		this.variant = variant;
	}

	/**
	 * Starts a service as every actorrpc side of the benchmarks does, as it ships ({@link Variant#DEFAULT}).
	 * @param systemName its actor system name
	 * @return the started service
	 */
	public static PekkoRpcService startService(String systemName) {
		return new PekkoRpcService(settings(systemName).build());
	}

	private Service startVariantService(String systemName) throws IOException {
		PekkoRpcServiceSettings.Builder settings = settings(systemName);
		if (this.variant == Variant.RECORDER_OFF) {
			settings.flightRecorderSize(0);
		}
		Path journal = null;
		if (this.variant == Variant.JOURNAL) {
			journal = Files.createTempDirectory("actorrpc-bench-journal");
			// The remote placement's server JVM exits without closing its service (EchoServerMain).
			Path created = journal;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> Service.deleteQuietly(created), "journal-cleanup"));
			settings.journal(JournalSettings.of(journal, "echo").withOnFull(JournalSettings.OnFull.DELETE_OLDEST));
		}
		return new Service(new PekkoRpcService(settings.build()), journal);
	}

	private static PekkoRpcServiceSettings.Builder settings(String systemName) {
		PekkoRpcServiceSettings.Builder settings = PekkoRpcServiceSettings.builder()
			.systemName(systemName)
			.host("127.0.0.1")
			.port(0)
			.askTimeout(EchoClient.CALL_TIMEOUT)
			.captureCallStack(false)
			.flowControl(FlowControlSettings.defaults()
				.withWindow(WINDOW_MESSAGES, FlowControlSettings.DEFAULT_WINDOW_BYTES));
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
		return settings;
	}

	@Override
	public EchoServer startServer() throws Exception {
		Service service = startVariantService("actorrpcbench");
		try {
			ActorRpcEchoEndpoint endpoint = new ActorRpcEchoEndpoint(service.rpc(), "echo");
			endpoint.start();
			return new ActorRpcServer(service, endpoint);
		}
		catch (RuntimeException ex) {
			service.close();
			throw ex;
		}
	}

	@Override
	public EchoClientSide startClientSide(EchoServer colocated) throws IOException {
		Service service = (colocated instanceof ActorRpcServer server) ? server.service
				: startVariantService("actorrpcclient");
		boolean owned = colocated == null;
		return new EchoClientSide() {
			@Override
			public EchoClient connect(String address) throws Exception {
				ActorRpcEchoGateway gateway = service.rpc().connect(address, ActorRpcEchoGateway.class)
					.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
				return new ActorRpcEchoClient(gateway);
			}

			@Override
			public void close() throws Exception {
				if (owned) {
					service.close();
				}
			}
		};
	}

	@Override
	public boolean hostsEndpoints() {
		return true;
	}

	@Override
	public EndpointHost startEndpointHost() throws IOException {
		Service service = startVariantService("actorrpcbench");
		return new EndpointHost() {
			@Override
			public Object startEndpoint(String id) throws Exception {
				ActorRpcEchoEndpoint endpoint = new ActorRpcEchoEndpoint(service.rpc(), id);
				endpoint.start();
				endpoint.getSelfGateway(ActorRpcEchoGateway.class).delivery().get(TIMEOUT_MILLIS,
						TimeUnit.MILLISECONDS);
				return endpoint;
			}

			@Override
			public void close() throws Exception {
				service.close();
			}
		};
	}

	/** A started service, and the journal directory it owns, if any. */
	private record Service(PekkoRpcService rpc, Path journal) implements AutoCloseable {

		@Override
		public void close() throws Exception {
			try {
				this.rpc.closeAsync().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
			}
			finally {
				if (this.journal != null) {
					deleteRecursively(this.journal);
				}
			}
		}

		static void deleteQuietly(Path directory) {
			try {
				if (Files.exists(directory)) {
					deleteRecursively(directory);
				}
			}
			catch (IOException | UncheckedIOException ex) {
				System.err.println("Could not delete the benchmark journal " + directory + ": " + ex);
			}
		}

		private static void deleteRecursively(Path directory) throws IOException {
			try (Stream<Path> paths = Files.walk(directory)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(path);
				}
			}
		}

	}

	private record ActorRpcServer(Service service, ActorRpcEchoEndpoint endpoint) implements EchoServer {

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
				this.service.close();
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
