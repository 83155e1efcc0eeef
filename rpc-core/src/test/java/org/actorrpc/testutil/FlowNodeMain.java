package org.actorrpc.testutil;

import java.time.Duration;


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
		Duration work = Duration.ofMillis(Long.parseLong(args[2]));
		EchoNodeMain.serve(args[0], Integer.parseInt(args[1]), (service) -> {
			FlowEndpoint slow = new FlowEndpoint(service, "slow", work, null);
			slow.start();
			new EchoEndpoint(service, "echo").start();
			return slow.getAddress();
		});
	}

}
