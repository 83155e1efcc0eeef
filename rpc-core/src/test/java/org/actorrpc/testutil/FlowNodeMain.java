package org.actorrpc.testutil;

import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.actorrpc.pekko.PekkoRpcService;
import org.actorrpc.pekko.PekkoRpcServiceSettings;

/**
 * Main class of a second JVM for flow-control tests: a service on 127.0.0.1 with a slow
 * {@link FlowEndpoint} ({@code slow}, the given work per message) and an {@link EchoEndpoint}
 * sibling ({@code echo}). Prints {@value EchoNodeMain#ADDRESS_PREFIX}{@code <address of slow>}
 * and runs until its standard input is closed.
 *
 * <p>Arguments: {@code <systemName> <port> <workMillisPerMessage>}.
 */
public final class FlowNodeMain {

	private FlowNodeMain() {
	}

	/**
	 * Runs the node.
	 * @param args system name, port, work per message in milliseconds
	 * @throws Exception if the service cannot start
	 */
	public static void main(String[] args) throws Exception {
		PekkoRpcServiceSettings settings = PekkoRpcServiceSettings.builder()
			.systemName(args[0])
			.host("127.0.0.1")
			.port(Integer.parseInt(args[1]))
			.shutdownTimeout(Duration.ofSeconds(5))
			.build();
		PekkoRpcService service = new PekkoRpcService(settings);
		try {
			FlowEndpoint slow = new FlowEndpoint(service, "slow", Duration.ofMillis(Long.parseLong(args[2])), null);
			slow.start();
			new EchoEndpoint(service, "echo").start();
			System.out.println(EchoNodeMain.ADDRESS_PREFIX + slow.getAddress());
			System.out.flush();
			InputStream in = System.in;
			byte[] buffer = new byte[256];
			while (in.read(buffer) >= 0) {
				// wait for the parent to close stdin (or die)
			}
		}
		finally {
			service.closeAsync().get(10, TimeUnit.SECONDS);
		}
		System.exit(0);
	}

}
