package org.actorrpc.testutil;

import java.io.InputStream;
import java.time.Duration;
import java.util.function.Function;

import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.pekko.PekkoRpcServiceSettings;

/**
 * Main class of the second JVM used by process-boundary tests: starts a {@link PekkoRpcService}
 * on 127.0.0.1 and the given port with an {@link EchoEndpoint}, prints
 * {@value #ADDRESS_PREFIX}{@code <endpoint address>} on standard output, and runs until its
 * standard input is closed (so it never outlives the test JVM that started it).
 *
 * <p>Arguments: {@code <systemName> <port> <endpointId>}.
 */
public final class EchoNodeMain {

	/** Prefix of the line that carries the endpoint address. */
	public static final String ADDRESS_PREFIX = "ACTORRPC-ECHO-ADDRESS ";

	private EchoNodeMain() {
	}

	/**
	 * Runs the node.
	 * @param args system name, port, endpoint id
	 * @throws Exception if the service cannot start
	 */
	public static void main(String[] args) throws Exception {
		if (args.length != 3) {
			System.err.println("usage: EchoNodeMain <systemName> <port> <endpointId>");
			System.exit(2);
		}
		serve(args[0], Integer.parseInt(args[1]), (service) -> {
			EchoEndpoint endpoint = new EchoEndpoint(service, args[2]);
			endpoint.start();
			return endpoint.getAddress();
		});
	}

	/**
	 * Runs a node: starts a service on 127.0.0.1, lets {@code endpoints} start what it serves,
	 * prints the address it returns after {@value #ADDRESS_PREFIX}, and exits once standard input
	 * is closed.
	 * @param systemName the service's system name
	 * @param port its port, 0 for any free one
	 * @param endpoints starts the endpoints and returns the address to print
	 * @throws Exception if the service cannot start
	 */
	static void serve(String systemName, int port, Function<PekkoRpcService, String> endpoints) throws Exception {
		PekkoRpcServiceSettings settings = PekkoRpcServiceSettings.builder()
			.systemName(systemName)
			.host("127.0.0.1")
			.port(port)
			.shutdownTimeout(Duration.ofSeconds(5))
			.build();
		PekkoRpcService service = new PekkoRpcService(settings);
		try {
			System.out.println(ADDRESS_PREFIX + endpoints.apply(service));
			System.out.flush();
			InputStream in = System.in;
			byte[] buffer = new byte[256];
			while (in.read(buffer) >= 0) {
				// wait for the parent to close stdin (or die)
			}
		}
		finally {
			service.closeAsync().get(10, java.util.concurrent.TimeUnit.SECONDS);
		}
		System.exit(0);
	}

}
