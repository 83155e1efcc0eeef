package org.actorrpc.testutil;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.actorrpc.RpcEndpoint;
import org.actorrpc.RpcService;
import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.pekko.PekkoRpcServiceSettings;

/**
 * Main class of a second JVM that says goodbye when it is stopped, as an application closes its services from its
 * own JVM shutdown hook (Spring's context close on SIGTERM): on start it connects to the caller's
 * {@link EchoGateway}, prints {@value EchoNodeMain#ADDRESS_PREFIX}{@code <its endpoint address>}, and registers a
 * shutdown hook that closes its service. Its endpoint's {@code onStop} then makes {@code calls} sequential echo
 * calls to the caller and tells it {@value #GOODBYE}: all of it arrives only if the transport is still open while
 * {@code onStop} runs.
 *
 * <p>Arguments: {@code <systemName> <callerEchoAddress> <calls>}.
 */
public final class GoodbyeNodeMain {

	/** What the node tells the caller after its goodbye calls were answered. */
	public static final String GOODBYE = "goodbye";

	private GoodbyeNodeMain() {
	}

	/**
	 * Runs the node until the JVM is asked to exit.
	 * @param args system name, the caller's echo endpoint address, number of goodbye calls
	 * @throws Exception if the service cannot start or connect
	 */
	public static void main(String[] args) throws Exception {
		if (args.length != 3) {
			System.err.println("usage: GoodbyeNodeMain <systemName> <callerEchoAddress> <calls>");
			System.exit(2);
		}
		PekkoRpcService service = new PekkoRpcService(PekkoRpcServiceSettings.builder()
			.systemName(args[0])
			.host("127.0.0.1")
			.port(0)
			.shutdownTimeout(Duration.ofSeconds(20))
			.build());
		EchoGateway caller = service.connect(args[1], EchoGateway.class).get(30, TimeUnit.SECONDS);
		GoodbyeEndpoint endpoint = new GoodbyeEndpoint(service, caller, Integer.parseInt(args[2]));
		endpoint.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				service.closeAsync().get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				System.err.println("closing the service failed: " + ex);
			}
		}, "close-service"));
		System.out.println(EchoNodeMain.ADDRESS_PREFIX + endpoint.getAddress());
		System.out.flush();
		// Serve until the JVM is asked to exit: the main thread waits for its own end.
		Thread.currentThread().join();
	}

	/** An endpoint that calls its caller from {@code onStop}. Main-thread confined. */
	static final class GoodbyeEndpoint extends RpcEndpoint {

		private final EchoGateway caller;

		private final int calls;

		GoodbyeEndpoint(RpcService rpcService, EchoGateway caller, int calls) {
			super(rpcService, "goodbye");
			this.caller = caller;
			this.calls = calls;
		}

		@Override
		protected CompletableFuture<Void> onStop() {
			CompletableFuture<String> chain = CompletableFuture.completedFuture(null);
			for (int i = 1; i <= this.calls; i++) {
				String message = "goodbye call " + i;
				chain = chain.thenCompose((previous) -> this.caller.echo(message));
			}
			return chain.thenAccept((last) -> this.caller.tell(GOODBYE))
				.thenCompose((told) -> this.caller.echo("flush"))
				.thenApply((flushed) -> null);
		}

	}

}
